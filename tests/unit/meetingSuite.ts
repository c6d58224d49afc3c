/**
 * The meeting rules in the repository, once per dialect (SQLite in db.test.ts, PostgreSQL in
 * db-postgres.test.ts): 20 concurrent bookers of one slot, exactly one wins; one live meeting per
 * visitor and booth; reschedule keeps the id and counts SEQUENCE; a withdrawn slot cancels its
 * booking; deleting an account cancels and anonymises its bookings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, RepoError, type Repositories } from '../../server/db/repositories';

export function meetingRepositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`meetings on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    let boothId = '';
    let otherBoothId = '';
    let staffId = '';
    let n = 0;
    let hour = 0;
    const slot = async (over: { boothId?: string; startsAt?: number } = {}) => {
      const startsAt = over.startsAt ?? Date.now() + 3600_000 * ++hour;
      return r.meetings.addSlot({ boothId: over.boothId ?? boothId, staffId, startsAt, endsAt: startsAt + 30 * 60_000, mode: 'booth', videoUrl: null });
    };
    const visitor = async (name = `访客${n}`) =>
      (await r.users.create({ email: `m${n++}@x.example`, passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName: name })).id;

    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
      const expo = await r.expos.create({ slug: 'meeting-expo', name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu'] });
      const mk = (zh: string) =>
        r.exhibitors.create({ expoId: expo.id, name: { zh, en: zh }, industry: 'ai', park: 'torch', hallId: 'gulangyu', slotId: null, template: 'kiosk' });
      const a = await mk('甲');
      const b = await mk('乙');
      boothId = a.boothId;
      otherBoothId = b.boothId;
      staffId = (await r.users.create({ email: `staff@x.example`, passwordHash: 'x', role: 'exhibitor', exhibitorId: a.exhibitorId, displayName: '小王' })).id;
    });
    afterAll(async () => {
      if (database) await close(database);
    });

    it('lets exactly one of 20 concurrent bookers have a slot', async () => {
      const s = await slot();
      const visitors = await Promise.all(Array.from({ length: 20 }, () => visitor()));
      const results = await Promise.allSettled(visitors.map((v) => r.meetings.book(v, 'x', s.id)));
      const won = results.filter((x) => x.status === 'fulfilled');
      const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const l of lost) expect(l.reason).toMatchObject({ code: 'conflict' });
      const rows = await database.db.selectFrom('meetings').select(['id', 'status']).where('slot_id', '=', s.id).execute();
      expect(rows).toEqual([{ id: (won[0] as PromiseFulfilledResult<{ id: string }>).value.id, status: 'booked' }]);
    });

    it('answers a repeated booking with the same meeting, and allows one live meeting per booth', async () => {
      const v = await visitor();
      const s1 = await slot();
      const s2 = await slot();
      const first = await r.meetings.book(v, 'x', s1.id);
      expect((await r.meetings.book(v, 'x', s1.id)).id).toBe(first.id);
      await expect(r.meetings.book(v, 'x', s2.id)).rejects.toThrow(/already have a meeting/);
      // another booth is fine
      const elsewhere = await slot({ boothId: otherBoothId });
      expect((await r.meetings.book(v, 'x', elsewhere.id)).booth_id).toBe(otherBoothId);
    });

    it('refuses a slot that has begun and one staff member in two slots at once', async () => {
      const v = await visitor();
      const past = await slot({ startsAt: Date.now() - 60_000 });
      await expect(r.meetings.book(v, 'x', past.id)).rejects.toMatchObject({ code: 'conflict' });
      const s = await slot();
      await expect(slot({ startsAt: Number(s.starts_at) + 10 * 60_000 })).rejects.toBeInstanceOf(RepoError);
    });

    it('reschedules under the same id with SEQUENCE up, then cancels with SEQUENCE up again', async () => {
      const v = await visitor();
      const [s1, s2, taken] = [await slot(), await slot(), await slot()];
      await r.meetings.book(await visitor(), 'x', taken.id);
      const m = await r.meetings.book(v, '林', s1.id);
      expect(Number(m.sequence)).toBe(0);
      await expect(r.meetings.reschedule(m.id, taken.id)).rejects.toMatchObject({ code: 'conflict' });
      const moved = await r.meetings.reschedule(m.id, s2.id);
      expect([moved.id, moved.slot_id, Number(moved.sequence)]).toEqual([m.id, s2.id, 1]);
      // the old slot is free again
      expect((await r.meetings.openSlots(boothId)).map((x) => x.id)).toContain(s1.id);
      const gone = await r.meetings.cancel(m.id, 'visitor');
      expect([gone.status, gone.cancelled_by, Number(gone.sequence)]).toEqual(['cancelled', 'visitor', 2]);
      await expect(r.meetings.cancel(m.id, 'visitor')).resolves.toMatchObject({ status: 'cancelled' });
      await expect(r.meetings.reschedule(m.id, s1.id)).rejects.toMatchObject({ code: 'conflict' });
      // a slot of another booth is not one to move to
      const other = await slot({ boothId: otherBoothId });
      const again = await r.meetings.book(v, 'x', s1.id);
      await expect(r.meetings.reschedule(again.id, other.id)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('cancels the booking of a withdrawn slot', async () => {
      const s = await slot();
      const m = await r.meetings.book(await visitor(), 'x', s.id);
      const cancelled = await r.meetings.withdrawSlot(boothId, s.id);
      expect(cancelled).toMatchObject({ id: m.id, status: 'cancelled', cancelled_by: 'slot_withdrawn' });
      expect((await r.meetings.openSlots(boothId)).map((x) => x.id)).not.toContain(s.id);
    });

    it('cancels and anonymises the bookings of a deleted account', async () => {
      const v = await visitor('要删除的人');
      const m = await r.meetings.book(v, '要删除的人', (await slot()).id);
      const released = await r.meetings.releaseVisitor(v);
      expect(released.map((x) => x.id)).toEqual([m.id]);
      await r.leads.deleteVisitor(v);
      const after = await r.meetings.get(m.id);
      expect(after).toMatchObject({ visitor_id: null, visitor_name: '', status: 'cancelled', cancelled_by: 'account_deleted' });
    });
  });
}
