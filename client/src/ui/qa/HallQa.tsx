/**
 * The hall's Q&A panel (a lazy chunk, issue #11): while a session is on stage, visitors ask it
 * questions (at most QA_MAX_PER_SESSION each), upvote others' (once each), and see which ones a
 * moderator put on screen — the same list in every instance of the hall. Folded to its title bar by
 * default, so it never covers the hall uninvited; Escape folds it too.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_MAX_PER_SESSION, QA_TEXT_MAX } from '../../../../shared/constants';
import { checkLineText } from '../../../../shared/text';
import type { QaQuestion } from '../../../../shared/api/qa';
import { pick } from '../../i18n/pick';
import { currentRoom } from '../../net/connection';
import { sendMessage } from '../../net/messages';
import { useStore } from '../../store';
import { Slot } from '../layout/Overlay';
import { cardQuestions, useQa } from './qaStore';
import { NS } from './locales';
import './qa.css';

/** `window.__ludao.qa()` for e2e tests: the panel's lists and the stage card's, nothing a visitor could not read on screen. */
function useQaProbe() {
  useEffect(() => {
    const probe = window.__ludao;
    if (!probe) return;
    const qa = () => {
      const { snapshot } = useQa.getState();
      return {
        sessionId: snapshot.sessionId,
        approved: snapshot.approved.map((q) => q.text),
        pending: snapshot.pending.map((q) => q.text),
        card: [...cardQuestions.drawn],
      };
    };
    probe.qa = qa;
    return () => {
      if (probe.qa === qa) delete probe.qa;
    };
  }, []);
}

export default function HallQa() {
  useQaProbe();
  const sessionId = useQa((s) => s.snapshot.sessionId);
  if (!sessionId) return null;
  return <QaPanel key={sessionId} />;
}

function QaPanel() {
  const { t, i18n } = useTranslation(NS);
  const expanded = useQa((s) => s.expanded);
  const setExpanded = useQa((s) => s.setExpanded);
  const snapshot = useQa((s) => s.snapshot);
  const mine = useQa((s) => s.mine);
  const stage = useStore((s) => s.stage);
  const raise = useStore((s) => s.raisePanel);
  const fold = useCallback(() => setExpanded(false), [setExpanded]);
  const bodyId = useId();
  const title = stage && stage.sessionId === snapshot.sessionId ? pick(stage.title, i18n.language) : '';
  const total = snapshot.approved.length + snapshot.pending.length;
  const rejected = mine?.mine.filter((q) => q.status === 'rejected').length ?? 0;
  const toggle = () => {
    if (!expanded) raise('qa');
    setExpanded(!expanded);
  };
  return (
    <Slot id="qa" onClose={expanded ? fold : undefined}>
      <aside className="panel qa-panel" data-testid="qa-panel" data-expanded={expanded} aria-label={t('title')}>
        <button type="button" className="qa-head" aria-expanded={expanded} aria-controls={bodyId} onClick={toggle} data-testid="qa-toggle">
          <span className="qa-head-title">{t('title')}</span>
          <span className="qa-count" aria-hidden="true">
            {total}
          </span>
          <span className="qa-chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          <span className="sr-only">{expanded ? t('collapse') : t('expand')}</span>
        </button>
        {expanded ? (
          <div id={bodyId} className="qa-body">
            {title ? <p className="qa-session">{t('session', { title })}</p> : null}
            <AskForm />
            {rejected > 0 ? <p className="qa-muted">{t('rejected', { count: rejected })}</p> : null}
            <section aria-label={t('onScreen')} data-testid="qa-approved">
              <h3>{t('onScreen')}</h3>
              {snapshot.approved.length ? <QuestionList list={snapshot.approved} /> : <p className="qa-muted">{t('noApproved')}</p>}
            </section>
            <section aria-label={t('waiting')} data-testid="qa-pending">
              <h3>{t('waiting')}</h3>
              {snapshot.pending.length ? <QuestionList list={snapshot.pending} /> : <p className="qa-muted">{t('noPending')}</p>}
            </section>
          </div>
        ) : null}
      </aside>
    </Slot>
  );
}

function AskForm() {
  const { t } = useTranslation(NS);
  const mine = useQa((s) => s.mine);
  const result = useQa((s) => s.result);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [sending, setSending] = useState(false);
  const inputId = useId();
  const limit = mine?.limit ?? QA_MAX_PER_SESSION;
  const left = Math.max(0, limit - (mine?.asked ?? 0));

  // the server's answer to this visitor's ask ends the wait; a success clears the field
  useEffect(() => {
    if (!result || result.action !== 'ask') return;
    setSending(false);
    if (result.ok) setText('');
  }, [result]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = checkLineText(text, QA_TEXT_MAX);
    if (!r.ok) return setProblem(r.problem === 'too_long' ? t('tooLong', { max: QA_TEXT_MAX }) : t('empty'));
    const room = currentRoom();
    if (!room) return setProblem(t('refusal.failed'));
    setProblem('');
    setSending(true);
    sendMessage(room, 'qaAsk', { text: r.text });
  };

  const answer = result ? (result.ok ? (result.action === 'ask' ? t('sent') : t('voted')) : t(`refusal.${result.code ?? 'failed'}`, { limit })) : '';
  return (
    <form className="qa-ask" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>{t('askLabel')}</label>
      <textarea
        id={inputId}
        rows={2}
        value={text}
        maxLength={QA_TEXT_MAX * 2}
        placeholder={t('askPlaceholder', { max: QA_TEXT_MAX })}
        disabled={left === 0}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // typing here must not walk the avatar; Enter sends, Shift+Enter is a new line
          e.stopPropagation();
          if (e.key === 'Enter' && !e.shiftKey) submit(e);
        }}
        data-testid="qa-input"
      />
      <div className="row qa-ask-row">
        <span className="qa-muted" data-testid="qa-left">
          {left > 0 ? t('left', { left, limit }) : t('none')}
        </span>
        <button type="submit" className="primary" disabled={left === 0 || sending} data-testid="qa-send">
          {t('ask')}
        </button>
      </div>
      {problem ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <p className={result && !result.ok ? 'form-problem' : 'qa-answer'} role="status" data-testid="qa-answer">
        {answer}
      </p>
    </form>
  );
}

function QuestionList({ list }: { list: QaQuestion[] }) {
  const { t } = useTranslation(NS);
  const mine = useQa((s) => s.mine);
  const voted = new Set(mine?.voted ?? []);
  const own = new Set(mine?.mine.map((q) => q.id) ?? []);
  const vote = (id: string) => {
    const room = currentRoom();
    if (room) sendMessage(room, 'qaVote', { questionId: id });
  };
  return (
    <ol className="qa-list">
      {list.map((q) => (
        <li key={q.id} className="qa-item" data-testid="qa-question" data-status={q.status}>
          <p className="qa-text">{q.text}</p>
          <p className="qa-meta">
            <span>{q.name}</span>
            {own.has(q.id) ? <span className="qa-tag">{t('mineTag')}</span> : null}
            <button
              type="button"
              className="qa-vote"
              aria-pressed={voted.has(q.id)}
              aria-label={t('upvoteLabel', { text: q.text })}
              disabled={own.has(q.id) || voted.has(q.id)}
              onClick={() => vote(q.id)}
              data-testid="qa-vote"
            >
              ▲ {t('votes', { count: q.votes })}
            </button>
          </p>
        </li>
      ))}
    </ol>
  );
}
