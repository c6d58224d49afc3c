/**
 * Q&A (issue #11): questions to a session on stage and their upvotes. The two rules that matter
 * under any race are the database's: a visitor's questions in a session are numbered 1..limit under
 * a unique index (so two asks at once cannot both take the last place), and a vote is a row whose
 * primary key is (question, voter). Texts arrive already masked by the sensitive-word filter.
 */
import type { QaQuestionTable } from '../types';
import type { Kdb } from '../types';
import { isUniqueViolation, newId } from './ids';

export type QaStatusValue = 'pending' | 'approved' | 'rejected';

export interface QaQuestionRecord {
  id: string;
  sessionId: string;
  hallId: string;
  askerKey: string;
  name: string;
  text: string;
  status: QaStatusValue;
  votes: number;
  createdAt: number;
  decidedAt: number | null;
}

export interface QaConsoleRecord extends QaQuestionRecord {
  sessionTitle: { zh: string; en: string };
}

export interface NewQuestion {
  sessionId: string;
  hallId: string;
  /** the key the question is stored under (the visitor's strongest: account, else device, else connection) */
  askerKey: string;
  /** every key of the visitor: questions under any of them count toward the limit */
  askerKeys: readonly string[];
  name: string;
  text: string;
  limit: number;
}

export type AskResult = { ok: true; question: QaQuestionRecord } | { ok: false; code: 'limit' };
export type VoteResult = { ok: true; question: QaQuestionRecord } | { ok: false; code: 'gone' | 'own' | 'voted' };

/** How many rows a console list holds at most: the queue of one expo day. */
export const QA_QUEUE_MAX = 200;

function record(r: QaQuestionTable): QaQuestionRecord {
  return {
    id: r.id,
    sessionId: r.session_id,
    hallId: r.hall_id,
    askerKey: r.asker_key,
    name: r.asker_name,
    text: r.text,
    status: r.status as QaStatusValue,
    votes: Number(r.votes),
    createdAt: Number(r.created_at),
    decidedAt: r.decided_at === null ? null : Number(r.decided_at),
  };
}

