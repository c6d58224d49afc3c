/** /organizer — exhibitors of the running expo: add, place, invite staff, edit, remove; hall announcements. */
import { lazy, Suspense, useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOOTH_TEMPLATES, INDUSTRIES, PARKS, TEXT_LIMITS } from '../../../../shared/api/common';
import { exhibitorCreateSchema } from '../../../../shared/api/schemas';
import type { RouteResponse } from '../../../../shared/api/routes';
import { ANNOUNCE_MAX } from '../../../../shared/constants';
import { HALL_IDS } from '../../../../shared/halls';
import { pick } from '../../i18n';
import { api } from '../../net/api';
import { ConsoleShell } from './ConsolePage';
import { LoginForm } from './LoginForm';
import { errorText, useSession } from './session';
import './console.css';

// every booth's figures and the hall heatmap; analytics and ECharts load only with this card
const ExpoAnalytics = lazy(() => import('./analytics/ExpoAnalytics'));
// the agenda editor (issue #11), with its words (the `agenda` namespace) in its chunk
const AgendaEditor = lazy(() => import('./agenda/AgendaEditor'));
// the live dashboard (who is in the expo now), first on the page; its chunk and ECharts load with it
const LiveDashboard = lazy(() => import('./dashboard/LiveDashboard'));
// the sensitive-word list (issue #11), with its own words (i18n namespace) in its chunk
const WordListPanel = lazy(() => import('./wordList/WordListPanel'));
// entry rules (issue #11): the expo's and each hall's rule, entry codes and entry passes
const EntryRulesPanel = lazy(() => import('./entry/EntryRulesPanel'));
// moderation (issue #11): reports queue, hall chat controls, mutes and bans, audit log; moderators land here too
const ModerationConsole = lazy(() => import('./moderation/ModerationConsole'));
const ModeratorInviteAccept = lazy(() => import('./moderation/ModeratorInviteAccept'));
// Q&A (issue #11): the queue of audience questions, beside the moderation console
const QaQueue = lazy(() => import('./qa/QaQueue'));
// the live auction (issue #12): lots per hall with their results, and the form to put one up
const AuctionConsole = lazy(() => import('./auction/AuctionConsole'));

type Exhibitor = RouteResponse<'organizerExhibitors'>['exhibitors'][number];
type Slot = RouteResponse<'slots'>['slots'][number];

export default function OrganizerPage() {
  const { t } = useTranslation();
  const { state, setUser, signOut } = useSession();
  if (state.status === 'loading') return <ConsoleShell title={t('console.organizerTitle')}>{t('console.loading')}</ConsoleShell>;
  if (state.status === 'error') return <ConsoleShell title={t('console.organizerTitle')}>{t('console.error', { message: state.message })}</ConsoleShell>;
  if (state.status === 'signed-out') {
    // a moderator invitation (issue #11) opens the account form instead of the sign-in
    const invite = new URLSearchParams(window.location.search).get('invite');
    return (
      <ConsoleShell title={t('console.organizerTitle')}>
        {invite && /^[A-Za-z0-9_-]{20,64}$/.test(invite) ? (
          <Suspense fallback={null}>
            <ModeratorInviteAccept token={invite} onSignedIn={setUser} />
          </Suspense>
        ) : (
          <LoginForm onSignedIn={setUser} />
        )}
      </ConsoleShell>
    );
  }
  if (state.user.role === 'moderator') {
    return (
      <ConsoleShell title={t('console.organizerTitle')} onSignOut={() => void signOut()}>
        <Suspense fallback={null}>
          <ModerationConsole organizer={false} />
          <QaQueue />
        </Suspense>
      </ConsoleShell>
    );
  }
  if (state.user.role !== 'organizer') {
    return (
      <ConsoleShell title={t('console.organizerTitle')} onSignOut={() => void signOut()}>
        <p className="console-card">
          {t('console.organizerOnly')} · <a href="/exhibitor">{t('console.toExhibitor')}</a>
        </p>
      </ConsoleShell>
    );
  }
  return (
    <ConsoleShell title={t('console.organizerTitle')} onSignOut={() => void signOut()}>
      <Organizer />
    </ConsoleShell>
  );
}

