/** The agenda repository on the embedded SQLite dialect (in memory). */
import { openDatabase } from '../../server/db/open';
import { agendaRepositorySuite } from './agendaSuite';

agendaRepositorySuite(
  'SQLite',
  async () => openDatabase({ sqliteFile: ':memory:' }),
  (d) => d.close(),
);
