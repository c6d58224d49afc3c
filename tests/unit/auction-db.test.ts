/** The auction repository on the embedded SQLite dialect (in memory). */
import { openDatabase } from '../../server/db/open';
import { auctionRepositorySuite } from './auctionSuite';

auctionRepositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
