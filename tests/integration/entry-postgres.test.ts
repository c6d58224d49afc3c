/**
 * The entry-rule repository on PostgreSQL (rules per scope, passes counted under a race).
 * Runs when DATABASE_URL is set, in a schema of its own that is dropped afterwards.
 */
import { entryRepositorySuite } from '../unit/entrySuite';
import { onPostgres } from './onPostgres';

onPostgres('entry rules', entryRepositorySuite);
