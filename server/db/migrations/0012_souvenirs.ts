/**
 * Souvenir certificates (issue #12 item 6): the expo's Ed25519 signing keys (generated on first
 * start, kept with the data, rotated by the CLI: a retired key still verifies what it signed), the
 * certificates issued to visitor accounts, and the hash-chained ledger of every issue. The ledger
 * holds hashes and ids only, so it can be published whole; the certificate (with the display name
 * the holder chose) goes when the holder deletes the account, and its ledger entry stays.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('souvenir_keys')
    // k1, k2, ...: the ordinal makes two processes generating the first key at once collide
    .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('ordinal', 'integer', (c) => c.notNull().unique())
    // raw 32-byte public key, base64url
    .addColumn('public_key', 'varchar(64)', (c) => c.notNull())
    // PKCS#8 PEM
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('retired_at', 'bigint')
    .execute();

  await db.schema
    .createTable('souvenirs')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('set_id', 'varchar(48)', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    // the canonical JSON (RFC 8785) that was signed, byte for byte
    .addColumn('certificate', 'text', (c) => c.notNull())
    .addColumn('signature', 'varchar(100)', (c) => c.notNull())
    .addColumn('key_id', 'varchar(16)', (c) => c.notNull().references('souvenir_keys.id'))
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    // one souvenir per set and holder: free, and not farmed
    .addUniqueConstraint('souvenirs_holder_set', ['user_id', 'set_id'])
    .addUniqueConstraint('souvenirs_set_serial', ['set_id', 'serial'])
    .execute();

  await db.schema
    .createTable('souvenir_ledger')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('souvenir_id', 'varchar(32)', (c) => c.notNull().unique())
    // SHA-256 (hex) of the canonical certificate and of the signature
    .addColumn('certificate_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('signature_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('key_id', 'varchar(16)', (c) => c.notNull())
    .addColumn('issued_at', 'bigint', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('entry_hash', 'varchar(64)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('souvenir_ledger').execute();
  await db.schema.dropTable('souvenirs').execute();
  await db.schema.dropTable('souvenir_keys').execute();
}
