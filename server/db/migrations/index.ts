/** Every migration, in order. Names sort by their number; never rename or edit one that has shipped. */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_init';
import * as m0002 from './0002_cards_leads';
import * as m0003 from './0003_meetings';
import * as m0004 from './0004_analytics';
import * as m0005 from './0005_agenda';
import * as m0006 from './0006_moderation';
import * as m0007 from './0007_word_list';
import * as m0008 from './0008_dashboard';
import * as m0009 from './0009_qa';
import * as m0010 from './0010_entry_rules';
import * as m0011 from './0011_entry_pass_holders';
import * as m0012 from './0012_souvenirs';
import * as m0013 from './0013_passport_stamps';
import * as m0014 from './0014_auction';

const all: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_cards_leads': m0002,
  '0003_meetings': m0003,
  '0004_analytics': m0004,
  '0005_agenda': m0005,
  '0006_moderation': m0006,
  '0007_word_list': m0007,
  '0008_dashboard': m0008,
  '0009_qa': m0009,
  '0010_entry_rules': m0010,
  '0011_entry_pass_holders': m0011,
  '0012_souvenirs': m0012,
  '0013_passport_stamps': m0013,
  '0014_auction': m0014,
};

/** Migrations are bundled in code (no directory scan), so they work the same under tsx, vitest and a build. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => all,
};
