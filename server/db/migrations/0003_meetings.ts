/**
 * Meetings at a booth (issue #10): the exhibitor publishes slots, a visitor books one. A slot can
 * never be double-booked: a partial unique index allows one live booking per slot, whatever the
 * race, and one live booking per visitor and booth. A booking keeps its id for life (the calendar
 * UID) and counts its changes (the calendar SEQUENCE); a cancelled one stays as a record.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meeting_slots')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('booth_id', 'varchar(32)', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    // the staff member who holds the meeting
    .addColumn('staff_id', 'varchar(32)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    // 'booth' (meet at the booth in the hall) or 'video' (a link the exhibitor gives)
    .addColumn('mode', 'varchar(8)', (c) => c.notNull())
    .addColumn('video_url', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // a slot the exhibitor took back; its booking, if any, is cancelled with it
    .addColumn('withdrawn_at', 'bigint')
    .execute();
  await db.schema.createIndex('meeting_slots_booth').on('meeting_slots').columns(['booth_id', 'starts_at']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('booth_id', 'varchar(32)', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('slot_id', 'varchar(32)', (c) => c.notNull().references('meeting_slots.id').onDelete('cascade'))
    // null once the visitor deleted their account: the exhibitor keeps a cancelled, nameless record
    .addColumn('visitor_id', 'varchar(32)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('visitor_name', 'text', (c) => c.notNull())
    // 'booked' or 'cancelled'
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    // 'visitor', 'staff', 'slot_withdrawn' or 'account_deleted'
    .addColumn('cancelled_by', 'varchar(16)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // the guarantee: one live booking per slot, and one per visitor and booth
  await db.schema.createIndex('meetings_one_per_slot').on('meetings').column('slot_id').unique().where(sql.ref('status'), '=', 'booked').execute();
  await db.schema
    .createIndex('meetings_one_per_visitor_booth')
    .on('meetings')
    .columns(['visitor_id', 'booth_id'])
    .unique()
    .where(sql.ref('status'), '=', 'booked')
    .execute();
  await db.schema.createIndex('meetings_booth').on('meetings').columns(['booth_id', 'created_at']).execute();
  await db.schema.createIndex('meetings_visitor').on('meetings').column('visitor_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meetings').execute();
  await db.schema.dropTable('meeting_slots').execute();
}
