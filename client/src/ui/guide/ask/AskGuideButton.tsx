/** The HUD's 问向导 / Ask the guide button, beside the tour button: opens the ask panel (a lazy chunk, see AskGuideLayer). */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../../store';
import { useAsk } from './askStore';

export function AskGuideButton() {
  const { t } = useTranslation();
  const open = useAsk((s) => s.open);
  const raise = useStore((s) => s.raisePanel);
  const toggle = () => {
    // asked for: it wins its area on a small screen until it closes
    if (!open) raise('askGuide');
    useAsk.getState().setOpen(!open);
  };
  return (
    <button type="button" className="ghost ask-guide-toggle" data-testid="ask-guide-toggle" aria-expanded={open} onClick={toggle}>
      {t('layout.askGuide')}
    </button>
  );
}
