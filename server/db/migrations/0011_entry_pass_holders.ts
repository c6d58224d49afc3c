/**
 * Who has used an entry pass (issue #11 item 5): a pass's use limit counts people, not joins, so a
 * holder of a one-use pass who reloads the page, or comes back the next day, still gets in. A holder
 * is a moderation key (server/moderation/keys.ts): the account, else the device token's hash; no
 * personal data.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entry_pass_holders')
    .addColumn('invite_id', 'varchar(32)', (c) => c.notNull().references('entry_invites.id').onDelete('cascade'))
    .addColumn('holder', 'varchar(64)', (c) => c.notNull())
    .addColumn('first_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('entry_pass_holders_pk', ['invite_id', 'holder'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entry_pass_holders').execute();
}
