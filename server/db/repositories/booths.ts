/**
 * Booths with everything they show: exhibitor, media, products, staff on duty. Writes that replace
 * media return the file names that are no longer referenced, so the caller deletes them only after
 * the transaction has committed.
 */
import { sql, type Transaction } from 'kysely';
import type { BoothTable, DB, ExhibitorTable, Kdb, ProductTable } from '../types';
import { MAX_IMAGES, MAX_PRODUCTS } from '../../../shared/api/common';
import type { BoothUpdate, ProductInput } from '../../../shared/api/schemas';
import { RepoError, isUniqueViolation, newId, likePattern } from './ids';
import { mediaRow, type MediaRow, type NewMedia } from './media';

export interface ProductRecord {
  row: ProductTable;
  image: MediaRow | null;
  model: MediaRow | null;
}

export interface BoothRecord {
  booth: BoothTable;
  exhibitor: ExhibitorTable;
  logo: MediaRow | null;
  video: MediaRow | null;
  brochure: MediaRow | null;
  images: { id: string; media: MediaRow }[];
  products: ProductRecord[];
  staffOnDuty: boolean;
}

export interface DirectoryFilter {
  q?: string;
  industry?: string;
  park?: string;
  hallId?: string;
}

export type BoothMediaSlot = 'logo' | 'video' | 'brochure';