export function qaRepository(db: Kdb) {
  const get = async (id: string) => {
    const r = await db.selectFrom('qa_questions').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? record(r) : null;
  };

  const countAsked = async (sessionId: string, keys: readonly string[]) => {
    if (!keys.length) return 0;
    const r = await db
      .selectFrom('qa_questions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('asker_key', 'in', [...keys])
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  return {
    get,

    /** Stores a question as pending, unless the visitor has asked `limit` already in this session. */
    async ask(q: NewQuestion, now = Date.now()): Promise<AskResult> {
      const keys = [...new Set([q.askerKey, ...q.askerKeys])];
      // a lost race on the last place is retried once with a fresh count, which then says "limit"
      for (let attempt = 0; attempt < q.limit + 1; attempt++) {
        const asked = await countAsked(q.sessionId, keys);
        if (asked >= q.limit) return { ok: false, code: 'limit' };
        const row: QaQuestionTable = {
          id: newId(),
          session_id: q.sessionId,
          hall_id: q.hallId,
          asker_key: q.askerKey,
          asker_seq: asked + 1,
          asker_name: q.name,
          text: q.text,
          status: 'pending',
          votes: 0,
          created_at: now,
          decided_at: null,
          decided_by: null,
        };
        try {
          await db.insertInto('qa_questions').values(row).execute();
          return { ok: true, question: record(row) };
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
        }
      }
      return { ok: false, code: 'limit' };
    },

    /**
     * One upvote from a visitor: not on a rejected question or one of another session, not on one's
     * own, and once per visitor (any of its keys).
     */
    async vote(p: { questionId: string; sessionId: string; voterKey: string; voterKeys: readonly string[] }, now = Date.now()): Promise<VoteResult> {
      const q = await get(p.questionId);
      if (!q || q.sessionId !== p.sessionId || q.status === 'rejected') return { ok: false, code: 'gone' };
      const keys = [...new Set([p.voterKey, ...p.voterKeys])];
      if (keys.includes(q.askerKey)) return { ok: false, code: 'own' };
      const before = await db.selectFrom('qa_votes').select('voter_key').where('question_id', '=', q.id).where('voter_key', 'in', keys).executeTakeFirst();
      if (before) return { ok: false, code: 'voted' };
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('qa_votes').values({ question_id: q.id, voter_key: p.voterKey, created_at: now }).execute();
          await trx
            .updateTable('qa_questions')
            .set((eb) => ({ votes: eb('votes', '+', 1) }))
            .where('id', '=', q.id)
            .execute();
        });
      } catch (err) {
        // the same visitor voting twice at once: the primary key lets one in
        if (isUniqueViolation(err)) return { ok: false, code: 'voted' };
        throw err;
      }
      return { ok: true, question: (await get(q.id)) ?? { ...q, votes: q.votes + 1 } };
    },

    /** A moderator's decision; a decided question may be decided again (taken off the screen). Null when there is no such question. */
    async decide(id: string, status: 'approved' | 'rejected', by: string | null, now = Date.now()): Promise<QaQuestionRecord | null> {
      const r = await db.updateTable('qa_questions').set({ status, decided_at: now, decided_by: by }).where('id', '=', id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return null;
      return get(id);
    },

    /**
     * What a hall shows for a session: approved questions by votes (ties: approved first, then asked
     * first), then the pending ones by votes (ties: asked first). Rejected ones are left out.
     */
    async snapshot(sessionId: string, max: number): Promise<{ approved: QaQuestionRecord[]; pending: QaQuestionRecord[] }> {
      const approved = await db
        .selectFrom('qa_questions')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('status', '=', 'approved')
        .orderBy('votes', 'desc')
        .orderBy('decided_at', 'asc')
        .orderBy('created_at', 'asc')
        .orderBy('id')
        .limit(max)
        .execute();
      const pending = await db
        .selectFrom('qa_questions')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('status', '=', 'pending')
        .orderBy('votes', 'desc')
        .orderBy('created_at', 'asc')
        .orderBy('id')
        .limit(max)
        .execute();
      return { approved: approved.map(record), pending: pending.map(record) };
    },

    /** One visitor's standing in a session: how many asked, which voted for, its own questions. */
    async mine(sessionId: string, keys: readonly string[]): Promise<{ asked: number; voted: string[]; mine: { id: string; status: QaStatusValue }[] }> {
      if (!keys.length) return { asked: 0, voted: [], mine: [] };
      const own = await db
        .selectFrom('qa_questions')
        .select(['id', 'status'])
        .where('session_id', '=', sessionId)
        .where('asker_key', 'in', [...keys])
        .orderBy('created_at')
        .execute();
      const voted = await db
        .selectFrom('qa_votes')
        .innerJoin('qa_questions', 'qa_questions.id', 'qa_votes.question_id')
        .select('qa_votes.question_id')
        .where('qa_questions.session_id', '=', sessionId)
        .where('qa_votes.voter_key', 'in', [...keys])
        .execute();
      return {
        asked: own.length,
        voted: [...new Set(voted.map((v) => v.question_id))],
        mine: own.map((o) => ({ id: o.id, status: o.status as QaStatusValue })),
      };
    },

    /** The console's list for one expo: questions with one status, optionally of one hall, with their session's title. */
    async queue(expoId: string, status: QaStatusValue, hallId?: string): Promise<QaConsoleRecord[]> {
      let q = db
        .selectFrom('qa_questions')
        .innerJoin('agenda_sessions', 'agenda_sessions.id', 'qa_questions.session_id')
        .selectAll('qa_questions')
        .select(['agenda_sessions.title_zh', 'agenda_sessions.title_en'])
        .where('agenda_sessions.expo_id', '=', expoId)
        .where('agenda_sessions.deleted_at', 'is', null)
        .where('qa_questions.status', '=', status);
      if (hallId) q = q.where('qa_questions.hall_id', '=', hallId);
      q =
        status === 'pending'
          ? q.orderBy('qa_questions.votes', 'desc').orderBy('qa_questions.created_at', 'asc')
          : q.orderBy('qa_questions.decided_at', 'desc').orderBy('qa_questions.votes', 'desc');
      const rows = await q.orderBy('qa_questions.id').limit(QA_QUEUE_MAX).execute();
      return rows.map((r) => ({ ...record(r), sessionTitle: { zh: r.title_zh, en: r.title_en } }));
    },

    /** A question with its session's title (the console's answer after a decision). */
    async consoleView(id: string): Promise<QaConsoleRecord | null> {
      const r = await db
        .selectFrom('qa_questions')
        .innerJoin('agenda_sessions', 'agenda_sessions.id', 'qa_questions.session_id')
        .selectAll('qa_questions')
        .select(['agenda_sessions.title_zh', 'agenda_sessions.title_en'])
        .where('qa_questions.id', '=', id)
        .executeTakeFirst();
      return r ? { ...record(r), sessionTitle: { zh: r.title_zh, en: r.title_en } } : null;
    },
  };
}

export type QaRepository = ReturnType<typeof qaRepository>;
