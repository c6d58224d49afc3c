/**
 * Moderation (issue #11): mutes and bans bound to keys (an account, a device token's hash, one
 * connection), each hall's chat mode, the reports queue, moderator invitations, and the audit log
 * of every moderation and organizer action (who, what, target id, when; ids only, no personal data).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('moderation_sanctions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    // 'mute' or 'ban'
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    // the name the visitor chose in the hall, so the list says who it was
    .addColumn('target_name', 'text')
    // where it was given (the sanction holds in every hall)
    .addColumn('hall_id', 'varchar(32)')
    .addColumn('report_id', 'varchar(32)')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // null: until lifted
    .addColumn('expires_at', 'bigint')
    .addColumn('lifted_at', 'bigint')
    .addColumn('lifted_by', 'varchar(32)')
    .execute();
  await db.schema.createIndex('moderation_sanctions_live').on('moderation_sanctions').columns(['lifted_at', 'expires_at']).execute();

  // 'a:<account id>', 'd:<sha-256 of a device token>' or 's:<session id>'; one sanction has several
  await db.schema
    .createTable('moderation_sanction_keys')
    .addColumn('sanction_id', 'varchar(32)', (c) => c.notNull().references('moderation_sanctions.id').onDelete('cascade'))
    .addColumn('key', 'varchar(80)', (c) => c.notNull())
    .addPrimaryKeyConstraint('moderation_sanction_keys_pk', ['sanction_id', 'key'])
    .execute();
  await db.schema.createIndex('moderation_sanction_keys_key').on('moderation_sanction_keys').column('key').execute();

  await db.schema
    .createTable('moderation_hall_modes')
    .addColumn('hall_id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('slow_mode_s', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chat_off', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mute_all', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(32)')
    .execute();

  await db.schema
    .createTable('moderation_reports')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('hall_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('room_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('instance', 'integer', (c) => c.notNull())
    .addColumn('target_session', 'varchar(32)', (c) => c.notNull())
    .addColumn('target_name', 'text', (c) => c.notNull())
    // JSON array of the target's sanction keys, resolved by the room; never sent to a browser
    .addColumn('target_keys', 'text', (c) => c.notNull())
    .addColumn('line_id', 'integer')
    .addColumn('line_text', 'text')
    .addColumn('reason', 'varchar(12)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // 'open' or 'closed'
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('resolution', 'varchar(12)')
    .addColumn('resolved_by', 'varchar(32)')
    .addColumn('resolved_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_reports_queue').on('moderation_reports').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('moderator_invites')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('email', 'text')
    .addColumn('created_by', 'varchar(32)')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    // the account that acted; null for the system
    .addColumn('actor_id', 'varchar(32)')
    .addColumn('action', 'varchar(48)', (c) => c.notNull())
    .addColumn('target_type', 'varchar(24)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(80)')
    // small JSON object of ids, numbers and flags
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('moderator_invites').execute();
  await db.schema.dropTable('moderation_reports').execute();
  await db.schema.dropTable('moderation_hall_modes').execute();
  await db.schema.dropTable('moderation_sanction_keys').execute();
  await db.schema.dropTable('moderation_sanctions').execute();
}
