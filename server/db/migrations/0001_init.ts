/** The first schema: expos, halls, exhibitors, booths and their media, accounts. */
import type { Kysely } from 'kysely';

// Migrations must not depend on the app's types: they describe the schema as it was then.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('expos')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('expo_halls')
    .addColumn('expo_id', 'varchar(32)', (c) => c.notNull().references('expos.id').onDelete('cascade'))
    .addColumn('hall_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('expo_halls_pk', ['expo_id', 'hall_id'])
    .execute();

  await db.schema
    .createTable('exhibitors')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('expo_id', 'varchar(32)', (c) => c.notNull().references('expos.id').onDelete('cascade'))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('industry', 'varchar(32)', (c) => c.notNull())
    .addColumn('park', 'varchar(32)', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('logo_media_id', 'varchar(32)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exhibitors_expo').on('exhibitors').column('expo_id').execute();

  await db.schema
    .createTable('booths')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('expo_id', 'varchar(32)', (c) => c.notNull().references('expos.id').onDelete('cascade'))
    .addColumn('exhibitor_id', 'varchar(32)', (c) => c.notNull().unique().references('exhibitors.id').onDelete('cascade'))
    .addColumn('hall_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('slot_id', 'varchar(32)')
    .addColumn('template', 'varchar(16)', (c) => c.notNull())
    .addColumn('color_primary', 'varchar(7)', (c) => c.notNull())
    .addColumn('color_accent', 'varchar(7)', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('video_media_id', 'varchar(32)')
    .addColumn('brochure_media_id', 'varchar(32)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // Two booths never share a slot; unplaced booths (NULL slot) are not counted as equal.
    .addUniqueConstraint('booths_slot_unique', ['expo_id', 'hall_id', 'slot_id'])
    .execute();
  await db.schema.createIndex('booths_hall').on('booths').columns(['expo_id', 'hall_id']).execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('exhibitor_id', 'varchar(32)', (c) => c.references('exhibitors.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('file', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('mime', 'varchar(64)', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('display_name', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_exhibitor').on('media').column('exhibitor_id').execute();

  await db.schema
    .createTable('booth_images')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('booth_id', 'varchar(32)', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('media_id', 'varchar(32)', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('booth_images_booth').on('booth_images').column('booth_id').execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('booth_id', 'varchar(32)', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_media_id', 'varchar(32)', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('model_media_id', 'varchar(32)', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('products_booth').on('products').column('booth_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('exhibitor_id', 'varchar(32)', (c) => c.references('exhibitors.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('on_duty_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_login_at', 'bigint')
    .execute();
  await db.schema.createIndex('users_exhibitor').on('users').column('exhibitor_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('invites')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('exhibitor_id', 'varchar(32)', (c) => c.notNull().references('exhibitors.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)')
    .addColumn('created_by', 'varchar(32)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['invites', 'sessions', 'users', 'products', 'booth_images', 'media', 'booths', 'exhibitors', 'expo_halls', 'expos']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
