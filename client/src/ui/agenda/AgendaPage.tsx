/**
 * /agenda — the expo's public programme: by day, and within a day by hall, with kind badges,
 * speakers, a "now" line, filters by hall and kind, stars, calendar files and the reminder of a
 * starred session. It follows the agenda's event stream, so an organizer's save shows without a
 * reload. Chinese first, with the language switch.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KINDS, type SessionKind } from '../../../../shared/api/agenda';
import type { UserView } from '../../../../shared/api/schemas';
import { routeUrl } from '../../net/api';
import { hallPath, navigate } from '../../router';
import { LanguageSwitch } from '../LanguageSwitch';
import { useSession } from '../console/session';
import { useNow } from '../meetings/useNow';
import { AccountPanel } from '../visitor/AccountPanel';
import { useAgenda } from './agendaStore';
import { agendaClock, agendaDate, byDay, dayKey, nextDayKey, nowLineIndex } from './agendaTime';
import { ReminderBanner } from './ReminderBanner';
import { SessionCard } from './SessionCard';
import { useStars } from './starsStore';
import { useAgendaReminders } from './useAgendaReminders';
import { NS } from './locales';
import './agenda.css';

function initialHall(): string {
  return new URLSearchParams(window.location.search).get('hall') ?? '';
}

export default function AgendaPage() {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const follow = useAgenda((s) => s.follow);
  const { status, problem, halls, sessions, reload } = useAgenda();
  const initStars = useStars((s) => s.init);
  const [hall, setHall] = useState(initialHall);
  const [kind, setKind] = useState<SessionKind | ''>('');
  const now = useNow(30_000, sessions);
  useEffect(() => follow(), [follow]);
  useEffect(() => void initStars(), [initStars]);
  // a link to one session (/agenda#session-<id>, e.g. from a lot in the hall's auction panel): its card arrives with the data
  useEffect(() => {
    if (status === 'ready' && window.location.hash.startsWith('#session-')) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [status]);

  const hallName = (id: string) => i18n.t(`halls.${id}`, { ns: 'translation', defaultValue: id });
  const shownHalls = halls.filter((h) => !hall || h === hall);
  const filtered = useMemo(() => sessions.filter((s) => (!hall || s.hallId === hall) && (!kind || s.kind === kind)), [sessions, hall, kind]);
  const days = byDay(filtered);
  const today = dayKey(now);
  const dayTitle = (day: string, first: number) =>
    day === today
      ? `${t('today')} · ${agendaDate(first, lang)}`
      : day === nextDayKey(today)
        ? `${t('tomorrow')} · ${agendaDate(first, lang)}`
        : agendaDate(first, lang);

  return (
    <main className="agenda-page" data-testid="agenda-page">
      <header className="agenda-head">
        <h1>{t('title')}</h1>
        <div className="agenda-head-row">
          <LanguageSwitch />
          <a href="/">{t('home')}</a>
        </div>
      </header>
      <p className="agenda-intro">{t('intro')}</p>
      <PageReminder />
      <StarsAccount />

      <section className="agenda-filters" aria-label={t('filters')}>
        <div className="chips" role="group" aria-label={t('hallFilter')}>
          <button type="button" className={!hall ? 'chip selected' : 'chip'} aria-pressed={!hall} onClick={() => setHall('')}>
            {t('allHalls')}
          </button>
          {halls.map((h) => (
            <button
              key={h}
              type="button"
              className={hall === h ? 'chip selected' : 'chip'}
              aria-pressed={hall === h}
              onClick={() => setHall(h)}
              data-testid={`agenda-hall-${h}`}
            >
              {hallName(h)}
            </button>
          ))}
        </div>
        <div className="chips" role="group" aria-label={t('kindFilter')}>
          <button type="button" className={!kind ? 'chip selected' : 'chip'} aria-pressed={!kind} onClick={() => setKind('')}>
            {t('allKinds')}
          </button>
          {SESSION_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className={kind === k ? 'chip selected' : 'chip'}
              aria-pressed={kind === k}
              onClick={() => setKind(k)}
              data-testid={`agenda-kind-${k}`}
            >
              {t(`kind.${k}`)}
            </button>
          ))}
        </div>
      </section>

      {status === 'loading' || status === 'idle' ? (
        <p>{t('loading')}</p>
      ) : status === 'error' ? (
        <p className="form-problem" role="alert">
          {t('loadFailed', { message: problem })}{' '}
          <button type="button" onClick={() => void reload()}>
            {t('retry')}
          </button>
        </p>
      ) : days.length === 0 ? (
        <p data-testid="agenda-empty">{sessions.length ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        days.map(({ day, sessions: list }) => (
          <section key={day} className="agenda-day" aria-labelledby={`day-${day}`} data-testid="agenda-day" data-day={day}>
            <h2 id={`day-${day}`}>{dayTitle(day, list[0].startsAt)}</h2>
            <div className="agenda-halls" style={{ gridTemplateColumns: `repeat(${Math.max(1, shownHalls.length)}, minmax(0, 1fr))` }}>
              {shownHalls.map((h) => {
                const inHall = list.filter((s) => s.hallId === h);
                const line = nowLineIndex(day, inHall, now);
                return (
                  <div key={h} className="agenda-hall-column" data-testid="agenda-hall-column" data-hall={h}>
                    <h3>
                      <a href={hallPath(h)}>{t('hallName', { hall: hallName(h) })}</a>
                    </h3>
                    {inHall.map((s, i) => (
                      <div key={s.id}>
                        {i === line && <NowLine now={now} lang={lang} />}
                        <SessionCard s={s} now={now} />
                      </div>
                    ))}
                    {line === inHall.length && inHall.length > 0 && <NowLine now={now} lang={lang} />}
                  </div>
                );
              })}
            </div>
          </section>
        ))
      )}
      {problem && status === 'ready' && (
        <p className="form-problem" role="alert">
          {t('loadFailed', { message: problem })}
        </p>
      )}
    </main>
  );
}

function NowLine({ now, lang }: { now: number; lang: string }) {
  const { t } = useTranslation(NS);
  return (
    <div className="agenda-now-line" data-testid="agenda-now-line" role="separator">
      <span>{t('nowLine', { time: agendaClock(now, lang) })}</span>
    </div>
  );
}

function PageReminder() {
  const { due, dismiss, now } = useAgendaReminders();
  const s = due[0];
  if (!s) return null;
  return <ReminderBanner s={s} now={now} onGo={() => navigate(hallPath(s.hallId))} onDismiss={() => dismiss(s)} />;
}

/** Where the stars are kept, the "my stars" calendar file, and the sign-in that moves them into an account. */
function StarsAccount() {
  const { t } = useTranslation(NS);
  const account = useStars((s) => s.account);
  const ids = useStars((s) => s.ids);
  const problem = useStars((s) => s.problem);
  const signedIn = useStars((s) => s.signedIn);
  const signedOut = useStars((s) => s.signedOut);
  const { state, setUser, signOut, refresh } = useSession();
  const onSignedIn = (u: UserView) => {
    setUser(u);
    if (u.role === 'visitor') void signedIn();
  };
  return (
    <section className="agenda-account" data-testid="agenda-account" data-account={account}>
      {account === 'member' ? (
        <p>{t('starsAccount')}</p>
      ) : (
        <details>
          <summary>
            {t('starsHere')} <span className="agenda-signin">{t('signIn')}</span>
          </summary>
          <AccountPanel
            state={state}
            onSignedIn={onSignedIn}
            onSignOut={() => {
              void signOut();
              signedOut();
            }}
            onRetry={() => void refresh()}
            why={t('starsHere')}
          />
        </details>
      )}
      {ids.length > 0 && (
        <a className="button" href={routeUrl('agendaCalendar', { query: { sessions: ids.join(',') } })} download data-testid="agenda-my-ics">
          {t('myCalendar')}
        </a>
      )}
      {problem && (
        <p className="form-problem" role="alert">
          {t('starFailed', { message: problem })}
        </p>
      )}
    </section>
  );
}
