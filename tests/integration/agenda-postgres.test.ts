/**
 * The agenda repository on PostgreSQL (no overlap under concurrent saves, stars, media, the demo
 * programme). Runs when DATABASE_URL is set, in a schema of its own that is dropped afterwards.
 */
import { agendaRepositorySuite } from '../unit/agendaSuite';
import { onPostgres } from './onPostgres';

onPostgres('agenda repository', agendaRepositorySuite);
