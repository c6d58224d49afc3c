/** The SQLite startup lock (server/db/startupLock.ts): one startup at a time per database file, and a dead owner's lock is taken over. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { withStartupLock } from '../../server/db/startupLock';
import type { Database } from '../../server/db/open';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function sqliteAt(): Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-lock-'));
  dirs.push(dir);
  return { dialect: 'sqlite', schema: null, file: path.join(dir, 'ludao.sqlite'), db: null as never, close: async () => {} };
}

describe('startup lock on SQLite', () => {
  it('runs startups one after the other, never overlapping', async () => {
    const db = sqliteAt();
    const events: string[] = [];
    const startup = (name: string) =>
      withStartupLock(db, async () => {
        events.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 150));
        events.push(`${name} out`);
      });
    await Promise.all([startup('a'), startup('b')]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(fs.existsSync(`${db.file}.startup-lock`)).toBe(false);
  });

  it('takes over a lock whose owner died, and lets go after a failure', async () => {
    const db = sqliteAt();
    // a pid that surely is not running: a child that has exited
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    fs.writeFileSync(`${db.file}.startup-lock`, dead);
    await expect(withStartupLock(db, async () => 'ran')).resolves.toBe('ran');
    await expect(withStartupLock(db, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(fs.existsSync(`${db.file}.startup-lock`)).toBe(false);
  });
});
