/**
 * Analytics in the database: the flush that adds a batch of counts into the minute rows (one
 * transaction, rows in key order so two processes adding into the same rows never deadlock), and
 * the reads the consoles make. Questions, cards and meetings are not sampled: they are counted from
 * their own tables, so they are exact and follow withdrawals and cancellations.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { DAY_OFFSET_MS, DWELL_BUCKETS_S, type AnalyticsTotals, type SeriesPoint } from '../../shared/api/analytics';
import type { DB, Kdb } from '../db/types';
import { cellOf, type Pending } from './pending';

/**
 * Rows per INSERT, well under both dialects' limits on bound parameters. On SQLite each statement
 * runs on the event loop's thread: the flush yields between statements, so a minute's counts never
 * hold the hall rooms up for more than a statement (a few ms) at a time.
 */
const CHUNK = 150;
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

export interface Range {
  /** inclusive, ms */
  from: number;
  /** exclusive, ms */
  to: number;
  bucketMs: number;
  /** what "held" compares a meeting's end with */
  now: number;
}

export interface ExpoBooth {
  boothId: string;
  name: { zh: string; en: string };
  hallId: string;
  slotId: string | null;
}

export const emptyTotals = (): AnalyticsTotals => ({
  visits: 0,
  uniqueVisitors: 0,
  avgDwellS: 0,
  brochureDownloads: 0,
  websiteClicks: 0,
  questions: 0,
  cards: 0,
  meetingsBooked: 0,
  meetingsHeld: 0,
});

const n = (v: unknown): number => Number(v ?? 0);

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Bucket index of a ms column, on China Standard Time days; integer division on both dialects (literals, not bound REALs). */
function bucketOf(column: string, bucketMs: number): RawBuilder<number> {
  if (!Number.isSafeInteger(bucketMs) || bucketMs <= 0) throw new Error('bad bucket');
  return sql<number>`((${sql.ref(column)} + ${sql.lit(DAY_OFFSET_MS)}) / ${sql.lit(bucketMs)})`;
}
const bucketStart = (index: number, bucketMs: number): number => n(index) * bucketMs - DAY_OFFSET_MS;

