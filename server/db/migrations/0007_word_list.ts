/**
 * The organizer's own sensitive words (issue #11), added to the starter lists shipped in
 * assets/moderation. One row per entry in its canonical form (folded, with "*" on an open edge),
 * unique, so the same word typed twice or in traditional and simplified form is stored once.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('word_list')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('word', 'varchar(80)', (c) => c.notNull().unique())
    // the organizer who added it; kept as a plain id when that account is gone
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('word_list').execute();
}
