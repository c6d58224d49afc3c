/** The entry-rule repository on the embedded SQLite dialect (in memory). */
import { openDatabase } from '../../server/db/open';
import { entryRepositorySuite } from './entrySuite';

entryRepositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
