/**
 * The consent and lead rules in the repository, run once per dialect (SQLite in db.test.ts,
 * PostgreSQL in db-postgres.test.ts): a lead only with its consent, a snapshot of consented fields,
 * one lead per idempotency key even under a race, withdrawal deletes the lead and keeps the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, RepoError, type Repositories } from '../../server/db/repositories';
import { snapshot } from '../../server/db/repositories/leads';

export function leadRepositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`cards, consents and leads on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    let booth: { boothId: string; exhibitorId: string };
    let visitor = '';
    let n = 0;
    const leave = (over: Partial<Parameters<Repositories['leads']['leaveCard']>[0]> = {}) =>
      r.leads.leaveCard({
        visitorId: visitor,
        boothId: booth.boothId,
        exhibitorId: booth.exhibitorId,
        fields: ['email'],
        noticeVersion: 1,
        noticeHash: 'a'.repeat(64),
        idempotencyKey: `key-${n++}`,
        ...over,
      });
    const newVisitor = async (card: { name: string; email?: string; company?: string }) => {
      const u = await r.users.create({ email: `v${n++}@x.example`, passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName: card.name });
      await r.leads.saveCard(u.id, { company: '', title: '', email: '', phone: '', wechat: '', ...card });
      return u.id;
    };

    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
      const expo = await r.expos.create({ slug: 'lead-expo', name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu'] });
      const e = await r.exhibitors.create({
        expoId: expo.id,
        name: { zh: '甲', en: 'A' },
        industry: 'ai',
        park: 'torch',
        hallId: 'gulangyu',
        slotId: null,
        template: 'kiosk',
      });
      booth = { boothId: e.boothId, exhibitorId: e.exhibitorId };
    });
    afterAll(async () => {
      if (database) await close(database);
    });

    it('snapshots only the consented fields', () => {
      const card = { name: 'N', company: 'C', title: 'T', email: 'e@x', phone: '1', wechat: 'w' };
      expect(snapshot(card, ['email', 'wechat'])).toEqual({ name: 'N', company: null, title: null, email: 'e@x', phone: null, wechat: 'w' });
      expect(snapshot(card, [])).toEqual({ name: 'N', company: null, title: null, email: null, phone: null, wechat: null });
    });

    it('writes consent and lead together; the same key returns the first; a second card at the booth is refused', async () => {
      visitor = await newVisitor({ name: '林', email: 'lin@x.example', company: '鹭岛' });
      const first = await leave({ idempotencyKey: 'same-key-1' });
      expect(first.duplicate).toBe(false);
      expect(first.lead).toMatchObject({ name: '林', email: 'lin@x.example', company: null });
      expect(first.consent).toMatchObject({ visitor_id: visitor, booth_id: booth.boothId, withdrawn_at: null, notice_hash: 'a'.repeat(64) });
      const again = await leave({ idempotencyKey: 'same-key-1' });
      expect(again).toMatchObject({ duplicate: true, lead: { id: first.lead.id } });
      await expect(leave()).rejects.toMatchObject({ code: 'conflict' });
    });

    it('makes one lead for 20 concurrent requests with one key', async () => {
      visitor = await newVisitor({ name: '赵', email: 'zhao@x.example' });
      const all = await Promise.all(Array.from({ length: 20 }, () => leave({ idempotencyKey: 'race-key-1' })));
      expect(new Set(all.map((x) => x.lead.id)).size).toBe(1);
      expect(all.filter((x) => !x.duplicate)).toHaveLength(1);
      expect((await r.leads.leads(booth.boothId, { q: '赵' })).length).toBe(1);
    });

    it('keeps one active card per booth when two different requests race', async () => {
      visitor = await newVisitor({ name: '钱', email: 'qian@x.example' });
      const all = await Promise.allSettled(Array.from({ length: 6 }, () => leave()));
      expect(all.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      for (const x of all) if (x.status === 'rejected') expect(x.reason).toMatchObject({ code: 'conflict' });
    });

    it('withdraws: the lead goes, the consent stays marked, and a card can be left again', async () => {
      visitor = await newVisitor({ name: '孙', email: 'sun@x.example' });
      const { consent } = await leave();
      const removed = await r.leads.withdraw(visitor, consent.id);
      expect(removed?.boothId).toBe(booth.boothId);
      expect((await r.leads.leads(booth.boothId, { q: '孙' })).length).toBe(0);
      const [kept] = await r.leads.consents(visitor);
      expect(kept.withdrawn_at).toEqual(expect.any(Number));
      expect(await r.leads.withdraw(visitor, consent.id)).toBeNull(); // twice is harmless
      await expect(r.leads.withdraw('someone-else', consent.id)).rejects.toBeInstanceOf(RepoError);
      expect((await leave()).duplicate).toBe(false);
    });

    it('searches literally, filters by rating, tag and time, and counts per booth', async () => {
      visitor = await newVisitor({ name: '周_100%', email: 'zhou@x.example' });
      const { lead } = await leave();
      await r.leads.updateLead(booth.boothId, lead.id, { rating: 'warm', tags: ['VIP', 'VIP', '样品'], notes: '报价' });
      expect((await r.leads.leads(booth.boothId, { q: '_100%' })).map((l) => l.id)).toEqual([lead.id]);
      expect((await r.leads.leads(booth.boothId, { q: '报价' })).map((l) => l.id)).toEqual([lead.id]);
      expect((await r.leads.leads(booth.boothId, { tag: '样品' })).map((l) => l.id)).toEqual([lead.id]);
      expect((await r.leads.leads(booth.boothId, { rating: 'warm' })).map((l) => l.id)).toEqual([lead.id]);
      expect((await r.leads.getLead(booth.boothId, lead.id))?.tags).toBe('["VIP","样品"]');
      expect(await r.leads.leads(booth.boothId, { since: lead.created_at })).toEqual([]);
      const counts = await r.leads.counts();
      expect(counts.find((c) => c.boothId === booth.boothId)?.leads).toBe((await r.leads.leads(booth.boothId)).length);
      await expect(r.leads.updateLead('otherbooth000000', lead.id, { rating: 'hot' })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('purges the leads of expos ended more than the retention ago', async () => {
      visitor = await newVisitor({ name: '冯', email: 'feng@x.example' });
      await leave();
      const expoId = (await r.expos.getActive())!.id;
      await r.expos.setEndsAt(expoId, 10 * 86_400_000);
      expect(await r.leads.purgeExpired(19 * 86_400_000, 10)).toEqual([]);
      const gone = await r.leads.purgeExpired(20 * 86_400_000, 10);
      expect(gone.length).toBeGreaterThan(0);
      expect(await r.leads.leads(booth.boothId)).toEqual([]);
      await r.expos.setEndsAt(expoId, null);
    });

    it('remembers the last export per booth', async () => {
      expect(await r.leads.lastExport(booth.boothId)).toBeNull();
      await r.leads.markExported(booth.boothId, 1000);
      await r.leads.markExported(booth.boothId, 2000);
      expect(await r.leads.lastExport(booth.boothId)).toBe(2000);
    });
  });
}
