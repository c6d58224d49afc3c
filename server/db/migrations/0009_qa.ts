/**
 * Q&A (issue #11): questions visitors ask a session on stage, and their upvotes.
 * - qa_questions: one row per question, already masked by the sensitive-word filter. `asker_key` is
 *   the visitor's moderation key (account 'a:', else device 'd:' — a hash, never the token — else
 *   connection 's:'); `asker_seq` numbers that visitor's questions in the session from 1, and the
 *   unique index on (session, asker, seq) makes the per-session limit hold under any race: two asks
 *   at once both read "1 asked" and both try seq 2, and the database lets one in. `votes` is the
 *   count of qa_votes rows, kept in the same transaction as the vote.
 * - qa_votes: one row per (question, voter key): the primary key is the one-vote rule.
 * Both go with their session (cascade).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('qa_questions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(32)', (c) => c.notNull().references('agenda_sessions.id').onDelete('cascade'))
    .addColumn('hall_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('asker_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('asker_seq', 'integer', (c) => c.notNull())
    .addColumn('asker_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // 'pending' | 'approved' | 'rejected'
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'varchar(32)')
    .execute();
  await db.schema.createIndex('qa_questions_asker').on('qa_questions').columns(['session_id', 'asker_key', 'asker_seq']).unique().execute();
  await db.schema.createIndex('qa_questions_session').on('qa_questions').columns(['session_id', 'status']).execute();

  await db.schema
    .createTable('qa_votes')
    .addColumn('question_id', 'varchar(32)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
    .addColumn('voter_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_votes_pk', ['question_id', 'voter_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('qa_votes').execute();
  await db.schema.dropTable('qa_questions').execute();
}
