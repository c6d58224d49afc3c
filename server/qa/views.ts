/** What of a stored question goes to visitors and to the console (never the asker's key). */
import type { QaConsoleQuestion, QaQuestion } from '../../shared/api/qa';
import type { QaConsoleRecord, QaQuestionRecord } from '../db/repositories/qa';

export const questionView = (q: QaQuestionRecord): QaQuestion => ({ id: q.id, text: q.text, name: q.name, votes: q.votes, status: q.status, at: q.createdAt });

export const consoleQuestionView = (q: QaConsoleRecord): QaConsoleQuestion => ({
  ...questionView(q),
  hallId: q.hallId,
  sessionId: q.sessionId,
  sessionTitle: q.sessionTitle,
  decidedAt: q.decidedAt,
});
