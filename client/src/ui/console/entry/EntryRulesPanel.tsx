/**
 * The organizer's "入场规则 / Entry rules" card (issue #11 item 5): the expo's rule and each hall's
 * (open, entry code, invite-only, visitor accounts only; a hall may follow the expo), the entry code
 * (sent once, stored hashed: the card only knows whether one is set), and entry passes for
 * invite-only halls (make a link, see its uses, revoke). Lazy, like the word-list card.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteResponse } from '../../../../../shared/api/routes';
import { HALL_ENTRY_SETTINGS, type HallEntrySetting } from '../../../../../shared/api/entryTerms';
import { entryInviteInputSchema } from '../../../../../shared/api/entry';
import { api, ApiRequestError } from '../../../net/api';
import { errorText } from '../session';
import { inviteProblems, type InviteField } from './inviteProblems';
import { NS } from './locales';

type Settings = RouteResponse<'entrySettings'>;
type RuleView = Settings['rules'][number];

function RuleRow({ view, onSaved }: { view: RuleView; onSaved: (v: RuleView) => void }) {
  const { t } = useTranslation(NS);
  const { t: tApp } = useTranslation();
  const [setting, setSetting] = useState<HallEntrySetting>(view.setting);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ text: string; problem: boolean } | null>(null);
  const scopeName = view.scope === 'expo' ? t('expo') : tApp(`halls.${view.scope}`);
  const options = view.scope === 'expo' ? HALL_ENTRY_SETTINGS.filter((s) => s !== 'inherit') : HALL_ENTRY_SETTINGS;

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await api('setEntryRule', {
        params: { scope: view.scope },
        body: { rule: setting, ...(setting === 'code' && code.trim() ? { code } : {}) },
      });
      setCode('');
      setMsg({ text: t('saved', { scope: scopeName }), problem: false });
      onSaved(saved);
    } catch (err) {
      setMsg({ text: errorText(err), problem: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="entry-rule-row" onSubmit={(e) => void save(e)} data-testid={`entry-rule-${view.scope}`}>
      <label className="console-field">
        <span>{t('ruleLabel', { scope: scopeName })}</span>
        <select value={setting} onChange={(e) => setSetting(e.target.value as HallEntrySetting)} data-testid={`entry-setting-${view.scope}`}>
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`setting.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {setting === 'code' && (
        <label className="console-field">
          <span>{t('codeLabel')}</span>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            placeholder={view.hasCode ? t('codeKeep') : t('codeNew')}
            data-testid={`entry-code-${view.scope}`}
          />
        </label>
      )}
      <div className="console-row">
        <button type="submit" className="primary" disabled={busy} data-testid={`entry-save-${view.scope}`}>
          {busy ? t('saving') : t('save')}
        </button>
        <span className="fineprint" data-testid={`entry-effective-${view.scope}`}>
          {t('effective', { rule: t(`setting.${view.effective}`) })}
        </span>
        <span role="status" className={msg?.problem ? 'form-problem' : 'fineprint'} data-testid={`entry-status-${view.scope}`}>
          {msg?.text ?? ''}
        </span>
      </div>
    </form>
  );
}

function Invites({ settings, reload }: { settings: Settings; reload: () => Promise<void> }) {
  const { t, i18n } = useTranslation(NS);
  const { t: tApp } = useTranslation();
  const [label, setLabel] = useState('');
  const [hallId, setHallId] = useState('');
  const [maxUses, setMaxUses] = useState('');
  const [days, setDays] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [wrong, setWrong] = useState<InviteField[]>([]);
  const ids = useId();
  const halls = settings.rules.filter((r) => r.scope !== 'expo').map((r) => r.scope);
  const when = (ms: number) => new Date(ms).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  /** a field's aria attributes and the words under it when it is wrong */
  const field = (f: InviteField) => ({ 'aria-invalid': wrong.includes(f) || undefined, 'aria-describedby': wrong.includes(f) ? `${ids}-${f}` : undefined });
  const problem = (f: InviteField) =>
    wrong.includes(f) && (
      <span className="form-problem" id={`${ids}-${f}`} data-testid={`entry-invite-problem-${f}`}>
        {t(`problems.${f}`)}
      </span>
    );

  async function create(e: FormEvent) {
    e.preventDefault();
    // checked here first with the route's own schema, so each field's words are the page's language
    const body = { label, hallId: hallId || null, maxUses: maxUses ? Number(maxUses) : null, days: days ? Number(days) : null };
    const check = entryInviteInputSchema.safeParse(body);
    if (!check.success) {
      setWrong(inviteProblems(check.error.issues));
      setMsg(null);
      return;
    }
    try {
      const r = await api('createEntryInvite', { body: check.data });
      setLink(`${window.location.origin}${r.path}`);
      setLabel('');
      setWrong([]);
      setMsg(null);
      await reload();
    } catch (err) {
      const fields = err instanceof ApiRequestError && err.status === 400 ? inviteProblems(err.issues) : [];
      setWrong(fields);
      setMsg(fields.length ? null : errorText(err));
    }
  }

  async function revoke(id: string) {
    try {
      await api('revokeEntryInvite', { params: { inviteId: id } });
      await reload();
    } catch (err) {
      setMsg(errorText(err));
    }
  }

  return (
    <>
      <h3>{t('invites')}</h3>
      <p className="fineprint">{t('invitesIntro')}</p>
      {/* noValidate: the browser's own bubbles speak its language, not the page's; the check above speaks the page's */}
      <form onSubmit={(e) => void create(e)} className="entry-invite-form" noValidate>
        <label className="console-field">
          <span>{t('inviteLabel')}</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={80} required {...field('label')} data-testid="entry-invite-label" />
          {problem('label')}
        </label>
        <label className="console-field">
          <span>{t('inviteHall')}</span>
          <select value={hallId} onChange={(e) => setHallId(e.target.value)} {...field('hallId')}>
            <option value="">{t('inviteAll')}</option>
            {halls.map((h) => (
              <option key={h} value={h}>
                {tApp(`halls.${h}`)}
              </option>
            ))}
          </select>
          {problem('hallId')}
        </label>
        <label className="console-field">
          <span>{t('inviteMax')}</span>
          <input type="number" min={1} value={maxUses} onChange={(e) => setMaxUses(e.target.value)} {...field('maxUses')} data-testid="entry-invite-max" />
          {problem('maxUses')}
        </label>
        <label className="console-field">
          <span>{t('inviteDays')}</span>
          <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} {...field('days')} data-testid="entry-invite-days" />
          {problem('days')}
        </label>
        <button type="submit" className="primary" data-testid="entry-invite-create">
          {t('create')}
        </button>
      </form>
      {msg && (
        <p className="form-problem" role="alert">
          {msg}
        </p>
      )}
      {link && (
        <p data-testid="entry-invite-link">
          {t('created')} <input readOnly value={link} onFocus={(e) => e.target.select()} size={48} />
        </p>
      )}
      {settings.invites.length === 0 ? (
        <p className="fineprint">{t('none')}</p>
      ) : (
        <ul className="entry-invites" data-testid="entry-invites">
          {settings.invites.map((inv) => (
            <li key={inv.id}>
              <strong>{inv.label}</strong> · {inv.hallId ? tApp(`halls.${inv.hallId}`) : t('inviteAll')} ·{' '}
              {inv.maxUses ? t('usesOf', { uses: inv.uses, max: inv.maxUses }) : t('uses', { uses: inv.uses })}
              {inv.expiresAt && <> · {t('expires', { time: when(inv.expiresAt) })}</>}
              {inv.revokedAt ? (
                <> · {t('revoked')}</>
              ) : (
                <button type="button" onClick={() => void revoke(inv.id)} aria-label={t('revokeLabel', { label: inv.label })}>
                  {t('revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function EntryRulesPanel() {
  const { t } = useTranslation(NS);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSettings(await api('entrySettings'));
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="console-card entry-rules" data-testid="entry-rules" aria-labelledby="entry-rules-title">
      <h2 id="entry-rules-title">{t('title')}</h2>
      <p className="fineprint">{t('intro')}</p>
      {loadError && (
        <p className="form-problem" role="alert">
          {t('loadFailed', { message: loadError })}
        </p>
      )}
      {!settings ? (
        !loadError && <p>{t('loading')}</p>
      ) : (
        <>
          {settings.rules.map((r) => (
            // a saved expo rule changes what the halls that follow it do: read all again
            <RuleRow key={r.scope} view={r} onSaved={() => void load()} />
          ))}
          <Invites settings={settings} reload={load} />
        </>
      )}
    </section>
  );
}
