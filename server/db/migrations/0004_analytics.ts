/**
 * Booth and hall analytics (issue #10). Only counts are stored, never a visitor or a track:
 * - analytics_booth_minutes: per booth and minute, visits begun, unique visitors first seen that
 *   day, dwell of the visits that ended (total seconds and how many), brochure downloads, website
 *   clicks;
 * - analytics_dwell: per booth and minute, ended visits by dwell bucket (the distribution);
 * - analytics_cells: per hall, minute and 2 m grid cell, visitor-seconds stood there (the heatmap).
 * Every process adds to these rows (upsert with +=), so several processes and instances sum
 * correctly; the primary keys are what they add into.
 */
import type { Kysely } from 'kysely';

// Migrations must not depend on the app's types: they describe the schema as it was then.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analytics_booth_minutes')
    .addColumn('booth_id', 'varchar(32)', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    // ms at the start of the minute (UTC)
    .addColumn('minute', 'bigint', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('uniques', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dwell_s', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('dwell_n', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('brochure', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('website', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('analytics_booth_minutes_pk', ['booth_id', 'minute'])
    .execute();

  await db.schema
    .createTable('analytics_dwell')
    .addColumn('booth_id', 'varchar(32)', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('minute', 'bigint', (c) => c.notNull())
    // index into DWELL_BUCKETS_S (shared/api/analytics.ts)
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('analytics_dwell_pk', ['booth_id', 'minute', 'bucket'])
    .execute();

  await db.schema
    .createTable('analytics_cells')
    .addColumn('expo_id', 'varchar(32)', (c) => c.notNull().references('expos.id').onDelete('cascade'))
    .addColumn('hall_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('minute', 'bigint', (c) => c.notNull())
    // grid cell: floor(x / cell size), floor(z / cell size)
    .addColumn('cx', 'integer', (c) => c.notNull())
    .addColumn('cz', 'integer', (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('analytics_cells_pk', ['expo_id', 'hall_id', 'minute', 'cx', 'cz'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analytics_cells').execute();
  await db.schema.dropTable('analytics_dwell').execute();
  await db.schema.dropTable('analytics_booth_minutes').execute();
}
