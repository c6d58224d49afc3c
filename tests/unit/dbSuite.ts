/**
 * The repository suite, run once per dialect: tests/unit/db.test.ts on SQLite (in memory) and
 * tests/integration/db-postgres.test.ts on PostgreSQL when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, RepoError, type Repositories } from '../../server/db/repositories';
import { seedDemoIfEmpty, reconcileBooths } from '../../server/seed/demo';
import { MediaStore } from '../../server/uploads/storage';
import type { NewMedia } from '../../server/db/repositories/media';

const quiet = { info() {}, warn() {} };

function media(kind: NewMedia['kind'], n: number, exhibitorId: string | null): NewMedia {
  return { exhibitorId, kind, file: `${String(n).padStart(24, 'a').slice(-24)}.webp`, mime: 'image/webp', bytes: 100 + n, width: 10, height: 10 };
}

let fileN = 0;
const nextMedia = (kind: NewMedia['kind'], exhibitorId: string | null) => {
  fileN++;
  return { ...media(kind, fileN, exhibitorId), file: `${fileN.toString(36).padStart(24, '0')}.webp` };
};

export function repositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`repositories on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    let expoId: string;

    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
      expoId = (
        await r.expos.create({ slug: 'test-expo', name: { zh: '测试展', en: 'Test expo' }, isDemo: false, active: true, halls: ['gulangyu', 'shapowei'] })
      ).id;
    });
    afterAll(async () => {
      if (database) await close(database);
    });

    it('migrates idempotently', async () => {
      expect(await migrateToLatest(database)).toEqual([]);
    });

    it('finds the active expo with its halls', async () => {
      const expo = await r.expos.getActive();
      expect(expo).toMatchObject({ id: expoId, name: { zh: '测试展', en: 'Test expo' }, isDemo: false, halls: ['gulangyu', 'shapowei'] });
    });

    it('creates an exhibitor with its booth and refuses a taken slot', async () => {
      const a = await r.exhibitors.create({
        expoId,
        name: { zh: '甲公司', en: 'Alpha Ltd' },
        industry: 'ai',
        park: 'torch',
        hallId: 'gulangyu',
        slotId: 's1',
        template: 'kiosk',
      });
      const booth = await r.booths.get(a.boothId);
      expect(booth?.exhibitor.name_en).toBe('Alpha Ltd');
      expect(booth?.booth.slot_id).toBe('s1');
      await expect(
        r.exhibitors.create({ expoId, name: { zh: '乙', en: 'Beta' }, industry: 'ai', park: 'torch', hallId: 'gulangyu', slotId: 's1', template: 'kiosk' }),
      ).rejects.toMatchObject({ code: 'conflict' });
      // Unplaced booths do not collide with each other.
      await r.exhibitors.create({
        expoId,
        name: { zh: '丙', en: 'Gamma' },
        industry: 'ai',
        park: 'torch',
        hallId: 'gulangyu',
        slotId: null,
        template: 'kiosk',
      });
      await r.exhibitors.create({
        expoId,
        name: { zh: '丁', en: 'Delta' },
        industry: 'ai',
        park: 'torch',
        hallId: 'gulangyu',
        slotId: null,
        template: 'kiosk',
      });
    });

    it('updates booth and exhibitor fields in one go', async () => {
      const { boothId } = await r.exhibitors.create({
        expoId,
        name: { zh: '鹭', en: 'Egret' },
        industry: 'xr',
        park: 'software_park',
        hallId: 'shapowei',
        slotId: 'x1',
        template: 'island',
      });
      const before = (await r.booths.get(boothId))!;
      await new Promise((res) => setTimeout(res, 3));
      const after = await r.booths.update(boothId, {
        title: { zh: '新标题', en: 'New title' },
        colors: { primary: '#112233', accent: '#445566' },
        template: 'pavilion',
        website: 'https://egret.example/',
        contact: { email: 'hi@egret.example', phone: '+86 1' },
        description: { zh: '描述\n第二行', en: 'Two\nlines' },
      });
      expect(after.booth).toMatchObject({ title_zh: '新标题', template: 'pavilion', color_primary: '#112233' });
      expect(after.exhibitor).toMatchObject({ website: 'https://egret.example/', contact_email: 'hi@egret.example', description_zh: '描述\n第二行' });
      expect(after.booth.updated_at).toBeGreaterThan(before.booth.updated_at);
      const cleared = await r.booths.update(boothId, { website: '', contact: { email: '', phone: '' } });
      expect(cleared.exhibitor).toMatchObject({ website: null, contact_email: null, contact_phone: null });
      await expect(r.booths.update('nosuchbooth', { template: 'kiosk' })).rejects.toBeInstanceOf(RepoError);
    });

    it('lists a hall and searches the directory', async () => {
      const hall = await r.booths.listByHall(expoId, 'gulangyu');
      expect(hall.map((b) => b.exhibitor.name_en)).toEqual(['Alpha Ltd']); // unplaced booths are not in the hall
      expect((await r.booths.directory(expoId, { q: 'ALPHA' })).map((d) => d.name_en)).toEqual(['Alpha Ltd']);
      expect((await r.booths.directory(expoId, { q: '鹭' })).map((d) => d.name_en)).toEqual(['Egret']);
      expect((await r.booths.directory(expoId, { q: 'new tit' })).map((d) => d.name_en)).toEqual(['Egret']);
      expect((await r.booths.directory(expoId, { industry: 'xr' })).map((d) => d.name_en)).toEqual(['Egret']);
      expect((await r.booths.directory(expoId, { park: 'torch' })).map((d) => d.name_en)).toEqual(['Alpha Ltd']);
      expect((await r.booths.directory(expoId, { hallId: 'shapowei' })).map((d) => d.name_en)).toEqual(['Egret']);
      // LIKE wildcards in a query are literal characters.
      expect(await r.booths.directory(expoId, { q: '%' })).toEqual([]);
      expect(await r.booths.directory(expoId, { q: '_' })).toEqual([]);
    });

    it('replaces media and hands back the files no longer used', async () => {
      const { boothId, exhibitorId } = await r.exhibitors.create({
        expoId,
        name: { zh: '媒', en: 'Media Co' },
        industry: 'ai',
        park: 'other',
        hallId: 'gulangyu',
        slotId: 'm1',
        template: 'kiosk',
      });
      const first = nextMedia('logo', exhibitorId);
      const a = await r.booths.setMedia(boothId, 'logo', first);
      expect(a.orphans).toEqual([]);
      expect(a.record.logo?.file).toBe(first.file);
      const second = nextMedia('logo', exhibitorId);
      const b = await r.booths.setMedia(boothId, 'logo', second);
      expect(b.orphans).toEqual([first.file]);
      const c = await r.booths.setMedia(boothId, 'logo', null);
      expect(c.orphans).toEqual([second.file]);
      expect(c.record.logo).toBeNull();

      const v = await r.booths.setMedia(boothId, 'video', { ...nextMedia('video', exhibitorId), mime: 'video/mp4' });
      expect(v.record.video?.mime).toBe('video/mp4');

      for (let i = 0; i < 8; i++) await r.booths.addImage(boothId, nextMedia('image', exhibitorId));
      await expect(r.booths.addImage(boothId, nextMedia('image', exhibitorId))).rejects.toMatchObject({ code: 'limit' });
      const rec = (await r.booths.get(boothId))!;
      expect(rec.images).toHaveLength(8);
      const del = await r.booths.deleteImage(boothId, rec.images[0].id);
      expect(del.orphans).toEqual([rec.images[0].media.file]);
      await expect(r.booths.deleteImage(boothId, rec.images[0].id)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('adds, edits and removes products with their media', async () => {
      const { boothId, exhibitorId } = await r.exhibitors.create({
        expoId,
        name: { zh: '品', en: 'Products Co' },
        industry: 'ai',
        park: 'other',
        hallId: 'gulangyu',
        slotId: 'p1',
        template: 'kiosk',
      });
      const { productId } = await r.booths.addProduct(boothId, { name: { zh: '无人机', en: 'Drone' }, description: { zh: '', en: '' } });
      await r.booths.addProduct(boothId, { name: { zh: '二', en: 'Two' }, description: { zh: '', en: '' } });
      await r.booths.updateProduct(boothId, productId, { name: { zh: '无人机 2', en: 'Drone 2' }, description: { zh: '好', en: 'Good' } });
      const img = nextMedia('product_image', exhibitorId);
      const model = { ...nextMedia('model', exhibitorId), file: `${'m'.repeat(20)}0001.glb` };
      await r.booths.setProductMedia(boothId, productId, 'image', img);
      const withModel = await r.booths.setProductMedia(boothId, productId, 'model', model);
      const p = withModel.record.products.find((x) => x.row.id === productId)!;
      expect(p.row.name_en).toBe('Drone 2');
      expect(p.model?.file).toBe(model.file);
      expect(withModel.record.products.map((x) => x.row.name_en)).toEqual(['Drone 2', 'Two']);
      // Another booth's product is not reachable through this booth.
      const other = await r.exhibitors.create({
        expoId,
        name: { zh: '他', en: 'Other' },
        industry: 'ai',
        park: 'other',
        hallId: 'gulangyu',
        slotId: 'p2',
        template: 'kiosk',
      });
      await expect(r.booths.updateProduct(other.boothId, productId, { name: { zh: 'x', en: 'x' }, description: { zh: '', en: '' } })).rejects.toMatchObject({
        code: 'not_found',
      });
      const gone = await r.booths.deleteProduct(boothId, productId);
      expect(gone.orphans.sort()).toEqual([img.file, model.file].sort());
      expect(gone.record.products).toHaveLength(1);
    });

    it('moves booths between slots and refuses a taken one', async () => {
      const a = await r.exhibitors.create({
        expoId,
        name: { zh: '移', en: 'Mover' },
        industry: 'ai',
        park: 'other',
        hallId: 'gulangyu',
        slotId: 'mv1',
        template: 'kiosk',
      });
      await expect(r.booths.place(a.boothId, 'gulangyu', 's1')).rejects.toMatchObject({ code: 'conflict' });
      const moved = await r.booths.place(a.boothId, 'shapowei', 'mv2');
      expect(moved.booth).toMatchObject({ hall_id: 'shapowei', slot_id: 'mv2' });
      const unplaced = await r.booths.place(a.boothId, 'shapowei', null);
      expect(unplaced.booth.slot_id).toBeNull();
    });

    it('keeps accounts, sessions and invitations', async () => {
      const { exhibitorId } = await r.exhibitors.create({
        expoId,
        name: { zh: '账', en: 'Accounts Co' },
        industry: 'ai',
        park: 'other',
        hallId: 'gulangyu',
        slotId: 'u1',
        template: 'kiosk',
      });
      const u = await r.users.create({ email: 'a@x.example', passwordHash: 'h', role: 'exhibitor', exhibitorId, displayName: 'A' });
      await expect(r.users.create({ email: 'a@x.example', passwordHash: 'h', role: 'organizer', exhibitorId: null, displayName: 'B' })).rejects.toMatchObject({
        code: 'conflict',
      });
      expect((await r.users.findByEmail('a@x.example'))?.id).toBe(u.id);
      expect(await r.users.boothIds(u)).toHaveLength(1);

      const now = Date.now();
      await r.sessions.create('live', u.id, now + 60_000);
      await r.sessions.create('dead', u.id, now - 1);
      expect((await r.sessions.findUser('live'))?.email).toBe('a@x.example');
      expect(await r.sessions.findUser('dead')).toBeUndefined();
      expect(await r.sessions.purgeExpired()).toBeGreaterThanOrEqual(1);
      await r.sessions.delete('live');
      expect(await r.sessions.findUser('live')).toBeUndefined();

      await r.invites.create({ tokenHash: 'inv1', exhibitorId, email: null, createdBy: null, expiresAt: now + 60_000 });
      await r.invites.create({ tokenHash: 'inv2', exhibitorId, email: 'only@x.example', createdBy: null, expiresAt: now + 60_000 });
      await r.invites.create({ tokenHash: 'inv3', exhibitorId, email: null, createdBy: null, expiresAt: now - 1 });
      expect((await r.invites.findValid('inv1'))?.name_en).toBe('Accounts Co');
      expect(await r.invites.findValid('inv3')).toBeUndefined();
      const staff = await r.invites.accept('inv1', { email: 'staff@x.example', passwordHash: 'h', displayName: 'Staff' });
      expect(staff).toMatchObject({ role: 'exhibitor', exhibitor_id: exhibitorId });
      await expect(r.invites.accept('inv1', { email: 'staff2@x.example', passwordHash: 'h', displayName: 'S2' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(r.invites.accept('inv2', { email: 'other@x.example', passwordHash: 'h', displayName: 'S3' })).rejects.toMatchObject({ code: 'conflict' });
      await expect(r.invites.accept('inv3', { email: 'late@x.example', passwordHash: 'h', displayName: 'S4' })).rejects.toMatchObject({ code: 'not_found' });
      // A refused acceptance leaves the invitation usable and creates no account.
      expect(await r.users.findByEmail('other@x.example')).toBeUndefined();
      expect(await r.invites.findValid('inv2')).toBeDefined();
    });

    it('shows staff on duty until their duty expires', async () => {
      const { boothId, exhibitorId } = await r.exhibitors.create({
        expoId,
        name: { zh: '值', en: 'Duty Co' },
        industry: 'ai',
        park: 'other',
        hallId: 'gulangyu',
        slotId: 'd1',
        template: 'kiosk',
      });
      const u = await r.users.create({ email: 'duty@x.example', passwordHash: 'h', role: 'exhibitor', exhibitorId, displayName: 'D' });
      expect((await r.booths.get(boothId))?.staffOnDuty).toBe(false);
      await r.booths.setDuty(u.id, Date.now() + 60_000);
      expect((await r.booths.get(boothId))?.staffOnDuty).toBe(true);
      await r.booths.setDuty(u.id, Date.now() - 1);
      expect((await r.booths.get(boothId))?.staffOnDuty).toBe(false);
    });

    it('deletes an exhibitor with everything it owns', async () => {
      const { boothId, exhibitorId } = await r.exhibitors.create({
        expoId,
        name: { zh: '删', en: 'Delete Co' },
        industry: 'ai',
        park: 'other',
        hallId: 'gulangyu',
        slotId: 'del1',
        template: 'kiosk',
      });
      const logo = nextMedia('logo', exhibitorId);
      await r.booths.setMedia(boothId, 'logo', logo);
      const { productId } = await r.booths.addProduct(boothId, { name: { zh: '品', en: 'P' }, description: { zh: '', en: '' } });
      const pimg = nextMedia('product_image', exhibitorId);
      await r.booths.setProductMedia(boothId, productId, 'image', pimg);
      await r.users.create({ email: 'del@x.example', passwordHash: 'h', role: 'exhibitor', exhibitorId, displayName: 'D' });
      await r.invites.create({ tokenHash: 'invdel', exhibitorId, email: null, createdBy: null, expiresAt: Date.now() + 1000 });
      const out = await r.exhibitors.delete(exhibitorId);
      expect(out.files.sort()).toEqual([logo.file, pimg.file].sort());
      expect(out.boothId).toBe(boothId);
      expect(await r.booths.get(boothId)).toBeUndefined();
      expect(await r.users.findByEmail('del@x.example')).toBeUndefined();
      await expect(r.exhibitors.delete(exhibitorId)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('unplaces booths whose slot vanished from the layout', async () => {
      const other = (await r.expos.create({ slug: 'other-expo', name: { zh: '另', en: 'Other' }, isDemo: true, active: false, halls: ['gulangyu'] })).id;
      const a = await r.exhibitors.create({
        expoId: other,
        name: { zh: '甲', en: 'A' },
        industry: 'ai',
        park: 'other',
        hallId: 'gulangyu',
        slotId: 'gone',
        template: 'kiosk',
      });
      const b = await r.exhibitors.create({
        expoId: other,
        name: { zh: '乙', en: 'B' },
        industry: 'ai',
        park: 'other',
        hallId: 'gulangyu',
        slotId: 'kept',
        template: 'kiosk',
      });
      const { unplaced, moved } = await r.booths.reconcileSlots(other, { gulangyu: new Set(['kept', 'free']) });
      expect(moved).toEqual([a.boothId]);
      expect(unplaced.map((x) => x.id)).toEqual([a.boothId]);
      expect((await r.booths.get(b.boothId))?.booth.slot_id).toBe('kept');
      // The active expo is still the first one.
      expect((await r.expos.getActive())?.id).toBe(expoId);
    });
  });
}

/** The demo seed on a database of its own (it only seeds an empty one). */
export function seedSuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>, uploadDir: () => string): void {
  describe(`demo seed on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
    });
    afterAll(async () => {
      if (database) await close(database);
    });

    it('seeds an empty database once, and places booths in layout slots', async () => {
      const store = new MediaStore(uploadDir());
      const expo = await seedDemoIfEmpty({ repos: r, store, log: quiet, media: false, accounts: false });
      expect(expo?.name.zh).toBe('厦门元宇宙产业博览会');
      expect(await r.exhibitors.count(expo!.id)).toBeGreaterThanOrEqual(20);
      const counts = await r.expos.boothCounts(expo!.id);
      expect((counts.gulangyu ?? 0) + (counts.shapowei ?? 0)).toBeGreaterThan(0);
      await reconcileBooths(r, expo!, quiet);
      expect(await seedDemoIfEmpty({ repos: r, store, log: quiet })).toBeNull();
      const booths = await r.booths.listByHall(expo!.id, 'gulangyu');
      expect(booths.every((b) => b.products.length >= 2)).toBe(true);
    });
  });
}
