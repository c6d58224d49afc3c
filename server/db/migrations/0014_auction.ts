/**
 * The live auction (issue #12 item 7): lots (physical goods, sponsorship slots, charity items —
 * never souvenirs), their state (price, leader, close, the bid log's last hash) in one row that each
 * bid locks, and the hash-chained log of accepted bids. No payment: settlement is off-platform.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auction_lots')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('expo_id', 'varchar(32)', (c) => c.notNull().references('expos.id').onDelete('cascade'))
    .addColumn('hall_id', 'varchar(32)', (c) => c.notNull())
    // the agenda session (kind auction) it belongs to, if any
    .addColumn('session_id', 'varchar(32)')
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('title_zh', 'varchar(120)', (c) => c.notNull())
    .addColumn('title_en', 'varchar(120)', (c) => c.notNull())
    .addColumn('description_zh', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('image_file', 'varchar(64)')
    .addColumn('start_price', 'integer', (c) => c.notNull())
    .addColumn('increment', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'bigint', (c) => c.notNull())
    .addColumn('closes_at', 'bigint', (c) => c.notNull())
    .addColumn('soft_close_ms', 'integer', (c) => c.notNull())
    .addColumn('price', 'integer')
    .addColumn('leader_id', 'varchar(32)')
    .addColumn('leader_name', 'varchar(80)')
    .addColumn('bid_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auction_lots_hall').on('auction_lots').columns(['expo_id', 'hall_id', 'opens_at']).execute();

  await db.schema
    .createTable('auction_bids')
    .addColumn('lot_id', 'varchar(32)', (c) => c.notNull().references('auction_lots.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // the bidder's own key for this bid: a retry of the same bid is answered, never counted again
    .addColumn('bid_key', 'varchar(40)', (c) => c.notNull())
    // the account is kept for the organizer's results; it goes (set null) when the account is deleted
    .addColumn('user_id', 'varchar(32)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('closes_at', 'bigint', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('auction_bids_pk', ['lot_id', 'seq'])
    .addUniqueConstraint('auction_bids_key', ['lot_id', 'bid_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('auction_bids').execute();
  await db.schema.dropTable('auction_lots').execute();
}
