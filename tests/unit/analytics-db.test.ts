/** The analytics repository on the embedded SQLite dialect (in memory). */
import { openDatabase } from '../../server/db/open';
import { analyticsRepositorySuite } from './analyticsSuite';

analyticsRepositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
