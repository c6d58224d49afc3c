/**
 * Visitor cards, consent records and leads (issue #10). A lead exists only through a consent; the
 * consent keeps what the visitor agreed to (fields, the notice's version and text hash, the time),
 * and a lead keeps a snapshot of the consented fields only, so a later edit of the card does not
 * widen what the exhibitor received.
 */
import { sql, type Kysely } from 'kysely';

// Migrations must not depend on the app's types: they describe the schema as it was then.
export async function up(db: Kysely<unknown>): Promise<void> {
  // when the expo ends: the retention clock of its leads starts then
  await db.schema.alterTable('expos').addColumn('ends_at', 'bigint').execute();

  await db.schema
    .createTable('visitor_cards')
    .addColumn('user_id', 'varchar(32)', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('wechat', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('visitor_id', 'varchar(32)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('exhibitor_id', 'varchar(32)', (c) => c.notNull().references('exhibitors.id').onDelete('cascade'))
    .addColumn('booth_id', 'varchar(32)', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('notice_version', 'integer', (c) => c.notNull())
    .addColumn('notice_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('idempotency_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('withdrawn_at', 'bigint')
    .addUniqueConstraint('consents_idempotency', ['visitor_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('consents_visitor').on('consents').column('visitor_id').execute();
  // one active card per visitor and booth, whatever the race: withdrawn consents stay as records
  await db.schema
    .createIndex('consents_one_active')
    .on('consents')
    .columns(['visitor_id', 'booth_id'])
    .unique()
    .where(sql.ref('withdrawn_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('leads')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('consent_id', 'varchar(32)', (c) => c.notNull().unique().references('consents.id').onDelete('cascade'))
    .addColumn('booth_id', 'varchar(32)', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('title', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('wechat', 'text')
    .addColumn('rating', 'varchar(8)')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('leads_booth').on('leads').columns(['booth_id', 'created_at']).execute();

  // "ask staff": one conversation per visitor and booth, its messages, and read marks per side
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('booth_id', 'varchar(32)', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('visitor_id', 'varchar(32)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('visitor_read_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('staff_read_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('conversations_one', ['booth_id', 'visitor_id'])
    .execute();
  await db.schema
    .createTable('conversation_messages')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('conversation_id', 'varchar(32)', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('from_staff', 'integer', (c) => c.notNull())
    .addColumn('staff_user_id', 'varchar(32)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('staff_name', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conversation_messages_by').on('conversation_messages').columns(['conversation_id', 'created_at']).execute();

  // a visitor's phone: a pending code (hashed) until verified, then the verified number
  await db.schema
    .createTable('visitor_phones')
    .addColumn('user_id', 'varchar(32)', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)')
    .addColumn('code_sent_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified_at', 'bigint')
    .execute();

  await db.schema
    .createTable('lead_exports')
    .addColumn('booth_id', 'varchar(32)', (c) => c.primaryKey().references('booths.id').onDelete('cascade'))
    .addColumn('exported_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('lead_exports').execute();
  await db.schema.dropTable('visitor_phones').execute();
  await db.schema.dropTable('conversation_messages').execute();
  await db.schema.dropTable('conversations').execute();
  await db.schema.dropTable('leads').execute();
  await db.schema.dropTable('consents').execute();
  await db.schema.dropTable('visitor_cards').execute();
  await db.schema.alterTable('expos').dropColumn('ends_at').execute();
}
