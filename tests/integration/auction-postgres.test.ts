/**
 * The auction repository on PostgreSQL: 200 bids at once over a pool of connections, each waiting
 * on the lot's row lock. Runs when DATABASE_URL is set, in a schema of its own dropped afterwards.
 */
import { auctionRepositorySuite } from '../unit/auctionSuite';
import { onPostgres } from './onPostgres';

onPostgres('auction', auctionRepositorySuite);
