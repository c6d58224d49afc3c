/**
 * The form that puts a lot up: hall, the agenda's auction session it belongs to (optional), kind,
 * both languages' title and description, start price, increment, opening and close (the
 * browser's local time), soft close, and one picture (uploaded first through the upload
 * pipeline: checked, re-encoded, stored; the save attaches it). Each problem is named beside its
 * field in the organizer's language before anything is sent; the server's refusal is shown too.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOT_KIND_VALUES } from '../../../../../shared/api/auction';
import type { AgendaSessionEdit } from '../../../../../shared/api/agenda';
import { AUCTION_MAX_AMOUNT } from '../../../../../shared/auctionRules';
import { pick } from '../../../i18n';
import { api } from '../../../net/api';
import { useNow } from '../../meetings/useNow';
import { agendaClock, agendaDate } from '../../agenda/agendaTime';
import { UploadField } from '../UploadField';
import { errorText } from '../session';
import { emptyLot, lotBody, PROBLEM_FIELD, type LotDraft, type LotKind, type LotProblem } from './lotDraft';
import { NS } from './locales';

interface Props {
  halls: string[];
  sessions: AgendaSessionEdit[];
  onCreated: (title: string) => void;
}

export function LotForm({ halls, sessions, onCreated }: Props) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const [d, setD] = useState<LotDraft>(() => emptyLot(halls[0], Date.now()));
  const [problems, setProblems] = useState<LotProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // a new form after each save: the upload field forgets the last file too
  const [generation, setGeneration] = useState(0);
  const set =
    <K extends keyof LotDraft>(k: K) =>
    (e: { target: { value: string } }) =>
      setD((x) => ({ ...x, [k]: e.target.value, ...(k === 'hallId' ? { sessionId: '' } : {}) }));

  const now = useNow(60_000, sessions);
  const hallSessions = sessions.filter((s) => s.hallId === d.hallId && s.endsAt > now);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const r = lotBody(d, Date.now());
    if (!r.ok) return setProblems(r.problems);
    setProblems([]);
    setBusy(true);
    try {
      const lot = await api('createAuctionLot', { body: r.body });
      setD(emptyLot(d.hallId, Date.now()));
      setGeneration((g) => g + 1);
      onCreated(pick(lot.title, lang));
    } catch (err) {
      setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const problemOf = (field: keyof LotDraft): ReactNode => {
    const p = problems.find((x) => PROBLEM_FIELD[x] === field);
    return p ? (
      <span className="form-problem" role="alert" data-testid={`lot-problem-${p}`}>
        {t(`problem.${p}`, { max: AUCTION_MAX_AMOUNT })}
      </span>
    ) : null;
  };
  const field = (k: keyof LotDraft, label: string, input: ReactNode, hint?: string) => (
    <label className="console-field">
      <span>{label}</span>
      {input}
      {hint && <span className="fineprint">{hint}</span>}
      {problemOf(k)}
    </label>
  );
  const text = (k: 'titleZh' | 'titleEn', max: number) => (
    <input value={d[k]} onChange={set(k)} maxLength={max} aria-invalid={problems.some((p) => PROBLEM_FIELD[p] === k)} data-testid={`lot-${k}`} />
  );
  const area = (k: 'descZh' | 'descEn') => (
    <textarea value={d[k]} onChange={set(k)} maxLength={2000} rows={3} aria-invalid={problems.some((p) => PROBLEM_FIELD[p] === k)} data-testid={`lot-${k}`} />
  );
  const num = (k: 'startPrice' | 'increment' | 'softClose') => (
    <input inputMode="numeric" value={d[k]} onChange={set(k)} aria-invalid={problems.some((p) => PROBLEM_FIELD[p] === k)} data-testid={`lot-${k}`} />
  );
  const when = (k: 'opens' | 'closes') => (
    <input type="datetime-local" value={d[k]} onChange={set(k)} aria-invalid={problems.some((p) => PROBLEM_FIELD[p] === k)} data-testid={`lot-${k}`} />
  );

  return (
    <form className="auction-lot-form" onSubmit={(e) => void submit(e)} noValidate data-testid="lot-form">
      <h3>{t('add')}</h3>
      <div className="console-grid">
        {field(
          'hallId',
          t('hall'),
          <select value={d.hallId} onChange={set('hallId')} data-testid="lot-hall">
            {halls.map((h) => (
              <option key={h} value={h}>
                {i18n.t(`halls.${h}`, { ns: 'translation', defaultValue: h })}
              </option>
            ))}
          </select>,
        )}
        {field(
          'sessionId',
          t('session'),
          <select value={d.sessionId} onChange={set('sessionId')} data-testid="lot-session">
            <option value="">{t('noSession')}</option>
            {hallSessions.map((s) => (
              <option key={s.id} value={s.id}>
                {agendaDate(s.startsAt, lang)} {agendaClock(s.startsAt, lang)} · {pick(s.title, lang)}
              </option>
            ))}
          </select>,
          hallSessions.length ? undefined : t('noSessions'),
        )}
        {field(
          'kind',
          t('kind'),
          <select value={d.kind} onChange={(e) => setD((x) => ({ ...x, kind: e.target.value as LotKind }))} data-testid="lot-kind">
            {LOT_KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>,
          t('kindHint'),
        )}
        {field('titleZh', t('titleZh'), text('titleZh', 120))}
        {field('titleEn', t('titleEn'), text('titleEn', 120))}
        {field('descZh', t('descZh'), area('descZh'))}
        {field('descEn', t('descEn'), area('descEn'))}
        {field('startPrice', t('startPrice'), num('startPrice'))}
        {field('increment', t('increment'), num('increment'))}
        {field('opens', t('opens'), when('opens'))}
        {field('closes', t('closes'), when('closes'))}
        {field('softClose', t('softClose'), num('softClose'), t('softCloseHint'))}
      </div>
      <div className="auction-lot-picture">
        {d.picture && (
          <span className="auction-lot-preview">
            <img src={d.picture.url} alt="" width={96} height={96} data-testid="lot-picture-preview" />
            <button type="button" onClick={() => setD((x) => ({ ...x, picture: null }))}>
              {t('pictureRemove')}
            </button>
          </span>
        )}
        <UploadField
          key={generation}
          route="uploadAuctionPicture"
          params={undefined}
          label={t('picture')}
          hint={t('pictureHint')}
          onDone={(r) => setD((x) => ({ ...x, picture: { id: r.mediaId, url: r.url } }))}
          testId="lot-picture"
        />
      </div>
      <p className="auction-console-note">{t('offPlatform')}</p>
      <div className="console-row">
        <button type="submit" className="primary" disabled={busy} data-testid="lot-create">
          {busy ? t('saving') : t('create')}
        </button>
        {failure && (
          <span className="form-problem" role="alert" data-testid="lot-failure">
            {failure}
          </span>
        )}
      </div>
    </form>
  );
}
