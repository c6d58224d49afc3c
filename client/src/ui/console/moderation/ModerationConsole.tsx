/**
 * The moderation console (issue #11), for moderators and organizers: the reports queue, live over
 * the console's event stream, with its actions; each hall's chat mode; the live mutes and bans with
 * lift; the audit log, newest first, filterable by action; and (organizers) moderator invitations.
 * Every action is authorized and carried out by the server; this only asks.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SLOW_MODE_CHOICES, type AuditEntryView, type ReportView, type SanctionAction, type SanctionView } from '../../../../../shared/api/moderation';
import type { RouteResponse } from '../../../../../shared/api/routes';
import { api, routeUrl } from '../../../net/api';
import { followStream } from '../../../net/sharedStream';
import { SanctionChoices } from '../../moderation/SanctionChoices';
import { errorText } from '../session';
import { NS } from './locales';

type HallMode = RouteResponse<'hallModes'>['halls'][number];

export default function ModerationConsole({ organizer }: { organizer: boolean }) {
  const { t } = useTranslation(NS);
  const [problem, setProblem] = useState<string | null>(null);
  const [auditTick, setAuditTick] = useState(0);
  const acted = useCallback(() => setAuditTick((n) => n + 1), []);
  const fail = useCallback((err: unknown) => setProblem(errorText(err)), []);
  return (
    <section className="console-card" data-testid="moderation-console">
      <h2>{t('title')}</h2>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <Reports onActed={acted} onError={fail} />
      <HallControls onActed={acted} onError={fail} />
      <Sanctions onActed={acted} onError={fail} tick={auditTick} />
      <AuditLog tick={auditTick} onError={fail} />
      {organizer && <InviteModerator onError={fail} />}
    </section>
  );
}

interface Part {
  onActed: () => void;
  onError: (err: unknown) => void;
}

function Reports({ onActed, onError }: Part) {
  const { t, i18n } = useTranslation(NS);
  const [reports, setReports] = useState<ReportView[] | null>(null);
  const [up, setUp] = useState(true);
  const load = useCallback(() => {
    api('moderationReports', { query: { status: 'open' } }).then((r) => setReports(r.reports), onError);
  }, [onError]);
  useEffect(() => {
    load();
    return followStream(routeUrl('moderationEvents'), {
      events: {
        report: () => load(),
        'report-closed': () => load(),
      },
      onStatus: (isUp, reconnected) => {
        setUp(isUp);
        if (reconnected) load();
      },
    });
  }, [load]);

  /** minutes: the menu's choice for a mute or a ban (null: until lifted) */
  async function resolve(r: ReportView, action: SanctionAction | 'dismiss', minutes: number | null = null) {
    if (action === 'ban' && !window.confirm(t('confirmBan', { name: r.targetName }))) return;
    try {
      await api('resolveReport', { params: { reportId: r.id }, body: { action, ...(action === 'mute' || action === 'ban' ? { minutes } : {}) } });
      setReports((list) => list?.filter((x) => x.id !== r.id) ?? null);
      onActed();
    } catch (err) {
      onError(err);
      load();
    }
  }

  return (
    <div data-testid="reports-queue">
      <h3>
        {t('reports')} {up ? <span className="fineprint">● {t('live')}</span> : <span className="fineprint">{t('reconnecting')}</span>}
      </h3>
      {reports && reports.length === 0 && <p className="fineprint">{t('noReports')}</p>}
      <ul className="moderation-list">
        {reports?.map((r) => (
          <li key={r.id} data-testid="report">
            <b>{t('reported', { name: r.targetName })}</b> · {t(`reasons.${r.reason}`)}
            <div className="fineprint">
              {t('where', {
                hall: t(`halls.${r.hallId}`, { ns: 'translation', defaultValue: r.hallId }),
                n: r.instance,
                time: new Date(r.createdAt).toLocaleString(i18n.language),
              })}
            </div>
            {r.lineText ? <blockquote>{r.lineText}</blockquote> : <div className="fineprint">{t('person')}</div>}
            {r.note && <p>{r.note}</p>}
            {/* the same durations as the moderator's menu in the hall */}
            <SanctionChoices onAct={(action, minutes) => void resolve(r, action, minutes)} rowClassName="console-row" testIdPrefix="report-" />
            <div className="console-row">
              <button type="button" className="ghost" onClick={() => void resolve(r, 'dismiss')} data-testid="report-dismiss">
                {t('dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function HallControls({ onActed, onError }: Part) {
  const { t } = useTranslation(NS);
  const [halls, setHalls] = useState<HallMode[]>([]);
  useEffect(() => {
    api('hallModes').then((r) => setHalls(r.halls), onError);
    return followStream(routeUrl('moderationEvents'), {
      events: { 'hall-mode': () => void api('hallModes').then((r) => setHalls(r.halls), onError) },
    });
  }, [onError]);

  async function set(h: HallMode, change: Partial<HallMode['mode']>) {
    try {
      const r = await api('setHallMode', { params: { hallId: h.hallId }, body: { ...h.mode, ...change } });
      setHalls((list) => list.map((x) => (x.hallId === r.hallId ? r : x)));
      onActed();
    } catch (err) {
      onError(err);
    }
  }

  return (
    <div>
      <h3>{t('halls')}</h3>
      {halls.map((h) => (
        <div key={h.hallId} className="console-row" data-testid={`hall-mode-${h.hallId}`}>
          <b>{t(`halls.${h.hallId}`, { ns: 'translation', defaultValue: h.hallId })}</b>
          <label>
            {t('slowMode')}{' '}
            <select value={h.mode.slowModeS} onChange={(e) => void set(h, { slowModeS: Number(e.target.value) })}>
              {SLOW_MODE_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s === 0 ? t('off') : t('seconds', { count: s })}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={h.mode.chatOff} onChange={(e) => void set(h, { chatOff: e.target.checked })} /> {t('chatOff')}
          </label>
          <label>
            <input type="checkbox" checked={h.mode.muteAll} onChange={(e) => void set(h, { muteAll: e.target.checked })} /> {t('muteAll')}
          </label>
        </div>
      ))}
    </div>
  );
}

function Sanctions({ onActed, onError, tick }: Part & { tick: number }) {
  const { t, i18n } = useTranslation(NS);
  const [list, setList] = useState<SanctionView[] | null>(null);
  const load = useCallback(() => void api('sanctions').then((r) => setList(r.sanctions), onError), [onError]);
  useEffect(() => {
    load();
    return followStream(routeUrl('moderationEvents'), { events: { sanctions: () => load() } });
  }, [load, tick]);

  async function lift(s: SanctionView) {
    try {
      await api('liftSanction', { params: { sanctionId: s.id } });
      onActed();
      load();
    } catch (err) {
      onError(err);
    }
  }

  return (
    <div data-testid="sanctions">
      <h3>{t('sanctions')}</h3>
      {list && list.length === 0 && <p className="fineprint">{t('noSanctions')}</p>}
      <ul className="moderation-list">
        {list?.map((s) => (
          <li key={s.id} className="console-row">
            <b>{t(`kinds.${s.kind}`)}</b> {s.targetName ?? '—'} · {s.boundTo.map((b) => t(`bound.${b}`)).join(' + ')} ·{' '}
            {s.expiresAt ? t('until', { time: new Date(s.expiresAt).toLocaleString(i18n.language) }) : t('forever')}
            <button type="button" onClick={() => void lift(s)} data-testid="lift">
              {t('lift')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An audit action's words (`moderation.mute` -> actions.moderation.mute); an action of another domain shows as its name. */
const actionLabel = (t: (k: string, o?: Record<string, unknown>) => string, a: string) => t(`actions.${a}`, { defaultValue: a });

function AuditLog({ tick, onError }: { tick: number; onError: (err: unknown) => void }) {
  const { t, i18n } = useTranslation(NS);
  const [action, setAction] = useState('');
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [actions, setActions] = useState<string[]>([]);
  // actions taken elsewhere (another console, a moderator in the hall) reach this log through the stream
  const [streamTick, setStreamTick] = useState(0);
  useEffect(() => {
    const bump = () => setStreamTick((n) => n + 1);
    return followStream(routeUrl('moderationEvents'), { events: { 'report-closed': bump, sanctions: bump, 'hall-mode': bump } });
  }, []);
  useEffect(() => {
    api('auditLog', { query: { ...(action ? { action } : {}) } }).then((r) => {
      setEntries(r.entries);
      setActions(r.actions);
    }, onError);
  }, [action, tick, streamTick, onError]);

  async function older() {
    const last = entries.at(-1);
    if (!last) return;
    try {
      const r = await api('auditLog', { query: { ...(action ? { action } : {}), before: last.at } });
      setEntries((list) => [...list, ...r.entries]);
    } catch (err) {
      onError(err);
    }
  }

  return (
    <div data-testid="audit-log">
      <h3>{t('audit')}</h3>
      <select value={action} onChange={(e) => setAction(e.target.value)} aria-label={t('action')}>
        <option value="">{t('allActions')}</option>
        {actions.map((a) => (
          <option key={a} value={a}>
            {actionLabel(t, a)}
          </option>
        ))}
      </select>
      {entries.length === 0 ? (
        <p className="fineprint">{t('noAudit')}</p>
      ) : (
        <table className="organizer-table">
          <thead>
            <tr>
              <th>{t('when')}</th>
              <th>{t('action')}</th>
              <th>{t('actor')}</th>
              <th>{t('target')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-entry" data-action={e.action}>
                <td>{new Date(e.at).toLocaleString(i18n.language)}</td>
                <td title={e.action}>{actionLabel(t, e.action)}</td>
                <td className="fineprint">{e.actorId ?? '—'}</td>
                <td className="fineprint">
                  {e.targetType}:{e.targetId ?? '—'}
                  {e.detail ? ` ${JSON.stringify(e.detail)}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length >= 50 && (
        <button type="button" className="ghost" onClick={() => void older()}>
          {t('more')}
        </button>
      )}
    </div>
  );
}

function InviteModerator({ onError }: { onError: (err: unknown) => void }) {
  const { t } = useTranslation(NS);
  const [email, setEmail] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      setUrl((await api('createModeratorInvite', { body: { email: email.trim() } })).url);
    } catch (err) {
      onError(err);
    }
  }
  return (
    <form className="console-row" onSubmit={(e) => void submit(e)}>
      <h3>{t('invite')}</h3>
      <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder={t('inviteEmail')} aria-label={t('inviteEmail')} />
      <button type="submit">{t('inviteCreate')}</button>
      {url && (
        <span className="invite-url">
          {t('inviteLink')} <input readOnly value={url} onFocus={(ev) => ev.target.select()} />
        </span>
      )}
    </form>
  );
}
