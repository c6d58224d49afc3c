/**
 * The organizer's "敏感词 / Word list" card: the custom words (add one per line, remove), a box to
 * try a sentence against the live filter, and the shipped starter list, read-only. The server
 * folds each word into the form it matches (simplified, lower case, letters and digits), and that
 * form is what the list shows. Lazy, like the analytics card.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteResponse } from '../../../../../shared/api/routes';
import { WORD_ADD_MAX, WORD_CHECK_MAX } from '../../../../../shared/api/wordList';
import { api } from '../../../net/api';
import { errorText } from '../session';
import { NS } from './locales';
import './wordList.css';

type List = RouteResponse<'wordList'>;
type Checked = RouteResponse<'checkWords'>;

/** The lines of the text box as entries: trimmed, blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export default function WordListPanel() {
  const { t, i18n } = useTranslation(NS);
  const [list, setList] = useState<List | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ text: string; problem: boolean } | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await api('wordList'));
      setLoadError(null);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    const words = linesOf(draft);
    if (!words.length) return setMsg({ text: t('nothingToAdd'), problem: true });
    setBusy(true);
    try {
      // the server takes at most WORD_ADD_MAX lines at a time; a long paste goes in several requests
      let added = 0;
      const already: string[] = [];
      for (let i = 0; i < words.length; i += WORD_ADD_MAX) {
        const r = await api('addWords', { body: { words: words.slice(i, i + WORD_ADD_MAX) } });
        added += r.added.length;
        already.push(...r.already);
        setList(r);
      }
      setDraft('');
      const parts = [t('added', { count: added })];
      if (already.length) parts.push(t('already', { count: already.length, words: already.join('、') }));
      setMsg({ text: parts.join('；'), problem: false });
    } catch (err) {
      setMsg({ text: errorText(err), problem: true });
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string, word: string) {
    try {
      setList(await api('removeWord', { params: { wordId: id } }));
      setMsg({ text: t('removed', { word }), problem: false });
    } catch (err) {
      setMsg({ text: errorText(err), problem: true });
    }
  }

  const starterCount = list ? list.starter.zh.length + list.starter.en.length : 0;
  const when = (ms: number) => new Date(ms).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <section className="console-card word-list" data-testid="word-list" aria-labelledby="word-list-title">
      <h2 id="word-list-title">{t('title')}</h2>
      <p className="fineprint">{t('intro')}</p>
      <p className="fineprint">{t('rules')}</p>
      {loadError && (
        <p className="form-problem" role="alert">
          {t('loadFailed', { message: loadError })}
        </p>
      )}
      <form onSubmit={(e) => void add(e)} className="word-list-add">
        <label className="console-field">
          <span>{t('addLabel')}</span>
          <textarea value={draft} onChange={(e) => setDraft(e.target.value)} rows={4} placeholder={t('addPlaceholder')} data-testid="word-list-input" />
        </label>
        <div className="console-row">
          <button type="submit" className="primary" disabled={busy} data-testid="word-list-add">
            {busy ? t('adding') : t('add')}
          </button>
          <span role="status" className={msg?.problem ? 'form-problem' : 'fineprint'} data-testid="word-list-status">
            {msg?.text ?? t('applies')}
          </span>
        </div>
      </form>

      {!list ? (
        !loadError && <p>{t('loading')}</p>
      ) : (
        <>
          <h3>{t('custom', { count: list.custom.length, max: list.max })}</h3>
          {list.custom.length === 0 ? (
            <p className="fineprint">{t('customEmpty')}</p>
          ) : (
            <ul className="word-list-words" data-testid="word-list-custom">
              {list.custom.map((w) => (
                <li key={w.id}>
                  <span className="word-list-word">{w.word}</span>
                  <span className="fineprint">{t('addedAt', { time: when(w.createdAt) })}</span>
                  <button type="button" onClick={() => void remove(w.id, w.word)} aria-label={t('removeLabel', { word: w.word })}>
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <TryIt />
          <details className="word-list-starter" data-testid="word-list-starter">
            <summary>{t('starter', { count: starterCount })}</summary>
            <h4>{t('starterZh', { count: list.starter.zh.length })}</h4>
            <p className="word-list-plain">{list.starter.zh.join('、')}</p>
            <h4>{t('starterEn', { count: list.starter.en.length })}</h4>
            <p className="word-list-plain">{list.starter.en.join(', ')}</p>
          </details>
        </>
      )}
    </section>
  );
}

/** Runs a sentence through the server's live filter: what it finds and what chat would show. */
function TryIt() {
  const { t } = useTranslation(NS);
  const [text, setText] = useState('');
  const [result, setResult] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function check(e: FormEvent) {
    e.preventDefault();
    try {
      setResult(await api('checkWords', { body: { text } }));
      setProblem(null);
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  return (
    <form className="word-list-try" onSubmit={(e) => void check(e)}>
      <h3>{t('tryTitle')}</h3>
      <div className="console-row">
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={WORD_CHECK_MAX}
          required
          aria-label={t('tryLabel')}
          placeholder={t('tryLabel')}
          data-testid="word-list-try-input"
        />
        <button type="submit" data-testid="word-list-try">
          {t('tryButton')}
        </button>
      </div>
      {problem && <p className="form-problem">{problem}</p>}
      {result && (
        <div role="status" data-testid="word-list-try-result">
          <p>{result.hits.length ? t('tryHits', { words: result.hits.join('、') }) : t('tryClean')}</p>
          <p className="word-list-plain">{t('tryMasked', { text: result.masked })}</p>
        </div>
      )}
    </form>
  );
}
