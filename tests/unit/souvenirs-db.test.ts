/** Souvenir certificates and their ledger on the embedded SQLite dialect (in memory). */
import { openDatabase } from '../../server/db/open';
import { souvenirRepositorySuite } from './souvenirSuite';

souvenirRepositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
