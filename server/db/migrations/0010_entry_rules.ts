/**
 * Entry rules (issue #11 item 5): one row per expo for the expo's rule (hall_id '') and one per hall
 * that sets its own; no row means "open" for the expo and "as the expo" for a hall. An entry code is
 * kept as a salted scrypt hash only. Entry passes (invite-only halls) keep the SHA-256 of their token.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('entry_rules')
    .addColumn('expo_id', 'varchar(32)', (c) => c.notNull())
    // '' for the expo's own rule
    .addColumn('hall_id', 'varchar(32)', (c) => c.notNull())
    // open | code | invite | account | inherit (halls only)
    .addColumn('rule', 'varchar(16)', (c) => c.notNull())
    .addColumn('code_hash', 'text')
    .addColumn('updated_by', 'varchar(32)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('entry_rules_pk', ['expo_id', 'hall_id'])
    .execute();

  await db.schema
    .createTable('entry_invites')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('expo_id', 'varchar(32)', (c) => c.notNull())
    // null: every invite-only hall of the expo
    .addColumn('hall_id', 'varchar(32)')
    .addColumn('label', 'varchar(80)', (c) => c.notNull())
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_uses', 'integer')
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('entry_invites_expo').on('entry_invites').columns(['expo_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entry_invites').execute();
  await db.schema.dropTable('entry_rules').execute();
}
