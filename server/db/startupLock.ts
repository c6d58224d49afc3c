/**
 * Processes that start together against one PostgreSQL (a scaled-out deployment rolling out, or
 * the scale-out test) must not migrate, create the first organizer, seed the demo expo and sweep
 * uploads at the same time: both would find the database empty and the second would crash on a
 * unique key. Startup therefore runs under a PostgreSQL advisory lock; whoever comes second waits
 * and then finds the work done. SQLite is one process's file and needs no lock.
 */
import { sql } from 'kysely';
import type { Database } from './open';

export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.dialect !== 'postgres') return fn();
  // One lock per schema: test runs in schemas of their own do not wait for each other.
  const key = `ludao-startup:${database.schema ?? 'public'}`;
  // The lock belongs to one connection, held for the whole startup; `fn` works on the rest of the
  // pool (at least 2 connections, see openDatabase).
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}
