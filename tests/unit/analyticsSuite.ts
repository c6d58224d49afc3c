/**
 * The analytics repository, run once per dialect (SQLite in analytics-db.test.ts, PostgreSQL in
 * tests/integration/analytics-postgres.test.ts): flushes add into the same rows whichever process
 * writes them (even at the same moment), rows of a deleted booth are dropped instead of failing the
 * flush, and the reads give totals, a time series on China Standard Time days, the dwell
 * distribution and the heatmap; questions, cards and meetings come from their own tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, DAY_OFFSET_MS, SERIES_BUCKETS } from '../../shared/api/analytics';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, type Repositories } from '../../server/db/repositories';
import { newId } from '../../server/db/repositories/ids';
import { analyticsRepository, type AnalyticsRepository } from '../../server/analytics/repository';
import { cellKey, Pending } from '../../server/analytics/pending';

// 2025-06-10 00:00 China Standard Time
const DAY0 = Date.UTC(2025, 5, 10) - DAY_OFFSET_MS;
const H = 3600_000;

function batch(boothId: string, expoId: string, minute: number, visits: number): Pending {
  const p = new Pending();
  const c = p.booth(boothId, minute);
  c.visits = visits;
  c.uniques = 1;
  c.brochure = 1;
  p.addDwell(boothId, minute, 2, 40);
  p.addCell(p.cellsOf(expoId, 'gulangyu', minute), cellKey(3, -4), 60);
  return p;
}

export function analyticsRepositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`analytics repository on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    let a: AnalyticsRepository;
    let expoId = '';
    let boothA = '';
    let boothB = '';

    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
      a = analyticsRepository(database.db);
      expoId = (await r.expos.create({ slug: 'stats-expo', name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu'] })).id;
      const mk = async (zh: string, slotId: string | null) =>
        (await r.exhibitors.create({ expoId, name: { zh, en: zh }, industry: 'ai', park: 'torch', hallId: 'gulangyu', slotId, template: 'kiosk' })).boothId;
      boothA = await mk('甲', 'pier-n1');
      boothB = await mk('乙', null);
    });
    afterAll(async () => {
      if (database) await close(database);
    });

    it('adds flushes into the same minute rows, also when two write at once', async () => {
      const m = DAY0 + 9 * H;
      await a.write(batch(boothA, expoId, m, 2));
      // two processes flushing the same rows at the same moment
      await Promise.all([a.write(batch(boothA, expoId, m, 3)), a.write(batch(boothA, expoId, m, 5))]);
      const row = await database.db.selectFrom('analytics_booth_minutes').selectAll().where('booth_id', '=', boothA).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ minute: m, visits: 10, uniques: 3, dwell_s: 120, dwell_n: 3, brochure: 3 });
      const cell = await database.db.selectFrom('analytics_cells').selectAll().where('expo_id', '=', expoId).executeTakeFirstOrThrow();
      expect(cell).toMatchObject({ hall_id: 'gulangyu', cx: 3, cz: -4, samples: 180 });
      const dwell = await database.db.selectFrom('analytics_dwell').selectAll().where('booth_id', '=', boothA).execute();
      expect(dwell).toMatchObject([{ bucket: 2, visits: 3 }]);
    });

    it('drops the rows of a booth deleted meanwhile and writes the rest', async () => {
      const gone = await r.exhibitors.create({
        expoId,
        name: { zh: '删', en: 'Gone' },
        industry: 'ai',
        park: 'torch',
        hallId: 'gulangyu',
        slotId: null,
        template: 'kiosk',
      });
      await r.exhibitors.delete(gone.exhibitorId);
      const p = batch(gone.boothId, 'noexpoatall', DAY0 + 9 * H, 1);
      p.booth(boothB, DAY0 + 10 * H).website = 4;
      const { rows } = await a.write(p);
      expect(rows).toBe(1);
      expect((await database.db.selectFrom('analytics_booth_minutes').selectAll().where('booth_id', '=', gone.boothId).execute()).length).toBe(0);
    });

    it('reads totals, a series on China days, the dwell distribution and the heatmap', async () => {
      // another day, for the daily series
      await a.write(batch(boothA, expoId, DAY0 + DAY_MS + 23 * H + 59 * 60_000, 1));
      // a question, a card and meetings at booth A on day 0
      const visitor = await r.users.create({ email: 'v@x.example', passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName: 'V' });
      await r.conversations.ask(visitor.id, boothA, '有样品吗', DAY0 + 11 * H);
      await r.leads.saveCard(visitor.id, { name: 'V', company: '', title: '', email: 'v@x.example', phone: '', wechat: '' });
      const ex = await r.exhibitors.boothOf((await r.booths.get(boothA))!.exhibitor.id);
      await r.leads.leaveCard(
        {
          visitorId: visitor.id,
          boothId: boothA,
          exhibitorId: ex!.exhibitor_id,
          fields: ['email'],
          noticeVersion: 1,
          noticeHash: 'a'.repeat(64),
          idempotencyKey: 'k1',
        },
        DAY0 + 12 * H,
      );
      const staff = await r.users.create({ email: 's@x.example', passwordHash: 'x', role: 'exhibitor', exhibitorId: ex!.exhibitor_id, displayName: 'S' });
      const meeting = async (status: string, startsAt: number) => {
        const slotId = newId();
        await database.db
          .insertInto('meeting_slots')
          .values({
            id: slotId,
            booth_id: boothA,
            staff_id: staff.id,
            starts_at: startsAt,
            ends_at: startsAt + H / 2,
            mode: 'booth',
            video_url: null,
            created_at: DAY0,
            withdrawn_at: null,
          })
          .execute();
        await database.db
          .insertInto('meetings')
          .values({
            id: newId(),
            booth_id: boothA,
            slot_id: slotId,
            visitor_id: null,
            visitor_name: 'V',
            status,
            sequence: 0,
            cancelled_by: null,
            created_at: DAY0 + 13 * H,
            updated_at: DAY0,
          })
          .execute();
      };
      await meeting('booked', DAY0 + 14 * H);
      await meeting('booked', DAY0 + 40 * DAY_MS);
      await meeting('cancelled', DAY0 + 15 * H);

      const range = { from: DAY0, to: DAY0 + 2 * DAY_MS, bucketMs: SERIES_BUCKETS['1d'], now: DAY0 + 2 * DAY_MS };
      const { byBooth, all } = await a.totals([boothA, boothB], range);
      expect(byBooth.get(boothA)).toEqual({
        visits: 11,
        uniqueVisitors: 4,
        avgDwellS: 40,
        brochureDownloads: 4,
        websiteClicks: 0,
        questions: 1,
        cards: 1,
        meetingsBooked: 2,
        meetingsHeld: 1,
      });
      expect(byBooth.get(boothB)).toMatchObject({ visits: 0, websiteClicks: 4 });
      expect(all).toMatchObject({ visits: 11, websiteClicks: 4, brochureDownloads: 4, avgDwellS: 40, meetingsHeld: 1 });

      const series = await a.series([boothA], range);
      expect(series.map((p) => p.t)).toEqual([DAY0, DAY0 + DAY_MS]);
      expect(series[0]).toMatchObject({ visits: 10, questions: 1, cards: 1, meetingsBooked: 2 });
      // 23:59 China time is still that day, not the next (as a UTC day would have it)
      expect(series[1]).toMatchObject({ visits: 1, questions: 0 });

      const hourly = await a.series([boothA], { ...range, to: DAY0 + 12 * H, bucketMs: SERIES_BUCKETS['1h'] });
      expect(hourly).toHaveLength(12);
      expect(hourly[9].visits).toBe(10);
      expect(hourly[11].questions).toBe(1);

      const dwell = await a.dwell([boothA], range);
      expect(dwell).toHaveLength(8);
      expect(dwell[2]).toEqual({ fromS: 30, toS: 60, visits: 4 });
      expect(dwell[7]).toMatchObject({ fromS: 1800, toS: null });

      expect(await a.heatmap(expoId, 'gulangyu', DAY0, DAY0 + DAY_MS)).toEqual([[3, -4, 180]]);
      expect(await a.heatmap(expoId, 'shapowei', DAY0, DAY0 + DAY_MS)).toEqual([]);
      expect(await a.firstMinute([boothA, boothB])).toBe(DAY0 + 9 * H);
      expect(await a.firstCellMinute(expoId, 'gulangyu')).toBe(DAY0 + 9 * H);
    });

    it('knows where the running expo has placed booths in a hall, and what their links lead to', async () => {
      const p = await a.placements('gulangyu');
      expect(p).toEqual({ expoId, booths: [{ boothId: boothA, slotId: 'pier-n1' }] });
      expect(await a.placements('shapowei')).toEqual({ expoId, booths: [] });
      expect(await a.links(boothA)).toEqual({ brochureFile: null, website: null });
      expect(await a.links('nosuchbooth1')).toBeNull();
      expect(await a.expoBooths(expoId)).toMatchObject([
        { boothId: boothA, slotId: 'pier-n1', name: { zh: '甲' } },
        { boothId: boothB, slotId: null },
      ]);
    });
  });
}
