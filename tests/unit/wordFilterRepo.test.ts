/** The organizer's word list repository on the embedded SQLite dialect (in memory). */
import { openDatabase } from '../../server/db/open';
import { wordListRepositorySuite } from './wordFilterRepoSuite';

wordListRepositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
