/**
 * The Q&A repository on PostgreSQL (the per-session limit and the one-vote rule under concurrent
 * writes). Runs when DATABASE_URL is set, in a schema of its own that is dropped afterwards.
 */
import { afterAll, describe, it } from 'vitest';
import { dropPgSchema, ensurePgSchema, openDatabase } from '../../server/db/open';
import { qaRepositorySuite } from '../unit/qaSuite';

const url = process.env.DATABASE_URL;
const schema = `ludao_test_qa_${process.pid}_${Date.now().toString(36)}`;

afterAll(async () => {
  if (url) await dropPgSchema(url, schema);
});

if (url) {
  qaRepositorySuite(
    'PostgreSQL',
    async () => {
      await ensurePgSchema(url, schema);
      return openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 4 });
    },
    (d) => d.close(),
  );
} else {
  describe.skip('Q&A repository on PostgreSQL (set DATABASE_URL to run)', () => {
    it('needs DATABASE_URL', () => {});
  });
}
