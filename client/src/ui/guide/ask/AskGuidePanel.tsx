/**
 * The ask-the-guide panel (a lazy chunk): a text box (Enter sends), a few suggested questions, and
 * the conversation, each answer said by the guide with "take me there" for what it found, or the
 * exhibitor directory when it found nothing. Everything is rendered as text. What the guide knows is
 * gathered when the panel first opens: both halls' booths (the API's lists), the layouts, the agenda.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaSessionView } from '../../../../../shared/api/agenda';
import type { BoothView } from '../../../../../shared/api/schemas';
import { HALL_IDS, type HallId } from '../../../../../shared/halls';
import { pick } from '../../../i18n/pick';
import { api } from '../../../net/api';
import { useStore } from '../../../store';
import { useAgenda } from '../../agenda/agendaStore';
import { agendaClock, agendaDate, dayKey } from '../../agenda/agendaTime';
import { Slot } from '../../layout/Overlay';
import { useTour } from '../tourStore';
import { askData } from './askData';
import { useAsk, type Exchange } from './askStore';
import { askGuide, QUESTION_MAX, type AskAnswer, type AskData, type AskParam, type AskTarget } from './matcher';
import { canGo, takeMeThere } from './takeMeThere';
import { NS } from './locales';
import './ask.css';

/** How long a question waits for the booths and the agenda before it is answered with what there is. */
const GATHER_WAIT_MS = 6000;

/** Both halls' booths, read once per page (a visitor asks about the other hall's exhibitors too). */
let boothsLoad: Promise<BoothView[]> | null = null;
function loadBooths(): Promise<BoothView[]> {
  boothsLoad ??= Promise.all(HALL_IDS.map((hall) => api('hallBooths', { query: { hall } }).then((r) => r.booths)))
    .then((lists) => lists.flat())
    .catch((err: unknown) => {
      boothsLoad = null; // asked again next time
      throw err;
    });
  return boothsLoad;
}

