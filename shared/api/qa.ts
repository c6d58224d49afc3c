/**
 * Q&A (issue #11): visitors ask the session on stage in their hall, others upvote, a moderator (or
 * an organizer) approves or rejects in the console, and the approved questions with the most votes
 * show on the stage screen and in the hall's Q&A panel.
 *
 * Visitors ask and vote through hall room messages (shared/messages.ts: qaAsk, qaVote): the room
 * knows the session on its stage and who the visitor is (account, else device token, else the
 * connection: the same keys bans use), so guests may ask too. Moderators decide over HTTP (the
 * console). Every change is stored first, then published to every instance on every process.
 */
import { z } from 'zod';
import { QA_TEXT_MAX } from '../constants';
import { lineTextSchema } from '../validate';
import { idSchema } from './common';

export const QA_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type QaStatus = (typeof QA_STATUSES)[number];

/** What changed in a session's questions: the Q&A bus and the moderators' stream (`qa` event) carry it. */
export const QA_CHANGES = ['asked', 'voted', 'decided'] as const;
export type QaChange = (typeof QA_CHANGES)[number];

/** Why an ask or a vote was refused (the client translates the code). */
export const QA_REFUSALS = ['no_session', 'limit', 'muted', 'voted', 'own', 'gone', 'failed'] as const;
export type QaRefusal = (typeof QA_REFUSALS)[number];

export const qaAskSchema = z.strictObject({ text: lineTextSchema(QA_TEXT_MAX) });
export const qaVoteSchema = z.strictObject({ questionId: idSchema });

/** One question as visitors see it. Text and name are already masked by the sensitive-word filter. */
export const qaQuestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** the asker's display name in the hall */
  name: z.string(),
  votes: z.number().int(),
  status: z.enum(QA_STATUSES),
  /** ms since epoch */
  at: z.number(),
});
export type QaQuestion = z.infer<typeof qaQuestionSchema>;

/**
 * The session's questions, to every visitor of the hall (on join and on every change): approved ones
 * first by votes (ties: approved earlier first), then those awaiting a moderator by votes, so others
 * can upvote them. Rejected questions are not sent.
 */
export const qaSnapshotSchema = z.object({
  /** '' when no session is on stage */
  sessionId: z.string(),
  approved: z.array(qaQuestionSchema),
  pending: z.array(qaQuestionSchema),
});
export type QaSnapshot = z.infer<typeof qaSnapshotSchema>;

/** One visitor's own standing in the session, to that visitor only (on join, on change, after an ask or vote). */
export const qaMineSchema = z.object({
  sessionId: z.string(),
  asked: z.number().int(),
  limit: z.number().int(),
  /** ids of the questions this visitor voted for */
  voted: z.array(z.string()),
  /** ids of this visitor's own questions (any status, so a rejection is visible to its asker) */
  mine: z.array(z.object({ id: z.string(), status: z.enum(QA_STATUSES) })),
  /** the answer to the visitor's last ask or vote: ok, or why not */
  result: z.object({ action: z.enum(['ask', 'vote']), ok: z.boolean(), code: z.enum(QA_REFUSALS).optional() }).optional(),
  /** true when only `result` counts: the standing was not read (keep the one you have) */
  partial: z.boolean().optional(),
});
export type QaMine = z.infer<typeof qaMineSchema>;

// the moderators' console (HTTP)
export const qaQueueQuerySchema = z.object({
  status: z.enum(QA_STATUSES).default('pending'),
  hall: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/)
    .optional(),
});

export const qaConsoleQuestionSchema = qaQuestionSchema.extend({
  hallId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.object({ zh: z.string(), en: z.string() }),
  /** ms, when a moderator decided; null while pending */
  decidedAt: z.number().nullable(),
});
export type QaConsoleQuestion = z.infer<typeof qaConsoleQuestionSchema>;

export const qaQueueSchema = z.object({ questions: z.array(qaConsoleQuestionSchema) });
export const qaParamsSchema = z.object({ questionId: idSchema });
export const qaDecideSchema = z.strictObject({ decision: z.enum(['approve', 'reject']) });
