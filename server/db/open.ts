/**
 * Opens the database: PostgreSQL when a DATABASE_URL is given, otherwise an embedded SQLite file
 * (WAL mode, foreign keys on). One set of migrations and repositories serves both.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DB } from './types';
import { migrationProvider } from './migrations';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** the PostgreSQL schema in use, if one was named */
  schema: string | null;
  /** the SQLite file (null for PostgreSQL and an in-memory database) */
  file?: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; when set, PostgreSQL is used */
  databaseUrl?: string;
  /** SQLite file, or ':memory:' */
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests use a fresh one per run) */
  pgSchema?: string;
  /** connections in the PostgreSQL pool */
  poolSize?: number;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

export function openDatabase(opts: OpenOptions): Database {
  if (opts.databaseUrl) {
    if (opts.pgSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.pgSchema)) throw new Error('invalid schema name');
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      // at least 2: startup holds one connection for its lock while working on another (startupLock.ts)
      max: Math.max(2, opts.poolSize ?? 10),
      // Times are int8 milliseconds: well inside Number's exact range, so read them as numbers.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID || oid === NUMERIC_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
      options: opts.pgSchema ? `-c search_path=${opts.pgSchema}` : undefined,
    });
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', schema: opts.pgSchema ?? null, close: () => db.destroy() };
  }

  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  // WAL: readers never block the writer and a crash cannot tear a committed transaction.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', schema: null, file: file === ':memory:' ? null : file, close: () => db.destroy() };
}

/** Creates the PostgreSQL schema named in `opts` if needed (tests, or a deployment that wants one). */
export async function ensurePgSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('invalid schema name');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // IF NOT EXISTS is not safe against a concurrent create (two processes starting together hit a
    // unique violation in pg_namespace), so creators take turns under a transaction-scoped lock.
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ludao-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

export async function dropPgSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('invalid schema name');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // Kysely's bookkeeping tables go in the same schema: its "does the table exist" check looks at
  // every schema, so without this a second schema on the same server would think it is migrated.
  const migrator = new Migrator({ db: database.db, provider: migrationProvider, migrationTableSchema: database.schema ?? undefined });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** A cheap round trip, for health checks. */
export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
