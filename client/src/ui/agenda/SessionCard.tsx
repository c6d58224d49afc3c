/** One session in a list: time, kind, title, speakers with photo and title, tags, star and calendar file. */
import { useTranslation } from 'react-i18next';
import type { AgendaSessionView } from '../../../../shared/api/agenda';
import { pick } from '../../i18n';
import { routeUrl } from '../../net/api';
import { agendaClock, isOn } from './agendaTime';
import { StarButton } from './StarButton';
import { SessionLots } from './SessionLots';
import { NS } from './locales';

export function KindBadge({ kind }: { kind: AgendaSessionView['kind'] }) {
  const { t } = useTranslation(NS);
  return <span className={`agenda-kind kind-${kind}`}>{t(`kind.${kind}`)}</span>;
}

export function SessionCard({ s, now, showHall, compact }: { s: AgendaSessionView; now: number; showHall?: boolean; compact?: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const title = pick(s.title, lang);
  const description = pick(s.description, lang);
  const state = isOn(s, now) ? 'on' : s.endsAt <= now ? 'ended' : 'later';
  const minutes = Math.ceil((s.startsAt - now) / 60_000);
  return (
    <article
      id={`session-${s.id}`}
      className={`agenda-session state-${state}`}
      data-testid="agenda-session"
      data-session={s.id}
      data-kind={s.kind}
      data-state={state}
    >
      <div className="agenda-when">
        <span className="agenda-time">{t('time', { from: agendaClock(s.startsAt, lang), to: agendaClock(s.endsAt, lang) })}</span>
        {state === 'on' && <span className="agenda-now-badge">{t('now')}</span>}
        {state === 'ended' && <span className="agenda-ended">{t('ended')}</span>}
        {state === 'later' && minutes <= 60 && <span className="agenda-soon">{t('startsIn', { minutes })}</span>}
      </div>
      <div className="agenda-body">
        <h3 className="agenda-title">
          <KindBadge kind={s.kind} />
          <span data-testid="agenda-session-title">{title}</span>
        </h3>
        {showHall && <p className="agenda-hall">{t('hallName', { hall: i18n.t(`halls.${s.hallId}`, { ns: 'translation', defaultValue: s.hallId }) })}</p>}
        {!compact && description && <p className="agenda-desc">{description}</p>}
        {s.speakers.length > 0 && (
          <ul className="agenda-speakers" aria-label={t('speakers')}>
            {s.speakers.map((p, i) => (
              <li key={i}>
                {p.photoUrl ? <img src={p.photoUrl} alt="" width={40} height={40} loading="lazy" /> : <span className="agenda-nophoto" aria-hidden="true" />}
                <span>
                  <strong>{p.name}</strong>
                  {pick(p.title, lang) && <span className="agenda-speaker-title">{pick(p.title, lang)}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
        {!compact && s.tags.length > 0 && (
          <ul className="agenda-tags" aria-label={t('tags')}>
            {s.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        )}
        {s.kind === 'auction' && !compact && <SessionLots sessionId={s.id} live={state !== 'ended'} now={now} />}
        <div className="agenda-actions">
          <StarButton sessionId={s.id} title={title} />
          <a className="agenda-ics" href={routeUrl('agendaSessionIcs', { params: { sessionId: s.id } })} download data-testid="agenda-ics">
            {t('addToCalendar')}
          </a>
        </div>
      </div>
    </article>
  );
}