function Organizer() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [list, setList] = useState<Exhibitor[] | null>(null);
  const [slots, setSlots] = useState<Slot[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [invites, setInvites] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    try {
      const [e, s] = await Promise.all([api('organizerExhibitors'), api('slots')]);
      setList(e.exhibitors);
      setSlots(s.slots);
    } catch (err) {
      setProblem(errorText(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const free = (hallId: string) => slots.filter((s) => s.hallId === hallId && !s.boothId);

  async function place(e: Exhibitor, slotKey: string) {
    const [hallId, slotId] = slotKey ? slotKey.split('/') : [e.hallId, ''];
    try {
      await api('placeBooth', { params: { boothId: e.boothId }, body: { hallId, slotId: slotId || null } });
      await load();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  async function invite(e: Exhibitor) {
    try {
      const r = await api('createInvite', { params: { exhibitorId: e.exhibitorId }, body: {} });
      setInvites((m) => ({ ...m, [e.exhibitorId]: r.url }));
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  async function remove(e: Exhibitor) {
    if (!window.confirm(t('organizer.confirmDelete', { name: pick(e.name, lang) }))) return;
    try {
      await api('deleteExhibitor', { params: { exhibitorId: e.exhibitorId } });
      await load();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  return (
    <>
      <Suspense fallback={null}>
        <LiveDashboard />
      </Suspense>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <AddExhibitor slots={slots} onAdded={() => void load()} />
      <Announce />
      <Suspense fallback={null}>
        <AgendaEditor />
      </Suspense>
      <Suspense fallback={null}>
        <AuctionConsole />
      </Suspense>
      <section className="console-card">
        <h2>{t('organizer.exhibitors')}</h2>
        {!list ? (
          <p>{t('console.loading')}</p>
        ) : (
          <table className="organizer-table">
            <thead>
              <tr>
                <th>{t('organizer.exhibitors')}</th>
                <th>{t('organizer.hall')}</th>
                <th>{t('organizer.slot')}</th>
                <th>{t('organizer.staff')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.exhibitorId}>
                  <td>{pick(e.name, lang)}</td>
                  <td>{t(`halls.${e.hallId}`, { defaultValue: e.hallId })}</td>
                  <td>
                    <select
                      value={e.slotId ? `${e.hallId}/${e.slotId}` : ''}
                      onChange={(ev) => void place(e, ev.target.value)}
                      aria-label={t('organizer.move')}
                    >
                      <option value="">{t('organizer.unplaced')}</option>
                      {e.slotId && <option value={`${e.hallId}/${e.slotId}`}>{e.slotId}</option>}
                      {HALL_IDS.flatMap((h) =>
                        free(h).map((s) => (
                          <option key={`${h}/${s.slotId}`} value={`${h}/${s.slotId}`}>
                            {t(`halls.${h}`)} · {s.slotId} ({s.size})
                          </option>
                        )),
                      )}
                    </select>
                  </td>
                  <td className="fineprint">{e.staff.length ? e.staff.map((s) => s.email).join(', ') : t('organizer.noStaff')}</td>
                  <td className="console-row">
                    <a className="button" href={`/exhibitor?booth=${e.boothId}`}>
                      {t('organizer.edit')}
                    </a>
                    <button type="button" onClick={() => void invite(e)}>
                      {t('organizer.invite')}
                    </button>
                    <button type="button" onClick={() => void remove(e)}>
                      {t('organizer.delete')}
                    </button>
                    {invites[e.exhibitorId] && (
                      <span className="invite-url">
                        {t('organizer.inviteLink')} <input readOnly value={invites[e.exhibitorId]} onFocus={(ev) => ev.target.select()} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Suspense fallback={null}>
        <WordListPanel />
      </Suspense>
      <Suspense fallback={null}>
        <EntryRulesPanel />
      </Suspense>
      <Suspense fallback={null}>
        <ExpoAnalytics />
      </Suspense>
      <Suspense fallback={null}>
        <ModerationConsole organizer />
        <QaQueue />
      </Suspense>
    </>
  );
}

function AddExhibitor({ slots, onAdded }: { slots: Slot[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ zh: '', en: '', industry: INDUSTRIES[0] as string, park: PARKS[0] as string, slot: '', template: 'kiosk' as string });
  const [msg, setMsg] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const [hallId, slotId] = f.slot ? f.slot.split('/') : [HALL_IDS[0], null];
    const body = exhibitorCreateSchema.safeParse({ name: { zh: f.zh, en: f.en }, industry: f.industry, park: f.park, hallId, slotId, template: f.template });
    if (!body.success) return setMsg(body.error.issues.map((i) => i.message).join('; '));
    try {
      await api('createExhibitor', { body: body.data });
      setF((x) => ({ ...x, zh: '', en: '', slot: '' }));
      setMsg(null);
      onAdded();
    } catch (err) {
      setMsg(errorText(err));
    }
  }

  return (
    <form className="console-card" onSubmit={(e) => void submit(e)}>
      <h2>{t('organizer.add')}</h2>
      <div className="console-grid">
        <label className="console-field">
          <span>{t('console.companyZh')}</span>
          <input value={f.zh} onChange={set('zh')} required maxLength={TEXT_LIMITS.name} />
        </label>
        <label className="console-field">
          <span>{t('console.companyEn')}</span>
          <input value={f.en} onChange={set('en')} maxLength={TEXT_LIMITS.name} />
        </label>
        <label className="console-field">
          <span>{t('console.industry')}</span>
          <select value={f.industry} onChange={set('industry')}>
            {INDUSTRIES.map((i) => (
              <option key={i} value={i}>
                {t(`industries.${i}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="console-field">
          <span>{t('console.park')}</span>
          <select value={f.park} onChange={set('park')}>
            {PARKS.map((p) => (
              <option key={p} value={p}>
                {t(`parks.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="console-field">
          <span>{t('organizer.slot')}</span>
          <select value={f.slot} onChange={set('slot')}>
            <option value="">{t('organizer.unplaced')}</option>
            {slots
              .filter((s) => !s.boothId)
              .map((s) => (
                <option key={`${s.hallId}/${s.slotId}`} value={`${s.hallId}/${s.slotId}`}>
                  {t(`halls.${s.hallId}`, { defaultValue: s.hallId })} · {s.slotId} ({s.size})
                </option>
              ))}
          </select>
        </label>
        <label className="console-field">
          <span>{t('console.template')}</span>
          <select value={f.template} onChange={set('template')}>
            {BOOTH_TEMPLATES.map((tpl) => (
              <option key={tpl} value={tpl}>
                {t(`console.templates.${tpl}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="console-row">
        <button type="submit" className="primary">
          {t('organizer.add')}
        </button>
        <span className="form-problem">{msg}</span>
      </div>
    </form>
  );
}

function Announce() {
  const { t } = useTranslation();
  const [hallId, setHall] = useState<string>(HALL_IDS[0]);
  const [text, setText] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  async function send(e: FormEvent) {
    e.preventDefault();
    try {
      await api('announce', { body: { hallId, text } });
      setText('');
      setMsg(t('organizer.sent'));
    } catch (err) {
      setMsg(errorText(err));
    }
  }
  return (
    <form className="console-card console-row" onSubmit={(e) => void send(e)} data-testid="announce-form">
      <h2>{t('organizer.announce')}</h2>
      <select value={hallId} onChange={(e) => setHall(e.target.value)} aria-label={t('organizer.hall')}>
        {HALL_IDS.map((h) => (
          <option key={h} value={h}>
            {t(`halls.${h}`)}
          </option>
        ))}
      </select>
      <input
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={ANNOUNCE_MAX}
        required
        placeholder={t('organizer.announceText')}
        aria-label={t('organizer.announceText')}
        data-testid="announce-text"
      />
      <button type="submit" data-testid="announce-send">
        {t('organizer.send')}
      </button>
      <span className="fineprint">{msg}</span>
    </form>
  );
}
