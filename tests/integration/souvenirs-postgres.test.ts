/**
 * Souvenir certificates and their ledger on PostgreSQL (twenty issues racing over a pool of
 * connections). Runs when DATABASE_URL is set, in a schema of its own that is dropped afterwards.
 */
import { afterAll, describe, it } from 'vitest';
import { dropPgSchema, ensurePgSchema, openDatabase } from '../../server/db/open';
import { souvenirRepositorySuite } from '../unit/souvenirSuite';

const url = process.env.DATABASE_URL;
const schema = `ludao_test_souvenirs_${process.pid}_${Date.now().toString(36)}`;

afterAll(async () => {
  if (url) await dropPgSchema(url, schema);
});

if (url) {
  souvenirRepositorySuite(
    'PostgreSQL',
    async () => {
      await ensurePgSchema(url, schema);
      return openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 4 });
    },
    (d) => d.close(),
  );
} else {
  describe.skip('souvenirs on PostgreSQL (set DATABASE_URL to run)', () => {
    it('needs DATABASE_URL', () => {});
  });
}
