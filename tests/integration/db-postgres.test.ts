/**
 * The repository suite on PostgreSQL. Runs when DATABASE_URL is set (.ci/run points it at the local
 * server's `test` database); each run works in a schema of its own and drops it afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { dropPgSchema, ensurePgSchema, openDatabase } from '../../server/db/open';
import { repositorySuite, seedSuite } from '../unit/dbSuite';

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
  repositorySuite('PostgreSQL', () => fresh('repo'), (d) => d.close());
  seedSuite('PostgreSQL', () => fresh('seed'), (d) => d.close(), () => path.join(tmp, 'uploads'));
} else {
  describe.skip('repositories on PostgreSQL (set DATABASE_URL to run)', () => {
    it('needs DATABASE_URL', () => {});
  });
}
