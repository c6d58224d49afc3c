/**
 * The moderators' Q&A queue (issue #11), for moderators and organizers: the running expo's questions
 * awaiting a decision (most votes first), and those approved onto the stage or rejected. Approving
 * puts a question on the stage screen and the hall panel in every instance at once; an approved one
 * can be taken off again. The server authorizes and records every decision (audit log); the list
 * refreshes every few seconds and after each decision.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_STATUSES, type QaConsoleQuestion, type QaStatus } from '../../../../../shared/api/qa';
import { pick } from '../../../i18n/pick';
import { api } from '../../../net/api';
import { errorText } from '../session';
import { NS } from './locales';

/** How often the queue is read again while the console is open (new questions, new votes). */
const REFRESH_MS = 4000;

export default function QaQueue() {
  const { t, i18n } = useTranslation(NS);
  const [status, setStatus] = useState<QaStatus>('pending');
  const [list, setList] = useState<QaConsoleQuestion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(() => {
    api('qaQueue', { query: { status } }).then(
      (r) => {
        setList(r.questions);
        setProblem(null);
      },
      (err) => setProblem(errorText(err)),
    );
  }, [status]);
  useEffect(() => {
    load();
    const id = window.setInterval(load, REFRESH_MS);
    return () => window.clearInterval(id);
  }, [load]);

  async function decide(q: QaConsoleQuestion, decision: 'approve' | 'reject') {
    setBusy(q.id);
    try {
      await api('qaDecide', { params: { questionId: q.id }, body: { decision } });
      setList((l) => l?.filter((x) => x.id !== q.id) ?? null);
      setProblem(null);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(null);
      load();
    }
  }

  return (
    <section className="console-card" data-testid="qa-queue" aria-labelledby="qa-queue-title">
      <h2 id="qa-queue-title">{t('console.title')}</h2>
      <p className="fineprint">{t('console.intro')}</p>
      <div className="console-row" role="group" aria-label={t('console.show')}>
        {QA_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={status === s}
            className={status === s ? 'primary' : undefined}
            onClick={() => setStatus(s)}
            data-testid={`qa-tab-${s}`}
          >
            {t(`console.status.${s}`)}
          </button>
        ))}
      </div>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      {list && list.length === 0 && <p className="fineprint">{t(`console.empty.${status}`)}</p>}
      <ul className="moderation-list">
        {list?.map((q) => (
          <li key={q.id} data-testid="qa-queue-item">
            <blockquote>{q.text}</blockquote>
            <div className="fineprint">
              {t('console.meta', {
                name: q.name,
                votes: q.votes,
                hall: t(`halls.${q.hallId}`, { ns: 'translation', defaultValue: q.hallId }),
                session: pick(q.sessionTitle, i18n.language),
                time: new Date(q.at).toLocaleTimeString(i18n.language),
              })}
            </div>
            <div className="console-row">
              {q.status !== 'approved' && (
                <button type="button" className="primary" disabled={busy === q.id} onClick={() => void decide(q, 'approve')} data-testid="qa-approve">
                  {t('console.approve')}
                </button>
              )}
              {q.status !== 'rejected' && (
                <button type="button" disabled={busy === q.id} onClick={() => void decide(q, 'reject')} data-testid="qa-reject">
                  {q.status === 'approved' ? t('console.takeOff') : t('console.reject')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
