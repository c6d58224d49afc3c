/**
 * Runs a repository suite written once for both dialects (tests/unit/*Suite.ts) on PostgreSQL:
 * when DATABASE_URL is set, in a schema of its own that is dropped afterwards; otherwise it shows
 * as skipped, saying what it needs.
 */
import { afterAll, describe, it } from 'vitest';
import { dropPgSchema, ensurePgSchema, openDatabase, type Database } from '../../server/db/open';

type Suite = (name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>) => void;

export function onPostgres(what: string, suite: Suite): void {
  const url = process.env.DATABASE_URL;
  const schema = `ludao_test_${what.replace(/\W+/g, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
  if (!url) {
    describe.skip(`${what} on PostgreSQL (set DATABASE_URL to run)`, () => {
      it('needs DATABASE_URL', () => {});
    });
    return;
  }
  afterAll(async () => {
    await dropPgSchema(url, schema);
  });
  suite(
    'PostgreSQL',
    async () => {
      await ensurePgSchema(url, schema);
      return openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 4 });
    },
    (d) => d.close(),
  );
}
