import type { Kdb } from '../types';
import { RepoError, newId } from './ids';

export interface ExpoRecord {
  id: string;
  slug: string;
  name: { zh: string; en: string };
  isDemo: boolean;
  halls: string[];
}

export function expoRepository(db: Kdb) {
  async function withHalls(row: { id: string; slug: string; name_zh: string; name_en: string; is_demo: number }): Promise<ExpoRecord> {
    const halls = await db.selectFrom('expo_halls').select('hall_id').where('expo_id', '=', row.id).orderBy('position').execute();
    return { id: row.id, slug: row.slug, name: { zh: row.name_zh, en: row.name_en }, isDemo: row.is_demo === 1, halls: halls.map((h) => h.hall_id) };
  }

  return {
    /** The expo visitors see; the newest active one if several are. */
    async getActive(): Promise<ExpoRecord | undefined> {
      const row = await db.selectFrom('expos').selectAll().where('active', '=', 1).orderBy('created_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
      return row ? withHalls(row) : undefined;
    },

    async get(id: string): Promise<ExpoRecord | undefined> {
      const row = await db.selectFrom('expos').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? withHalls(row) : undefined;
    },

    async count(): Promise<number> {
      const r = await db
        .selectFrom('expos')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async create(input: { slug: string; name: { zh: string; en: string }; isDemo: boolean; active: boolean; halls: string[] }): Promise<ExpoRecord> {
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if (input.active) await trx.updateTable('expos').set({ active: 0 }).where('active', '=', 1).execute();
        await trx
          .insertInto('expos')
          .values({
            id,
            slug: input.slug,
            name_zh: input.name.zh,
            name_en: input.name.en,
            is_demo: input.isDemo ? 1 : 0,
            active: input.active ? 1 : 0,
            created_at: Date.now(),
          })
          .execute();
        if (input.halls.length) {
          await trx
            .insertInto('expo_halls')
            .values(input.halls.map((hall_id, position) => ({ expo_id: id, hall_id, position })))
            .execute();
        }
      });
      return { id, slug: input.slug, name: input.name, isDemo: input.isDemo, halls: input.halls };
    },

    /** Placed booths per hall. */
    async setEndsAt(id: string, endsAt: number | null): Promise<void> {
      const r = await db.updateTable('expos').set({ ends_at: endsAt }).where('id', '=', id).executeTakeFirst();
      if (!r.numUpdatedRows) throw new RepoError('not_found', 'No such expo');
    },
    endsAt: async (id: string) => (await db.selectFrom('expos').select('ends_at').where('id', '=', id).executeTakeFirst())?.ends_at ?? null,
    async boothCounts(expoId: string): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('booths')
        .select(['hall_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('expo_id', '=', expoId)
        .where('slot_id', 'is not', null)
        .groupBy('hall_id')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.hall_id, Number(r.n)]));
    },
  };
}

export type ExpoRepository = ReturnType<typeof expoRepository>;
