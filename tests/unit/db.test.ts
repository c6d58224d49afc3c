/** Repositories and demo seed on the embedded SQLite dialect (in memory). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open';
import { repositorySuite, seedSuite } from './dbSuite';
import { leadRepositorySuite } from './leadSuite';
import { meetingRepositorySuite } from './meetingSuite';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-db-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

repositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
leadRepositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
meetingRepositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
seedSuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
  () => path.join(tmp, 'uploads'),
);

describe('SQLite file database', () => {
  it('is created on first open, in WAL mode with foreign keys on', async () => {
    const file = path.join(tmp, 'nested', 'ludao.sqlite');
    const d = openDatabase({ sqliteFile: file });
    const { sql } = await import('kysely');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(d.db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(d.db);
    expect(mode.rows[0].journal_mode).toBe('wal');
    expect(fk.rows[0].foreign_keys).toBe(1);
    expect(fs.existsSync(file)).toBe(true);
    await d.close();
  });
});