/** The agenda's first read, settled (ready or failed), within `ms`. */
function agendaSettled(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => ['ready', 'error'].includes(useAgenda.getState().status);
    if (done()) return resolve();
    const timer = window.setTimeout(finish, ms);
    const unsubscribe = useAgenda.subscribe(() => done() && finish());
    function finish() {
      window.clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

const timeout = (ms: number) => new Promise<null>((resolve) => window.setTimeout(() => resolve(null), ms));

/**
 * The matcher's data, rebuilt only when what it is made of changes (its index costs ~15 ms): this
 * hall's booths as the store keeps them live (the hall's event stream), the other hall's as read
 * when the panel first opened, and the agenda (live too).
 */
let known: {
  hallId: HallId;
  live: Record<string, BoothView> | null;
  fetched: BoothView[] | null;
  sessions: readonly AgendaSessionView[];
  data: AskData;
} | null = null;
function knowledge(hallId: HallId, fetched: BoothView[] | null, sessions: readonly AgendaSessionView[]): AskData {
  const s = useStore.getState();
  const live = s.boothsHall === hallId && s.boothsStatus === 'ready' ? s.booths : null;
  if (!known || known.hallId !== hallId || known.live !== live || known.fetched !== fetched || known.sessions !== sessions) {
    const booths = live ? [...Object.values(live), ...(fetched ?? []).filter((b) => b.hallId !== hallId)] : (fetched ?? []);
    known = { hallId, live, fetched, sessions, data: askData(hallId, booths, sessions) };
  }
  return known.data;
}

/** Puts the question in the conversation and answers it once the booths and the agenda are in (or have failed). */
async function answer(hallId: HallId, text: string): Promise<void> {
  const q = text.trim();
  const id = useAsk.getState().ask(q.slice(0, QUESTION_MAX));
  const [booths] = await Promise.all([Promise.race([loadBooths().catch(() => null), timeout(GATHER_WAIT_MS)]), agendaSettled(GATHER_WAIT_MS)]);
  const data = knowledge(hallId, booths, useAgenda.getState().sessions);
  const now = Date.now();
  useAsk.getState().answered(id, askGuide(q, data, now), now);
}

function useGuideName(): string {
  const { t, i18n } = useTranslation('guide');
  const guide = useTour((s) => s.guide);
  return guide ? pick(guide, i18n.language) : t('defaultName');
}

/** An answer's words in the reader's language: bilingual names picked, instants in their own time zone (with the day when not today). */
function useSay() {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const name = useGuideName();
  return (a: AskAnswer, askedAt: number): string => {
    const params: Record<string, string | number> = { name };
    // "14:00" on the day it was asked, with the date on another day
    const today = dayKey(askedAt);
    const text = (v: AskParam): string | number => {
      if (typeof v === 'string' || typeof v === 'number') return v;
      if ('at' in v) return dayKey(v.at) === today ? agendaClock(v.at, lang) : `${agendaDate(v.at, lang)} ${agendaClock(v.at, lang)}`;
      return pick(v, lang);
    };
    for (const [k, v] of Object.entries(a.params)) params[k] = text(v);
    return t(a.key, params);
  };
}

function targetName(target: AskTarget, lang: string): string {
  return pick(target.kind === 'session' ? target.title : target.name, lang);
}

export default function AskGuidePanel({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const log = useAsk((s) => s.log);
  const guideName = useGuideName();
  const say = useSay();
  const raise = useStore((s) => s.raisePanel);
  const [question, setQuestion] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const logRef = useRef<HTMLOListElement>(null);
  const close = useCallback(() => useAsk.getState().setOpen(false), []);

  // the agenda stays live while the panel is open (it shares the page's one stream)
  const follow = useAgenda((s) => s.follow);
  useEffect(() => follow(), [follow]);
  useEffect(() => {
    void loadBooths().catch(() => undefined);
    inputRef.current?.focus({ preventScroll: true });
  }, []);
  // the newest answer in view
  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log]);

  function ask(text: string) {
    setQuestion('');
    void answer(hallId, text);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (question.trim()) ask(question);
  }

  function go(target: AskTarget) {
    if (takeMeThere(hallId, target)) close();
  }

  function openDirectory() {
    raise('directory');
    useStore.getState().setDirectoryOpen(true);
    close();
  }

  const last = log[log.length - 1]?.answer;
  const showChips = log.length === 0 || (last && ['unknown', 'empty', 'help', 'greeting'].includes(last.kind));
  const chips = (['s1', 's2', 's3', 's4'] as const).map((k) => t(`suggestions.${k}`));

  return (
    <Slot id="askGuide" onClose={close}>
      <aside className="panel ask-guide" role="dialog" aria-labelledby="ask-guide-title" data-testid="ask-guide">
        <header className="ask-guide-head">
          <h2 id="ask-guide-title">{t('title')}</h2>
          <button type="button" className="ghost" onClick={close} aria-label={t('close')} data-testid="ask-guide-close">
            ×
          </button>
        </header>
        <ol className="ask-log" ref={logRef} aria-live="polite" data-testid="ask-log">
          {log.length === 0 && (
            <li className="ask-says">
              <b>{guideName}</b>
              <p>{t('intro', { name: guideName })}</p>
            </li>
          )}
          {log.map((e) => (
            <ExchangeItem key={e.id} exchange={e} guideName={guideName} lang={lang} hallId={hallId} say={say} onGo={go} onDirectory={openDirectory} />
          ))}
        </ol>
        {showChips && (
          <div className="ask-chips" role="group" aria-label={t('suggestionsLabel')}>
            {chips.map((c) => (
              <button type="button" key={c} className="pill" onClick={() => ask(c)} data-testid="ask-suggestion">
                {c}
              </button>
            ))}
          </div>
        )}
        <form className="ask-form" onSubmit={onSubmit}>
          <input
            ref={inputRef}
            type="text"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            placeholder={t('placeholder')}
            aria-label={t('inputLabel')}
            maxLength={QUESTION_MAX}
            enterKeyHint="send"
            autoComplete="off"
            data-testid="ask-input"
          />
          <button type="submit" className="primary" disabled={!question.trim()} data-testid="ask-send">
            {t('send')}
          </button>
        </form>
      </aside>
    </Slot>
  );
}

function ExchangeItem(props: {
  exchange: Exchange;
  guideName: string;
  lang: string;
  hallId: HallId;
  say: (a: AskAnswer, askedAt: number) => string;
  onGo: (t: AskTarget) => void;
  onDirectory: () => void;
}) {
  const { t } = useTranslation(NS);
  const { exchange: e, guideName, lang, hallId } = props;
  const a = e.answer;
  // two sessions in one hall both go to its stage: one button
  const goKey = (x: AskTarget) => (x.kind === 'session' ? `stage-${x.hallId}` : `${x.kind}-${x.hallId}-${x.kind === 'booth' ? x.boothId : x.id}`);
  const targets = a ? a.targets.filter((x, i, all) => canGo(hallId, x) && all.findIndex((y) => goKey(y) === goKey(x)) === i) : [];
  return (
    <>
      <li className="ask-asked" data-testid="ask-question">
        <b>{t('you')}</b>
        <p>{e.question}</p>
      </li>
      <li className="ask-says" data-testid="ask-answer" data-kind={a?.kind ?? 'pending'}>
        <b>{guideName}</b>
        <p data-testid="ask-answer-text">{a ? props.say(a, e.answeredAt) : t('thinking')}</p>
        {targets.length > 0 && (
          <div className="ask-actions">
            {targets.map((x) => (
              <button
                type="button"
                key={goKey(x)}
                className="primary"
                onClick={() => props.onGo(x)}
                aria-label={t('takeMeTo', { name: targetName(x, lang) })}
                data-testid="ask-go"
                data-target={x.kind === 'booth' ? x.boothId : x.id}
              >
                {targets.length > 1 ? targetName(x, lang) : t('takeMeThere')}
              </button>
            ))}
          </div>
        )}
        {a?.directory && (
          <div className="ask-actions">
            <button type="button" onClick={props.onDirectory} data-testid="ask-directory">
              {t('openDirectory')}
            </button>
          </div>
        )}
      </li>
    </>
  );
}
