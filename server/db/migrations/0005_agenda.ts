/**
 * The agenda (issue #11): sessions in the halls of an expo, and the sessions visitors starred.
 * - agenda_sessions: one row per session; speakers and tags are small JSON arrays (they are always
 *   read and written with their session). A removed session keeps its row with deleted_at set, so
 *   its calendar file can still say "cancelled" with a higher SEQUENCE. Sessions of one hall may not
 *   overlap: the repository checks it while holding the hall's expo_halls row (a portable per-hall
 *   lock), so two organizers saving at once cannot both win.
 * - agenda_stars: a visitor account's starred sessions; gone with the account or the session.
 */
import type { Kysely } from 'kysely';

// Migrations must not depend on the app's types: they describe the schema as it was then.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agenda_sessions')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('expo_id', 'varchar(32)', (c) => c.notNull().references('expos.id').onDelete('cascade'))
    .addColumn('hall_id', 'varchar(32)', (c) => c.notNull())
    // 'talk' | 'premiere' | 'live' | 'tour' | 'auction'
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description_zh', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    // JSON: [{ name, title_zh, title_en, photo_media_id }]
    .addColumn('speakers', 'text', (c) => c.notNull())
    // JSON: ["tag", ...]
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    // premiere: the MP4; premiere or live: captions (media rows, deleted with the session's media)
    .addColumn('video_media_id', 'varchar(32)', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('captions_media_id', 'varchar(32)', (c) => c.references('media.id').onDelete('set null'))
    // live: the stream's name under /live/
    .addColumn('live_name', 'varchar(40)')
    // the calendar SEQUENCE: edits (and the removal) counted
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('agenda_sessions_hall').on('agenda_sessions').columns(['expo_id', 'hall_id', 'starts_at']).execute();

  await db.schema
    .createTable('agenda_stars')
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('session_id', 'varchar(32)', (c) => c.notNull().references('agenda_sessions.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('agenda_stars_pk', ['user_id', 'session_id'])
    .execute();
  await db.schema.createIndex('agenda_stars_session').on('agenda_stars').column('session_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agenda_stars').execute();
  await db.schema.dropTable('agenda_sessions').execute();
}
