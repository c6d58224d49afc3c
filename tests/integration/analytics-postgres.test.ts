/**
 * The analytics repository on PostgreSQL (additive upserts from concurrent flushes, the reads).
 * Runs when DATABASE_URL is set, in a schema of its own that is dropped afterwards.
 */
import { analyticsRepositorySuite } from '../unit/analyticsSuite';
import { onPostgres } from './onPostgres';

onPostgres('analytics repository', analyticsRepositorySuite);
