/**
 * The agenda repository on PostgreSQL (no overlap under concurrent saves, stars, media, the demo
 * programme). Runs when DATABASE_URL is set, in a schema of its own that is dropped afterwards.
 */
import { afterAll, describe, it } from 'vitest';
import { dropPgSchema, ensurePgSchema, openDatabase } from '../../server/db/open';
import { agendaRepositorySuite } from '../unit/agendaSuite';

const url = process.env.DATABASE_URL;
const schema = `ludao_test_agenda_${process.pid}_${Date.now().toString(36)}`;

afterAll(async () => {
  if (url) await dropPgSchema(url, schema);
});

if (url) {
  agendaRepositorySuite(
    'PostgreSQL',
    async () => {
      await ensurePgSchema(url, schema);
      return openDatabase({ databaseUrl: url, pgSchema: schema, poolSize: 4 });
    },
    (d) => d.close(),
  );
} else {
  describe.skip('agenda repository on PostgreSQL (set DATABASE_URL to run)', () => {
    it('needs DATABASE_URL', () => {});
  });
}
