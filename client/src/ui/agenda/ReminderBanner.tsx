/** The starred session's reminder: its title, when and where, "go to the hall" and "got it". */
import { useTranslation } from 'react-i18next';
import type { AgendaSessionView } from '../../../../shared/api/agenda';
import { pick } from '../../i18n';
import { agendaClock } from './agendaTime';
import { NS } from './locales';

export function ReminderBanner({
  s,
  now,
  onGo,
  onDismiss,
}: {
  s: AgendaSessionView;
  now: number;
  /** null when the visitor is in the session's hall already */
  onGo: (() => void) | null;
  onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const hall = i18n.t(`halls.${s.hallId}`, { ns: 'translation', defaultValue: s.hallId });
  const minutes = Math.max(1, Math.ceil((s.startsAt - now) / 60_000));
  return (
    <div className="announcement agenda-reminder" role="alert" data-testid="agenda-reminder" data-session={s.id}>
      <strong>{i18n.t('agenda.reminderTitle', { ns: 'translation' })}</strong>
      <span>{t('reminderText', { title: pick(s.title, lang), minutes, time: agendaClock(s.startsAt, lang), hall })}</span>
      {onGo && (
        <button type="button" onClick={onGo} data-testid="agenda-reminder-go">
          {t('reminderGo', { hall })}
        </button>
      )}
      <button type="button" className="ghost" aria-label={t('reminderDismiss')} onClick={onDismiss} data-testid="agenda-reminder-dismiss">
        ×
      </button>
    </div>
  );
}