export function boothRepository(db: Kdb) {
  async function assemble(exec: Kdb | Transaction<DB>, rows: { booth: BoothTable; exhibitor: ExhibitorTable }[]): Promise<BoothRecord[]> {
    if (rows.length === 0) return [];
    const boothIds = rows.map((r) => r.booth.id);
    const exhibitorIds = rows.map((r) => r.exhibitor.id);
    const [images, products, onDuty] = await Promise.all([
      exec.selectFrom('booth_images').selectAll().where('booth_id', 'in', boothIds).orderBy('position').orderBy('id').execute(),
      exec.selectFrom('products').selectAll().where('booth_id', 'in', boothIds).orderBy('position').orderBy('id').execute(),
      exec.selectFrom('users').select('exhibitor_id').where('exhibitor_id', 'in', exhibitorIds).where('on_duty_until', '>', Date.now()).execute(),
    ]);
    const mediaIds: string[] = [];
    for (const r of rows) {
      if (r.exhibitor.logo_media_id) mediaIds.push(r.exhibitor.logo_media_id);
      if (r.booth.video_media_id) mediaIds.push(r.booth.video_media_id);
      if (r.booth.brochure_media_id) mediaIds.push(r.booth.brochure_media_id);
    }
    for (const i of images) mediaIds.push(i.media_id);
    for (const p of products) {
      if (p.image_media_id) mediaIds.push(p.image_media_id);
      if (p.model_media_id) mediaIds.push(p.model_media_id);
    }
    const media = new Map<string, MediaRow>();
    if (mediaIds.length) {
      for (const m of await exec
        .selectFrom('media')
        .selectAll()
        .where('id', 'in', [...new Set(mediaIds)])
        .execute())
        media.set(m.id, m);
    }
    const m = (id: string | null) => (id ? (media.get(id) ?? null) : null);
    const duty = new Set(onDuty.map((u) => u.exhibitor_id));
    return rows.map(({ booth, exhibitor }) => ({
      booth,
      exhibitor,
      logo: m(exhibitor.logo_media_id),
      video: m(booth.video_media_id),
      brochure: m(booth.brochure_media_id),
      images: images.filter((i) => i.booth_id === booth.id && media.has(i.media_id)).map((i) => ({ id: i.id, media: media.get(i.media_id)! })),
      products: products.filter((p) => p.booth_id === booth.id).map((p) => ({ row: p, image: m(p.image_media_id), model: m(p.model_media_id) })),
      staffOnDuty: duty.has(exhibitor.id),
    }));
  }

  function baseQuery(exec: Kdb | Transaction<DB>) {
    return exec
      .selectFrom('booths')
      .innerJoin('exhibitors', 'exhibitors.id', 'booths.exhibitor_id')
      .selectAll('booths')
      .select([
        'exhibitors.id as ex_id',
        'exhibitors.expo_id as ex_expo_id',
        'exhibitors.name_zh as ex_name_zh',
        'exhibitors.name_en as ex_name_en',
        'exhibitors.description_zh as ex_description_zh',
        'exhibitors.description_en as ex_description_en',
        'exhibitors.industry as ex_industry',
        'exhibitors.park as ex_park',
        'exhibitors.website as ex_website',
        'exhibitors.contact_email as ex_contact_email',
        'exhibitors.contact_phone as ex_contact_phone',
        'exhibitors.logo_media_id as ex_logo_media_id',
        'exhibitors.created_at as ex_created_at',
        'exhibitors.updated_at as ex_updated_at',
      ]);
  }

  type JoinedRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];
  function split(r: JoinedRow): { booth: BoothTable; exhibitor: ExhibitorTable } {
    const {
      ex_id,
      ex_expo_id,
      ex_name_zh,
      ex_name_en,
      ex_description_zh,
      ex_description_en,
      ex_industry,
      ex_park,
      ex_website,
      ex_contact_email,
      ex_contact_phone,
      ex_logo_media_id,
      ex_created_at,
      ex_updated_at,
      ...booth
    } = r;
    return {
      booth,
      exhibitor: {
        id: ex_id,
        expo_id: ex_expo_id,
        name_zh: ex_name_zh,
        name_en: ex_name_en,
        description_zh: ex_description_zh,
        description_en: ex_description_en,
        industry: ex_industry,
        park: ex_park,
        website: ex_website,
        contact_email: ex_contact_email,
        contact_phone: ex_contact_phone,
        logo_media_id: ex_logo_media_id,
        created_at: ex_created_at,
        updated_at: ex_updated_at,
      },
    };
  }

  async function getIn(exec: Kdb | Transaction<DB>, boothId: string): Promise<BoothRecord | undefined> {
    const row = await baseQuery(exec).where('booths.id', '=', boothId).executeTakeFirst();
    if (!row) return undefined;
    return (await assemble(exec, [split(row)]))[0];
  }

  async function boothRow(trx: Transaction<DB>, boothId: string): Promise<BoothTable> {
    const row = await trx.selectFrom('booths').selectAll().where('id', '=', boothId).executeTakeFirst();
    if (!row) throw new RepoError('not_found', 'No such booth');
    return row;
  }

  async function productRow(trx: Transaction<DB>, boothId: string, productId: string): Promise<ProductTable> {
    const row = await trx.selectFrom('products').selectAll().where('id', '=', productId).where('booth_id', '=', boothId).executeTakeFirst();
    if (!row) throw new RepoError('not_found', 'No such product');
    return row;
  }

  async function touch(trx: Transaction<DB>, boothId: string): Promise<void> {
    await trx.updateTable('booths').set({ updated_at: Date.now() }).where('id', '=', boothId).execute();
  }

  /** Deletes media rows by id and returns their file names. */
  async function dropMedia(trx: Transaction<DB>, ids: (string | null | undefined)[]): Promise<string[]> {
    const list = ids.filter((x): x is string => !!x);
    if (list.length === 0) return [];
    const rows = await trx.selectFrom('media').select('file').where('id', 'in', list).execute();
    await trx.deleteFrom('media').where('id', 'in', list).execute();
    return rows.map((r) => r.file);
  }

  return {
    get: (boothId: string) => getIn(db, boothId),

    async listByHall(expoId: string, hallId: string): Promise<BoothRecord[]> {
      const rows = await baseQuery(db)
        .where('booths.expo_id', '=', expoId)
        .where('booths.hall_id', '=', hallId)
        .where('booths.slot_id', 'is not', null)
        .orderBy('booths.slot_id')
        .execute();
      return assemble(db, rows.map(split));
    },

    async listByExpo(expoId: string): Promise<BoothRecord[]> {
      const rows = await baseQuery(db).where('booths.expo_id', '=', expoId).orderBy('booths.hall_id').orderBy('booths.slot_id').execute();
      return assemble(db, rows.map(split));
    },

    /** Directory rows: light, no products or gallery. */
    async directory(expoId: string, f: DirectoryFilter = {}) {
      let q = db
        .selectFrom('booths')
        .innerJoin('exhibitors', 'exhibitors.id', 'booths.exhibitor_id')
        .leftJoin('media', 'media.id', 'exhibitors.logo_media_id')
        .select([
          'booths.id as booth_id',
          'booths.hall_id',
          'booths.slot_id',
          'booths.title_zh',
          'booths.title_en',
          'exhibitors.id as exhibitor_id',
          'exhibitors.name_zh',
          'exhibitors.name_en',
          'exhibitors.industry',
          'exhibitors.park',
          'media.file as logo_file',
          'media.width as logo_width',
          'media.height as logo_height',
        ])
        .where('booths.expo_id', '=', expoId)
        .where('booths.slot_id', 'is not', null);
      if (f.hallId) q = q.where('booths.hall_id', '=', f.hallId);
      if (f.industry) q = q.where('exhibitors.industry', '=', f.industry);
      if (f.park) q = q.where('exhibitors.park', '=', f.park);
      if (f.q) {
        const p = likePattern(f.q);
        q = q.where((eb) =>
          eb.or([
            sql<boolean>`lower(${eb.ref('exhibitors.name_zh')}) like ${p} escape '\\'`,
            sql<boolean>`lower(${eb.ref('exhibitors.name_en')}) like ${p} escape '\\'`,
            sql<boolean>`lower(${eb.ref('booths.title_zh')}) like ${p} escape '\\'`,
            sql<boolean>`lower(${eb.ref('booths.title_en')}) like ${p} escape '\\'`,
          ]),
        );
      }
      return q.orderBy('exhibitors.name_en').orderBy('booths.id').execute();
    },

    /** Applies a console edit to the booth and its exhibitor in one transaction. */
    async update(boothId: string, u: BoothUpdate): Promise<BoothRecord> {
      return db.transaction().execute(async (trx) => {
        const booth = await boothRow(trx, boothId);
        const now = Date.now();
        const b: Partial<BoothTable> = { updated_at: now };
        if (u.title) Object.assign(b, { title_zh: u.title.zh, title_en: u.title.en });
        if (u.template) b.template = u.template;
        if (u.colors) Object.assign(b, { color_primary: u.colors.primary, color_accent: u.colors.accent });
        await trx.updateTable('booths').set(b).where('id', '=', boothId).execute();

        const e: Partial<ExhibitorTable> = {};
        if (u.name) Object.assign(e, { name_zh: u.name.zh, name_en: u.name.en });
        if (u.description) Object.assign(e, { description_zh: u.description.zh, description_en: u.description.en });
        if (u.industry) e.industry = u.industry;
        if (u.park) e.park = u.park;
        if (u.website !== undefined) e.website = u.website || null;
        if (u.contact) Object.assign(e, { contact_email: u.contact.email || null, contact_phone: u.contact.phone || null });
        if (Object.keys(e).length) {
          e.updated_at = now;
          await trx.updateTable('exhibitors').set(e).where('id', '=', booth.exhibitor_id).execute();
        }
        return (await getIn(trx, boothId))!;
      });
    },

    /** Sets the logo, video or brochure; returns the record and the file that is no longer used. */
    async setMedia(boothId: string, slot: BoothMediaSlot, media: NewMedia | null): Promise<{ record: BoothRecord; orphans: string[] }> {
      return db.transaction().execute(async (trx) => {
        const booth = await boothRow(trx, boothId);
        const row = media ? mediaRow(media) : null;
        if (row) await trx.insertInto('media').values(row).execute();
        let old: string | null;
        if (slot === 'logo') {
          const ex = await trx.selectFrom('exhibitors').select('logo_media_id').where('id', '=', booth.exhibitor_id).executeTakeFirstOrThrow();
          old = ex.logo_media_id;
          await trx
            .updateTable('exhibitors')
            .set({ logo_media_id: row?.id ?? null, updated_at: Date.now() })
            .where('id', '=', booth.exhibitor_id)
            .execute();
        } else if (slot === 'video') {
          old = booth.video_media_id;
          await trx
            .updateTable('booths')
            .set({ video_media_id: row?.id ?? null })
            .where('id', '=', boothId)
            .execute();
        } else {
          old = booth.brochure_media_id;
          await trx
            .updateTable('booths')
            .set({ brochure_media_id: row?.id ?? null })
            .where('id', '=', boothId)
            .execute();
        }
        await touch(trx, boothId);
        const orphans = await dropMedia(trx, [old]);
        return { record: (await getIn(trx, boothId))!, orphans };
      });
    },

    async addImage(boothId: string, media: NewMedia): Promise<BoothRecord> {
      return db.transaction().execute(async (trx) => {
        await boothRow(trx, boothId);
        const count = await trx
          .selectFrom('booth_images')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('booth_id', '=', boothId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= MAX_IMAGES) throw new RepoError('limit', `A booth shows at most ${MAX_IMAGES} images`);
        const max = await trx
          .selectFrom('booth_images')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('booth_id', '=', boothId)
          .executeTakeFirst();
        const row = mediaRow(media);
        await trx.insertInto('media').values(row).execute();
        await trx
          .insertInto('booth_images')
          .values({ id: newId(), booth_id: boothId, media_id: row.id, position: Number(max?.p ?? -1) + 1 })
          .execute();
        await touch(trx, boothId);
        return (await getIn(trx, boothId))!;
      });
    },

    async deleteImage(boothId: string, imageId: string): Promise<{ record: BoothRecord; orphans: string[] }> {
      return db.transaction().execute(async (trx) => {
        const img = await trx.selectFrom('booth_images').selectAll().where('id', '=', imageId).where('booth_id', '=', boothId).executeTakeFirst();
        if (!img) throw new RepoError('not_found', 'No such image');
        await trx.deleteFrom('booth_images').where('id', '=', imageId).execute();
        const orphans = await dropMedia(trx, [img.media_id]);
        await touch(trx, boothId);
        return { record: (await getIn(trx, boothId))!, orphans };
      });
    },

    async addProduct(boothId: string, p: ProductInput): Promise<{ record: BoothRecord; productId: string }> {
      return db.transaction().execute(async (trx) => {
        await boothRow(trx, boothId);
        const count = await trx
          .selectFrom('products')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('booth_id', '=', boothId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= MAX_PRODUCTS) throw new RepoError('limit', `A booth shows at most ${MAX_PRODUCTS} products`);
        const max = await trx
          .selectFrom('products')
          .select((eb) => eb.fn.max('position').as('p'))
          .where('booth_id', '=', boothId)
          .executeTakeFirst();
        const id = newId();
        await trx
          .insertInto('products')
          .values({
            id,
            booth_id: boothId,
            name_zh: p.name.zh,
            name_en: p.name.en,
            description_zh: p.description.zh,
            description_en: p.description.en,
            image_media_id: null,
            model_media_id: null,
            position: Number(max?.p ?? -1) + 1,
          })
          .execute();
        await touch(trx, boothId);
        return { record: (await getIn(trx, boothId))!, productId: id };
      });
    },

    async updateProduct(boothId: string, productId: string, p: ProductInput): Promise<BoothRecord> {
      return db.transaction().execute(async (trx) => {
        await productRow(trx, boothId, productId);
        await trx
          .updateTable('products')
          .set({ name_zh: p.name.zh, name_en: p.name.en, description_zh: p.description.zh, description_en: p.description.en })
          .where('id', '=', productId)
          .execute();
        await touch(trx, boothId);
        return (await getIn(trx, boothId))!;
      });
    },

    async deleteProduct(boothId: string, productId: string): Promise<{ record: BoothRecord; orphans: string[] }> {
      return db.transaction().execute(async (trx) => {
        const p = await productRow(trx, boothId, productId);
        await trx.deleteFrom('products').where('id', '=', productId).execute();
        const orphans = await dropMedia(trx, [p.image_media_id, p.model_media_id]);
        await touch(trx, boothId);
        return { record: (await getIn(trx, boothId))!, orphans };
      });
    },

    async setProductMedia(
      boothId: string,
      productId: string,
      slot: 'image' | 'model',
      media: NewMedia | null,
    ): Promise<{ record: BoothRecord; orphans: string[] }> {
      return db.transaction().execute(async (trx) => {
        const p = await productRow(trx, boothId, productId);
        const row = media ? mediaRow(media) : null;
        if (row) await trx.insertInto('media').values(row).execute();
        const old = slot === 'image' ? p.image_media_id : p.model_media_id;
        await trx
          .updateTable('products')
          .set(slot === 'image' ? { image_media_id: row?.id ?? null } : { model_media_id: row?.id ?? null })
          .where('id', '=', productId)
          .execute();
        const orphans = await dropMedia(trx, [old]);
        await touch(trx, boothId);
        return { record: (await getIn(trx, boothId))!, orphans };
      });
    },

    /** Moves a booth to a slot (null = unplaced). The slot must be free in that expo. */
    async place(boothId: string, hallId: string, slotId: string | null): Promise<BoothRecord> {
      try {
        return await db.transaction().execute(async (trx) => {
          const booth = await boothRow(trx, boothId);
          if (slotId) {
            const taken = await trx
              .selectFrom('booths')
              .select('id')
              .where('expo_id', '=', booth.expo_id)
              .where('hall_id', '=', hallId)
              .where('slot_id', '=', slotId)
              .where('id', '!=', boothId)
              .executeTakeFirst();
            if (taken) throw new RepoError('conflict', 'That slot is taken');
          }
          await trx.updateTable('booths').set({ hall_id: hallId, slot_id: slotId, updated_at: Date.now() }).where('id', '=', boothId).execute();
          return (await getIn(trx, boothId))!;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new RepoError('conflict', 'That slot is taken');
        throw err;
      }
    },

    /** Staff on duty until `until` (ms), or off duty with null. */
    async setDuty(userId: string, until: number | null): Promise<void> {
      await db.updateTable('users').set({ on_duty_until: until }).where('id', '=', userId).execute();
    },

    async touch(boothId: string): Promise<void> {
      await db.updateTable('booths').set({ updated_at: Date.now() }).where('id', '=', boothId).execute();
    },

    /** Slots in use: hall -> slot -> booth id. */
    async occupiedSlots(expoId: string): Promise<{ hall_id: string; slot_id: string; booth_id: string; name_zh: string; name_en: string }[]> {
      const rows = await db
        .selectFrom('booths')
        .innerJoin('exhibitors', 'exhibitors.id', 'booths.exhibitor_id')
        .select(['booths.hall_id', 'booths.slot_id', 'booths.id as booth_id', 'exhibitors.name_zh', 'exhibitors.name_en'])
        .where('booths.expo_id', '=', expoId)
        .where('booths.slot_id', 'is not', null)
        .execute();
      return rows.map((r) => ({ ...r, slot_id: r.slot_id! }));
    },

    /** Booths whose slot is null or not in `validSlots` (a hall layout changed): unplaces the latter. */
    async reconcileSlots(expoId: string, validSlots: Record<string, Set<string>>): Promise<{ unplaced: BoothTable[]; moved: string[] }> {
      return db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('booths').selectAll().where('expo_id', '=', expoId).execute();
        const moved: string[] = [];
        for (const b of rows) {
          if (b.slot_id && !validSlots[b.hall_id]?.has(b.slot_id)) {
            await trx.updateTable('booths').set({ slot_id: null, updated_at: Date.now() }).where('id', '=', b.id).execute();
            b.slot_id = null;
            moved.push(b.id);
          }
        }
        return { unplaced: rows.filter((b) => b.slot_id === null), moved };
      });
    },
  };
}

export type BoothRepository = ReturnType<typeof boothRepository>;
