/**
 * Processes that start together against one PostgreSQL (a scaled-out deployment rolling out, or
 * the scale-out test) must not migrate, create the first organizer, seed the demo expo and sweep
 * uploads at the same time: both would find the database empty and the second would crash on a
 * unique key. Startup therefore runs under a PostgreSQL advisory lock; whoever comes second waits
 * and then finds the work done. SQLite is normally one process's file, but two processes on one
 * data directory (a test, or someone starting the server twice) would race the same way, and
 * Kysely's migration lock is a no-op on SQLite: there, a lock file beside the database (created
 * exclusively, holding the owner's pid; a dead owner's file is taken over) does the same job.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Database } from './open';

const FILE_LOCK_WAIT_MS = 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withFileLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + FILE_LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: number;
      try {
        owner = Number(fs.readFileSync(lockFile, 'utf8') || 0);
      } catch {
        continue; // the owner just let go: try again at once
      }
      // a lock left by a process that died (kill -9 during startup) is taken over
      if (owner && owner !== process.pid && !alive(owner)) fs.rmSync(lockFile, { force: true });
      else if (Date.now() > deadline)
        throw new Error(`another process (pid ${owner}) holds ${lockFile} for more than ${FILE_LOCK_WAIT_MS / 1000} s`, { cause: err });
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

export async function withStartupLock<T>(database: Database, fn: () => Promise<T>): Promise<T> {
  if (database.dialect !== 'postgres') return database.file ? withFileLock(`${database.file}.startup-lock`, fn) : fn();
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
