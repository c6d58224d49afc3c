/**
 * The moderators' Q&A queue (issue #11), for moderators and organizers: the running expo's questions
 * awaiting a decision (most votes first), and those approved onto the stage or rejected. Approving
 * puts a question on the stage screen and the hall panel in every instance at once; an approved one
 * can be taken off again. The server authorizes and records every decision (audit log). The list
 * is read again when the moderation stream says a question was asked, upvoted or decided on any
 * process (the `qa` event; moderators and organizers only, like the queue), after each decision,
 * when the stream comes back from a drop, and every FALLBACK_MS in case it dropped unnoticed.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_STATUSES, type QaConsoleQuestion, type QaStatus } from '../../../../../shared/api/qa';
import { pick } from '../../../i18n/pick';
import { api, routeUrl } from '../../../net/api';
import { followStream } from '../../../net/sharedStream';
import { errorText } from '../session';
import { coalescedReader, type CoalescedReader } from './coalescedReader';
import { NS } from './locales';

/** Events this close together make one read of the queue (a burst of upvotes during a talk). */
const SETTLE_MS = 400;
/** A re-read in case the stream dropped without saying so (a proxy that holds the socket open). */
const FALLBACK_MS = 30_000;

export default function QaQueue() {
  const { t, i18n } = useTranslation(NS);
  const [status, setStatus] = useState<QaStatus>('pending');
  const [list, setList] = useState<QaConsoleQuestion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [up, setUp] = useState(true);
  const reader = useRef<CoalescedReader | null>(null);

  useEffect(() => {
    // a read for the tab left behind must not land in the tab shown now
    let current = true;
    const r = coalescedReader(
      () =>
        api('qaQueue', { query: { status } }).then(
          (res) => {
            if (!current) return;
            setList(res.questions);
            setProblem(null);
          },
          (err) => {
            if (current) setProblem(errorText(err));
          },
        ),
      SETTLE_MS,
    );
    reader.current = r;
    r.request(true);
    const unfollow = followStream(routeUrl('moderationEvents'), {
      events: { qa: () => r.request() },
      onStatus: (isUp, reconnected) => {
        setUp(isUp);
        if (reconnected) r.request(true);
      },
    });
    const fallback = window.setInterval(() => r.request(), FALLBACK_MS);
    return () => {
      current = false;
      unfollow();
      window.clearInterval(fallback);
      r.stop();
      if (reader.current === r) reader.current = null;
    };
  }, [status]);

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
      reader.current?.request(true);
    }
  }

  return (
    <section className="console-card" data-testid="qa-queue" aria-labelledby="qa-queue-title">
      <h2 id="qa-queue-title">
        {t('console.title')}{' '}
        <span className="fineprint" data-testid="qa-live">
          {up ? `● ${t('console.live')}` : t('console.reconnecting')}
        </span>
      </h2>
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
