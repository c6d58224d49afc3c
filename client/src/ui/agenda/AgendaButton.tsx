/** The toolbar's 日程 / Agenda button: opens the hall's agenda panel (the panel is a lazy chunk, see InHall). */
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useAgendaPanel } from './panelOpen';

export function AgendaButton() {
  const { t } = useTranslation();
  const open = useAgendaPanel((s) => s.open);
  const setOpen = useAgendaPanel((s) => s.setOpen);
  const raise = useStore((s) => s.raisePanel);
  const toggle = () => {
    // asked for: it wins its area on a small screen until it closes
    if (!open) raise('agenda');
    setOpen(!open);
  };
  return (
    <button type="button" className="pill" aria-expanded={open} onClick={toggle} data-testid="agenda-toggle">
      {t('agenda.open')}
    </button>
  );
}
