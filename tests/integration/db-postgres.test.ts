/**
 * The repository suite on PostgreSQL. Runs when DATABASE_URL is set (.ci/run points it at the local
 * server's `test` database); each run works in a schema of its own and drops it afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropPgSchema, ensurePgSchema, openDatabase } from '../../server/db/open';
import { repositorySuite, seedSuite } from '../unit/dbSuite';
import { leadRepositorySuite } from '../unit/leadSuite';
import { meetingRepositorySuite } from '../unit/meetingSuite';

const url = process.env.DATABASE_URL;
const run = `${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-pg-'));

async function fresh(tag: string) {
  const schema = `ludao_test_${tag}_${run}`;
  schemas.push(schema);
  await ensurePgSchema(url!, schema);
  return openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 4 });
}

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (url) for (const s of schemas) await dropPgSchema(url, s);
});

if (url) {
  describe('PostgreSQL schema', () => {
    it('is created once when several processes ask for it at the same moment', async () => {
      // What scaled-out processes starting together do: a plain CREATE SCHEMA IF NOT EXISTS from
      // each of them races into a unique violation in pg_namespace.
      const schema = `ludao_test_race_${run}`;
      schemas.push(schema);
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => ensurePgSchema(url, schema)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    });
  });

  repositorySuite(
    'PostgreSQL',
    () => fresh('repo'),
    (d) => d.close(),
  );
  leadRepositorySuite(
    'PostgreSQL',
    () => fresh('leads'),
    (d) => d.close(),
  );
  meetingRepositorySuite(
    'PostgreSQL',
    () => fresh('meetings'),
    (d) => d.close(),
  );
  seedSuite(
    'PostgreSQL',
    () => fresh('seed'),
    (d) => d.close(),
    () => path.join(tmp, 'uploads'),
  );
} else {
  describe.skip('repositories on PostgreSQL (set DATABASE_URL to run)', () => {
    it('needs DATABASE_URL', () => {});
  });
}
