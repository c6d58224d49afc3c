import type { Kdb } from '../types';
import { RepoError, isUniqueViolation, newId } from './ids';

export interface NewExhibitor {
  expoId: string;
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  industry: string;
  park: string;
  website?: string | null;
  contact?: { email: string | null; phone: string | null };
  hallId: string;
  slotId: string | null;
  template: string;
  colors?: { primary: string; accent: string };
  title?: { zh: string; en: string };
}

export function exhibitorRepository(db: Kdb) {
  return {
    /** An exhibitor and its booth, in one transaction. */
    async create(n: NewExhibitor): Promise<{ exhibitorId: string; boothId: string }> {
      const exhibitorId = newId();
      const boothId = newId();
      const now = Date.now();
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('exhibitors')
            .values({
              id: exhibitorId,
              expo_id: n.expoId,
              name_zh: n.name.zh,
              name_en: n.name.en,
              description_zh: n.description?.zh ?? '',
              description_en: n.description?.en ?? '',
              industry: n.industry,
              park: n.park,
              website: n.website ?? null,
              contact_email: n.contact?.email ?? null,
              contact_phone: n.contact?.phone ?? null,
              logo_media_id: null,
              created_at: now,
              updated_at: now,
            })
            .execute();
          await trx
            .insertInto('booths')
            .values({
              id: boothId,
              expo_id: n.expoId,
              exhibitor_id: exhibitorId,
              hall_id: n.hallId,
              slot_id: n.slotId,
              template: n.template,
              color_primary: n.colors?.primary ?? '#0d3b57',
              color_accent: n.colors?.accent ?? '#f2b63d',
              title_zh: n.title?.zh ?? '',
              title_en: n.title?.en ?? '',
              video_media_id: null,
              brochure_media_id: null,
              updated_at: now,
            })
            .execute();
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new RepoError('conflict', 'That slot is taken');
        throw err;
      }
      return { exhibitorId, boothId };
    },

    async get(id: string) {
      return db.selectFrom('exhibitors').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async boothOf(exhibitorId: string) {
      return db.selectFrom('booths').selectAll().where('exhibitor_id', '=', exhibitorId).executeTakeFirst();
    },

    /** Deletes the exhibitor with its booth, products, media rows and staff; returns the files to remove. */
    async delete(id: string): Promise<{ files: string[]; boothId: string | null; hallId: string | null }> {
      return db.transaction().execute(async (trx) => {
        const ex = await trx.selectFrom('exhibitors').select('id').where('id', '=', id).executeTakeFirst();
        if (!ex) throw new RepoError('not_found', 'No such exhibitor');
        const booth = await trx.selectFrom('booths').select(['id', 'hall_id']).where('exhibitor_id', '=', id).executeTakeFirst();
        const files = (await trx.selectFrom('media').select('file').where('exhibitor_id', '=', id).execute()).map((r) => r.file);
        // Children first, so the order does not depend on each dialect's cascade behaviour.
        if (booth) {
          await trx.deleteFrom('booth_images').where('booth_id', '=', booth.id).execute();
          await trx.deleteFrom('products').where('booth_id', '=', booth.id).execute();
          await trx.deleteFrom('booths').where('id', '=', booth.id).execute();
        }
        await trx.deleteFrom('media').where('exhibitor_id', '=', id).execute();
        await trx.deleteFrom('invites').where('exhibitor_id', '=', id).execute();
        await trx.deleteFrom('users').where('exhibitor_id', '=', id).execute();
        await trx.deleteFrom('exhibitors').where('id', '=', id).execute();
        return { files, boothId: booth?.id ?? null, hallId: booth?.hall_id ?? null };
      });
    },

    async listForOrganizer(expoId: string) {
      const rows = await db
        .selectFrom('exhibitors')
        .innerJoin('booths', 'booths.exhibitor_id', 'exhibitors.id')
        .select(['exhibitors.id as exhibitor_id', 'exhibitors.name_zh', 'exhibitors.name_en', 'booths.id as booth_id', 'booths.hall_id', 'booths.slot_id'])
        .where('exhibitors.expo_id', '=', expoId)
        .orderBy('booths.hall_id')
        .orderBy('booths.slot_id')
        .execute();
      const staff = rows.length
        ? await db
            .selectFrom('users')
            .select(['exhibitor_id', 'email', 'display_name'])
            .where(
              'exhibitor_id',
              'in',
              rows.map((r) => r.exhibitor_id),
            )
            .orderBy('email')
            .execute()
        : [];
      return rows.map((r) => ({ ...r, staff: staff.filter((s) => s.exhibitor_id === r.exhibitor_id) }));
    },

    async count(expoId: string): Promise<number> {
      const r = await db
        .selectFrom('exhibitors')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('expo_id', '=', expoId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type ExhibitorRepository = ReturnType<typeof exhibitorRepository>;
