/** The Q&A repository on the embedded SQLite dialect (in memory). */
import { openDatabase } from '../../server/db/open';
import { qaRepositorySuite } from './qaSuite';

qaRepositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
