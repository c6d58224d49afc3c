/** The toolbar's button that opens the exhibitor directory (the directory itself is a lazy chunk, see BoothLayer). */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import './booth.css';

export function DirectoryButton() {
  const { t } = useTranslation();
  const open = useStore((s) => s.directoryOpen);
  const setOpen = useStore((s) => s.setDirectoryOpen);
  const raise = useStore((s) => s.raisePanel);
  const toggle = () => {
    // asked for: it wins its area on a small screen until it closes
    if (!open) raise('directory');
    setOpen(!open);
  };
  return (
    <button type="button" className="directory-toggle pill" aria-expanded={open} onClick={toggle} data-testid="directory-toggle">
      {t('directory.open')}
    </button>
  );
}
