/**
 * The agenda in the hall (a lazy chunk, loaded after the hall is up): the panel the toolbar's 日程
 * button opens — the hall's session on now, the next one, and what follows, each with its star —
 * and the reminder banner for starred sessions. Both stay live through the agenda's event stream.
 */
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { hallPath, navigate } from '../../router';
import { Slot } from '../layout/Overlay';
import { useNow } from '../meetings/useNow';
import { useAgenda } from './agendaStore';
import { nowAndNext } from './agendaTime';
import { useAgendaPanel } from './panelOpen';
import { ReminderBanner } from './ReminderBanner';
import { SessionCard } from './SessionCard';
import { useStars } from './starsStore';
import { useAgendaReminders } from './useAgendaReminders';
import { NS } from './locales';
import './agenda.css';

/** Sessions listed under "later": enough for the rest of a day. */
const LATER_MAX = 8;

export default function HallAgenda({ hallId }: { hallId: HallId }) {
  const follow = useAgenda((s) => s.follow);
  const initStars = useStars((s) => s.init);
  useEffect(() => follow(), [follow]);
  useEffect(() => void initStars(), [initStars]);
  return (
    <>
      <AgendaPanel hallId={hallId} />
      <HallReminder hallId={hallId} />
    </>
  );
}

function AgendaPanel({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const open = useAgendaPanel((s) => s.open);
  const setOpen = useAgendaPanel((s) => s.setOpen);
  const close = useCallback(() => setOpen(false), [setOpen]);
  const status = useAgenda((s) => s.status);
  const problem = useAgenda((s) => s.problem);
  const reload = useAgenda((s) => s.reload);
  const sessions = useAgenda((s) => s.sessions);
  const now = useNow(30_000, sessions);
  if (!open) return null;
  const mine = sessions.filter((s) => s.hallId === hallId);
  const { on, next, later } = nowAndNext(mine, now);
  const hall = i18n.t(`halls.${hallId}`, { ns: 'translation' });
  return (
    <Slot id="agenda" onClose={close}>
      <aside className="panel agenda-panel" data-testid="agenda-panel" aria-labelledby="agenda-panel-title">
        <header className="agenda-panel-head">
          <h2 id="agenda-panel-title">{t('panelTitle', { hall })}</h2>
          <button type="button" className="ghost" aria-label={i18n.t('hud.dismiss', { ns: 'translation' })} onClick={close} data-testid="agenda-panel-close">
            ×
          </button>
        </header>
        {status === 'loading' && <p>{t('loading')}</p>}
        {status === 'error' && (
          <p className="form-problem" role="alert">
            {t('loadFailed', { message: problem })}{' '}
            <button type="button" onClick={() => void reload()}>
              {t('retry')}
            </button>
          </p>
        )}
        {status === 'ready' && (
          <>
            <section aria-label={t('onNow')} data-testid="agenda-on-now">
              <h3>{t('onNow')}</h3>
              {on.length ? on.map((s) => <SessionCard key={s.id} s={s} now={now} compact />) : <p className="agenda-muted">{t('nothingNow')}</p>}
            </section>
            <section aria-label={t('next')} data-testid="agenda-next">
              <h3>{t('next')}</h3>
              {next ? <SessionCard s={next} now={now} compact /> : <p className="agenda-muted">{t('nothingLater')}</p>}
            </section>
            {later.length > 0 && (
              <section aria-label={t('later')} data-testid="agenda-later">
                <h3>{t('later')}</h3>
                {later.slice(0, LATER_MAX).map((s) => (
                  <SessionCard key={s.id} s={s} now={now} compact />
                ))}
              </section>
            )}
          </>
        )}
        <p>
          <a href={`/agenda?hall=${hallId}`} target="_blank" rel="noopener" data-testid="agenda-full-link">
            {t('fullAgenda')}
          </a>
        </p>
      </aside>
    </Slot>
  );
}

function HallReminder({ hallId }: { hallId: HallId }) {
  const { due, dismiss, now } = useAgendaReminders();
  const s = due[0];
  if (!s) return null;
  return (
    <Slot id="agendaReminder" onClose={() => dismiss(s)}>
      <ReminderBanner s={s} now={now} onGo={s.hallId === hallId ? null : () => navigate(hallPath(s.hallId))} onDismiss={() => dismiss(s)} />
    </Slot>
  );
}
