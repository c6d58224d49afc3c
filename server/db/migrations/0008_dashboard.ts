/**
 * The organizers' live dashboard (issue #11): per hall and minute, how many joined, chat lines and
 * reports, the most visitors in the hall at once (all instances, all processes) and the most
 * standing at the stage. Counts only, no one named. Joins, chat and reports are added by every
 * process (upsert with +=); the two peaks are raised (upsert with max), so any process may write them.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dashboard_minutes')
    .addColumn('hall_id', 'varchar(32)', (c) => c.notNull())
    // ms at the start of the minute (UTC)
    .addColumn('minute', 'bigint', (c) => c.notNull())
    .addColumn('joins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chat_lines', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('peak_visitors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('peak_stage', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('dashboard_minutes_pk', ['hall_id', 'minute'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dashboard_minutes').execute();
}
