/**
 * Souvenir certificates and their ledger on PostgreSQL (twenty issues racing over a pool of
 * connections). Runs when DATABASE_URL is set, in a schema of its own that is dropped afterwards.
 */
import { souvenirRepositorySuite } from '../unit/souvenirSuite';
import { onPostgres } from './onPostgres';

onPostgres('souvenirs', souvenirRepositorySuite);
