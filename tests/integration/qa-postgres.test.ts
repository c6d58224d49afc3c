/**
 * The Q&A repository on PostgreSQL (the per-session limit and the one-vote rule under concurrent
 * writes). Runs when DATABASE_URL is set, in a schema of its own that is dropped afterwards.
 */
import { qaRepositorySuite } from '../unit/qaSuite';
import { onPostgres } from './onPostgres';

onPostgres('Q&A repository', qaRepositorySuite);
