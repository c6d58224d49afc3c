/**
 * The stamp passport of visitor accounts (issue #12 item 5): which stamps an account has earned,
 * and when. Guests' stamps live in the room for their session only. Goes with the account.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('passport_stamps')
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // `<hall>:<landmark>` (shared/passport.ts)
    .addColumn('stamp_id', 'varchar(90)', (c) => c.notNull())
    .addColumn('earned_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('passport_stamps_pk', ['user_id', 'stamp_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('passport_stamps').execute();
}