export function analyticsRepository(db: Kdb) {
  async function liveIds(trx: Transaction<DB>, table: 'booths' | 'expos', ids: string[]): Promise<Set<string>> {
    const live = new Set<string>();
    for (const part of chunks([...new Set(ids)])) for (const r of await trx.selectFrom(table).select('id').where('id', 'in', part).execute()) live.add(r.id);
    return live;
  }

  /** Per-booth counts from a table with booth_id and a ms column, within the range. */
  async function countBy(table: 'conversations' | 'leads' | 'meetings', boothIds: string[], range: Range): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!boothIds.length) return out;
    let q = db
      .selectFrom(table)
      .select(['booth_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('booth_id', 'in', boothIds)
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to);
    if (table === 'meetings') q = q.where(sql.ref('status'), '=', 'booked');
    for (const r of await q.groupBy('booth_id').execute()) out.set(r.booth_id, n(r.n));
    return out;
  }

  async function seriesBy(table: 'conversations' | 'leads' | 'meetings', boothIds: string[], range: Range): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!boothIds.length) return out;
    const t = bucketOf('created_at', range.bucketMs);
    let q = db
      .selectFrom(table)
      .select([t.as('t'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('booth_id', 'in', boothIds)
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to);
    if (table === 'meetings') q = q.where(sql.ref('status'), '=', 'booked');
    for (const r of await q.groupBy(t).execute()) out.set(bucketStart(r.t, range.bucketMs), n(r.n));
    return out;
  }

  return {
    /** Adds one flush's counts into the minute rows, in one transaction. Rows of booths or expos deleted meanwhile are dropped. */
    async write(p: Pending): Promise<{ rows: number }> {
      const booths = [...p.booths].map(([k, c]) => {
        const [boothId, minute] = k.split('|');
        return {
          booth_id: boothId,
          minute: Number(minute),
          visits: c.visits,
          uniques: c.uniques,
          dwell_s: c.dwellS,
          dwell_n: c.dwellN,
          brochure: c.brochure,
          website: c.website,
        };
      });
      const dwell = [...p.dwell].map(([k, visits]) => {
        const [boothId, minute, bucket] = k.split('|');
        return { booth_id: boothId, minute: Number(minute), bucket: Number(bucket), visits };
      });
      const cells: { expo_id: string; hall_id: string; minute: number; cx: number; cz: number; samples: number }[] = [];
      for (const [k, m] of p.cells) {
        const [expoId, hallId, minute] = k.split('|');
        for (const [key, samples] of m) {
          const [cx, cz] = cellOf(key);
          cells.push({ expo_id: expoId, hall_id: hallId, minute: Number(minute), cx, cz, samples });
        }
      }
      // One lock order for every process: by primary key.
      booths.sort((a, b) => (a.booth_id < b.booth_id ? -1 : a.booth_id > b.booth_id ? 1 : a.minute - b.minute));
      dwell.sort((a, b) => (a.booth_id < b.booth_id ? -1 : a.booth_id > b.booth_id ? 1 : a.minute - b.minute || a.bucket - b.bucket));
      cells.sort((a, b) =>
        a.expo_id !== b.expo_id
          ? a.expo_id < b.expo_id
            ? -1
            : 1
          : a.hall_id !== b.hall_id
            ? a.hall_id < b.hall_id
              ? -1
              : 1
            : a.minute - b.minute || a.cx - b.cx || a.cz - b.cz,
      );
      let rows = 0;
      await db.transaction().execute(async (trx) => {
        const liveBooths = await liveIds(trx, 'booths', [...booths.map((r) => r.booth_id), ...dwell.map((r) => r.booth_id)]);
        const liveExpos = await liveIds(
          trx,
          'expos',
          cells.map((r) => r.expo_id),
        );
        for (const part of chunks(booths.filter((r) => liveBooths.has(r.booth_id)))) {
          await yieldToLoop();
          rows += part.length;
          await trx
            .insertInto('analytics_booth_minutes')
            .values(part)
            .onConflict((oc) =>
              oc.columns(['booth_id', 'minute']).doUpdateSet({
                visits: sql`analytics_booth_minutes.visits + excluded.visits`,
                uniques: sql`analytics_booth_minutes.uniques + excluded.uniques`,
                dwell_s: sql`analytics_booth_minutes.dwell_s + excluded.dwell_s`,
                dwell_n: sql`analytics_booth_minutes.dwell_n + excluded.dwell_n`,
                brochure: sql`analytics_booth_minutes.brochure + excluded.brochure`,
                website: sql`analytics_booth_minutes.website + excluded.website`,
              }),
            )
            .execute();
        }
        for (const part of chunks(dwell.filter((r) => liveBooths.has(r.booth_id)))) {
          await yieldToLoop();
          rows += part.length;
          await trx
            .insertInto('analytics_dwell')
            .values(part)
            .onConflict((oc) => oc.columns(['booth_id', 'minute', 'bucket']).doUpdateSet({ visits: sql`analytics_dwell.visits + excluded.visits` }))
            .execute();
        }
        for (const part of chunks(cells.filter((r) => liveExpos.has(r.expo_id)))) {
          await yieldToLoop();
          rows += part.length;
          await trx
            .insertInto('analytics_cells')
            .values(part)
            .onConflict((oc) =>
              oc.columns(['expo_id', 'hall_id', 'minute', 'cx', 'cz']).doUpdateSet({ samples: sql`analytics_cells.samples + excluded.samples` }),
            )
            .execute();
        }
      });
      return { rows };
    },

    /** The running expo's booths placed in a hall, for the sampler (null: no expo is running). */
    async placements(hallId: string): Promise<{ expoId: string; booths: { boothId: string; slotId: string }[] } | null> {
      const expo = await db.selectFrom('expos').select('id').where('active', '=', 1).orderBy('created_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
      if (!expo) return null;
      const rows = await db
        .selectFrom('booths')
        .select(['id', 'slot_id'])
        .where('expo_id', '=', expo.id)
        .where('hall_id', '=', hallId)
        .where('slot_id', 'is not', null)
        .execute();
      return { expoId: expo.id, booths: rows.map((r) => ({ boothId: r.id, slotId: r.slot_id! })) };
    },

    /** Every booth of an expo with its exhibitor's name. */
    async expoBooths(expoId: string): Promise<ExpoBooth[]> {
      const rows = await db
        .selectFrom('booths')
        .innerJoin('exhibitors', 'exhibitors.id', 'booths.exhibitor_id')
        .select(['booths.id', 'booths.hall_id', 'booths.slot_id', 'exhibitors.name_zh', 'exhibitors.name_en'])
        .where('booths.expo_id', '=', expoId)
        .execute();
      // by hall and slot, unplaced booths last (the dialects sort NULL differently)
      const key = (r: (typeof rows)[number]) => `${r.hall_id}\u0000${r.slot_id === null ? '\uffff' : r.slot_id}\u0000${r.id}`;
      rows.sort((x, y) => (key(x) < key(y) ? -1 : 1));
      return rows.map((r) => ({ boothId: r.id, name: { zh: r.name_zh, en: r.name_en }, hallId: r.hall_id, slotId: r.slot_id }));
    },

    /** The first minute anything was counted for these booths (where "the expo so far" starts). */
    async firstMinute(boothIds: string[]): Promise<number | null> {
      if (!boothIds.length) return null;
      const r = await db
        .selectFrom('analytics_booth_minutes')
        .select((eb) => eb.fn.min<number>('minute').as('m'))
        .where('booth_id', 'in', boothIds)
        .executeTakeFirst();
      return r?.m == null ? null : n(r.m);
    },

    /** Totals per booth over the range, and over all of them (`all`, dwell averaged over every ended visit). */
    async totals(boothIds: string[], range: Range): Promise<{ byBooth: Map<string, AnalyticsTotals>; all: AnalyticsTotals }> {
      const out = new Map<string, AnalyticsTotals>(boothIds.map((id) => [id, emptyTotals()]));
      const all = emptyTotals();
      if (!boothIds.length) return { byBooth: out, all };
      let dwellS = 0;
      let dwellN = 0;
      const rows = await db
        .selectFrom('analytics_booth_minutes')
        .select((eb) => [
          'booth_id',
          eb.fn.sum<number>('visits').as('visits'),
          eb.fn.sum<number>('uniques').as('uniques'),
          eb.fn.sum<number>('dwell_s').as('dwell_s'),
          eb.fn.sum<number>('dwell_n').as('dwell_n'),
          eb.fn.sum<number>('brochure').as('brochure'),
          eb.fn.sum<number>('website').as('website'),
        ])
        .where('booth_id', 'in', boothIds)
        .where('minute', '>=', range.from)
        .where('minute', '<', range.to)
        .groupBy('booth_id')
        .execute();
      for (const r of rows) {
        const t = out.get(r.booth_id)!;
        t.visits = n(r.visits);
        t.uniqueVisitors = n(r.uniques);
        t.avgDwellS = n(r.dwell_n) ? Math.round((n(r.dwell_s) / n(r.dwell_n)) * 10) / 10 : 0;
        t.brochureDownloads = n(r.brochure);
        t.websiteClicks = n(r.website);
        dwellS += n(r.dwell_s);
        dwellN += n(r.dwell_n);
      }
      const [questions, cards, booked] = await Promise.all([
        countBy('conversations', boothIds, range),
        countBy('leads', boothIds, range),
        countBy('meetings', boothIds, range),
      ]);
      // Held: a live booking whose slot has ended, within the range. (There is no attendance
      // check-in; a booking nobody cancelled by its end counts as held.)
      const held = await db
        .selectFrom('meetings')
        .innerJoin('meeting_slots', 'meeting_slots.id', 'meetings.slot_id')
        .select(['meetings.booth_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('meetings.booth_id', 'in', boothIds)
        .where('meetings.status', '=', 'booked')
        .where('meeting_slots.ends_at', '>=', range.from)
        .where('meeting_slots.ends_at', '<', Math.min(range.to, range.now))
        .groupBy('meetings.booth_id')
        .execute();
      for (const [id, t] of out) {
        t.questions = questions.get(id) ?? 0;
        t.cards = cards.get(id) ?? 0;
        t.meetingsBooked = booked.get(id) ?? 0;
      }
      for (const r of held) out.get(r.booth_id)!.meetingsHeld = n(r.n);
      for (const t of out.values()) {
        all.visits += t.visits;
        all.uniqueVisitors += t.uniqueVisitors;
        all.brochureDownloads += t.brochureDownloads;
        all.websiteClicks += t.websiteClicks;
        all.questions += t.questions;
        all.cards += t.cards;
        all.meetingsBooked += t.meetingsBooked;
        all.meetingsHeld += t.meetingsHeld;
      }
      all.avgDwellS = dwellN ? Math.round((dwellS / dwellN) * 10) / 10 : 0;
      return { byBooth: out, all };
    },

    /** What the counted links of a booth lead to (null: no such booth). */
    async links(boothId: string): Promise<{ brochureFile: string | null; website: string | null } | null> {
      const r = await db
        .selectFrom('booths')
        .innerJoin('exhibitors', 'exhibitors.id', 'booths.exhibitor_id')
        .leftJoin('media', 'media.id', 'booths.brochure_media_id')
        .select(['booths.id', 'media.file', 'exhibitors.website'])
        .where('booths.id', '=', boothId)
        .executeTakeFirst();
      return r ? { brochureFile: r.file ?? null, website: r.website } : null;
    },

    async boothExists(boothId: string): Promise<boolean> {
      return !!(await db.selectFrom('booths').select('id').where('id', '=', boothId).executeTakeFirst());
    },

    /** The time series over the range, summed over the booths, one point per bucket (empty buckets as zeros). */
    async series(boothIds: string[], range: Range): Promise<SeriesPoint[]> {
      const points = new Map<number, SeriesPoint>();
      const first = bucketStart(Math.floor((range.from + DAY_OFFSET_MS) / range.bucketMs), range.bucketMs);
      for (let t = first; t < range.to; t += range.bucketMs)
        points.set(t, { t, visits: 0, uniqueVisitors: 0, brochureDownloads: 0, websiteClicks: 0, questions: 0, cards: 0, meetingsBooked: 0 });
      if (!boothIds.length) return [...points.values()];
      const b = bucketOf('minute', range.bucketMs);
      const rows = await db
        .selectFrom('analytics_booth_minutes')
        .select((eb) => [
          b.as('t'),
          eb.fn.sum<number>('visits').as('visits'),
          eb.fn.sum<number>('uniques').as('uniques'),
          eb.fn.sum<number>('brochure').as('brochure'),
          eb.fn.sum<number>('website').as('website'),
        ])
        .where('booth_id', 'in', boothIds)
        .where('minute', '>=', range.from)
        .where('minute', '<', range.to)
        .groupBy(b)
        .execute();
      for (const r of rows) {
        const p = points.get(bucketStart(r.t, range.bucketMs));
        if (!p) continue;
        p.visits = n(r.visits);
        p.uniqueVisitors = n(r.uniques);
        p.brochureDownloads = n(r.brochure);
        p.websiteClicks = n(r.website);
      }
      const [questions, cards, booked] = await Promise.all([
        seriesBy('conversations', boothIds, range),
        seriesBy('leads', boothIds, range),
        seriesBy('meetings', boothIds, range),
      ]);
      for (const [t, v] of questions) if (points.has(t)) points.get(t)!.questions = v;
      for (const [t, v] of cards) if (points.has(t)) points.get(t)!.cards = v;
      for (const [t, v] of booked) if (points.has(t)) points.get(t)!.meetingsBooked = v;
      return [...points.values()];
    },

    /** Ended visits by dwell bucket over the range, summed over the booths. */
    async dwell(boothIds: string[], range: Range): Promise<{ fromS: number; toS: number | null; visits: number }[]> {
      const bins = DWELL_BUCKETS_S.map((fromS, i) => ({ fromS, toS: DWELL_BUCKETS_S[i + 1] ?? null, visits: 0 }));
      if (!boothIds.length) return bins;
      const rows = await db
        .selectFrom('analytics_dwell')
        .select(['bucket', (eb) => eb.fn.sum<number>('visits').as('visits')])
        .where('booth_id', 'in', boothIds)
        .where('minute', '>=', range.from)
        .where('minute', '<', range.to)
        .groupBy('bucket')
        .execute();
      for (const r of rows) if (bins[n(r.bucket)]) bins[n(r.bucket)].visits = n(r.visits);
      return bins;
    },

    /** Visitor-seconds per grid cell of a hall over the range: sums only, never a minute of it. */
    async heatmap(expoId: string, hallId: string, from: number, to: number): Promise<[number, number, number][]> {
      const rows = await db
        .selectFrom('analytics_cells')
        .select(['cx', 'cz', (eb) => eb.fn.sum<number>('samples').as('s')])
        .where('expo_id', '=', expoId)
        .where('hall_id', '=', hallId)
        .where('minute', '>=', from)
        .where('minute', '<', to)
        .groupBy(['cx', 'cz'])
        .orderBy('cx')
        .orderBy('cz')
        .execute();
      return rows.map((r) => [n(r.cx), n(r.cz), n(r.s)]);
    },

    /** The first minute a hall's cells were counted in this expo. */
    async firstCellMinute(expoId: string, hallId: string): Promise<number | null> {
      const r = await db
        .selectFrom('analytics_cells')
        .select((eb) => eb.fn.min<number>('minute').as('m'))
        .where('expo_id', '=', expoId)
        .where('hall_id', '=', hallId)
        .executeTakeFirst();
      return r?.m == null ? null : n(r.m);
    },
  };
}

export type AnalyticsRepository = ReturnType<typeof analyticsRepository>;
