/**
 * The dashboard's minute rows (migration 0008): counts added by every process, peaks raised, and
 * the reads one snapshot needs (the last two hours, today's totals and peak, a session's peaks,
 * today's most visited booths). Rows are written in key order so two processes never deadlock.
 */
import { sql } from 'kysely';
import type { Kdb } from '../db/types';

export interface MinuteCounts {
  joins: number;
  chat: number;
  reports: number;
}

export interface MinutePeaks {
  visitors: number;
  stage: number;
}

const n = (v: unknown): number => Number(v ?? 0);

export function dashboardRepository(db: Kdb) {
  return {
    /** Adds this process's counts (hall → minute → counts) and raises the peaks it saw, in one transaction. */
    async write(counts: Map<string, MinuteCounts>, peaks: Map<string, MinutePeaks>): Promise<void> {
      const keys = [...new Set([...counts.keys(), ...peaks.keys()])].sort();
      if (!keys.length) return;
      const rows = keys.map((k) => {
        const [hallId, minute] = k.split('|');
        const c = counts.get(k);
        const p = peaks.get(k);
        return {
          hall_id: hallId,
          minute: Number(minute),
          joins: c?.joins ?? 0,
          chat_lines: c?.chat ?? 0,
          reports: c?.reports ?? 0,
          peak_visitors: p?.visitors ?? 0,
          peak_stage: p?.stage ?? 0,
        };
      });
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 200) {
          await trx
            .insertInto('dashboard_minutes')
            .values(rows.slice(i, i + 200))
            .onConflict((oc) =>
              oc.columns(['hall_id', 'minute']).doUpdateSet({
                joins: sql`dashboard_minutes.joins + excluded.joins`,
                chat_lines: sql`dashboard_minutes.chat_lines + excluded.chat_lines`,
                reports: sql`dashboard_minutes.reports + excluded.reports`,
                // the larger of what is stored and what this process saw (MAX over two values is the same in both dialects)
                peak_visitors: sql`CASE WHEN excluded.peak_visitors > dashboard_minutes.peak_visitors THEN excluded.peak_visitors ELSE dashboard_minutes.peak_visitors END`,
                peak_stage: sql`CASE WHEN excluded.peak_stage > dashboard_minutes.peak_stage THEN excluded.peak_stage ELSE dashboard_minutes.peak_stage END`,
              }),
            )
            .execute();
        }
      });
    },

    /** Per minute over all halls, within [from, to). */
    async series(from: number, to: number): Promise<{ minute: number; joins: number; chat: number; reports: number; visitors: number }[]> {
      const rows = await db
        .selectFrom('dashboard_minutes')
        .select([
          'minute',
          (eb) => eb.fn.sum<number>('joins').as('joins'),
          (eb) => eb.fn.sum<number>('chat_lines').as('chat'),
          (eb) => eb.fn.sum<number>('reports').as('reports'),
          (eb) => eb.fn.sum<number>('peak_visitors').as('visitors'),
        ])
        .where('minute', '>=', from)
        .where('minute', '<', to)
        .groupBy('minute')
        .orderBy('minute')
        .execute();
      return rows.map((r) => ({ minute: n(r.minute), joins: n(r.joins), chat: n(r.chat), reports: n(r.reports), visitors: n(r.visitors) }));
    },

    /** Totals over [from, to), and the minute with the most visitors at once (all halls together). */
    async day(from: number, to: number): Promise<{ joins: number; chat: number; reports: number; peak: number; peakAt: number | null }> {
      const t = await db
        .selectFrom('dashboard_minutes')
        .select([
          (eb) => eb.fn.sum<number>('joins').as('joins'),
          (eb) => eb.fn.sum<number>('chat_lines').as('chat'),
          (eb) => eb.fn.sum<number>('reports').as('reports'),
        ])
        .where('minute', '>=', from)
        .where('minute', '<', to)
        .executeTakeFirst();
      const peak = await db
        .selectFrom('dashboard_minutes')
        .select(['minute', (eb) => eb.fn.sum<number>('peak_visitors').as('v')])
        .where('minute', '>=', from)
        .where('minute', '<', to)
        .groupBy('minute')
        .orderBy('v', 'desc')
        .orderBy('minute', 'asc')
        .limit(1)
        .executeTakeFirst();
      return { joins: n(t?.joins), chat: n(t?.chat), reports: n(t?.reports), peak: n(peak?.v), peakAt: peak && n(peak.v) > 0 ? n(peak.minute) : null };
    },

    /** The peaks of one hall within [from, to): for a session's audience. */
    async hallPeaks(hallId: string, from: number, to: number): Promise<MinutePeaks> {
      const r = await db
        .selectFrom('dashboard_minutes')
        .select([(eb) => eb.fn.max<number>('peak_visitors').as('v'), (eb) => eb.fn.max<number>('peak_stage').as('s')])
        .where('hall_id', '=', hallId)
        .where('minute', '>=', from)
        .where('minute', '<', to)
        .executeTakeFirst();
      return { visitors: n(r?.v), stage: n(r?.s) };
    },

    /** The booths of an expo with the most visits since `from` (the analytics sampler's counts). */
    async topBooths(expoId: string, from: number, limit: number) {
      const rows = await db
        .selectFrom('analytics_booth_minutes as m')
        .innerJoin('booths as b', 'b.id', 'm.booth_id')
        .innerJoin('exhibitors as e', 'e.id', 'b.exhibitor_id')
        .select([
          'm.booth_id',
          'e.name_zh',
          'e.name_en',
          'b.hall_id',
          (eb) => eb.fn.sum<number>('m.visits').as('visits'),
          (eb) => eb.fn.sum<number>('m.uniques').as('uniques'),
        ])
        .where('e.expo_id', '=', expoId)
        .where('m.minute', '>=', from)
        .groupBy(['m.booth_id', 'e.name_zh', 'e.name_en', 'b.hall_id'])
        .orderBy('visits', 'desc')
        .orderBy('m.booth_id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        boothId: r.booth_id,
        name: { zh: r.name_zh, en: r.name_en },
        hallId: r.hall_id ?? '',
        visits: n(r.visits),
        uniqueVisitors: n(r.uniques),
      }));
    },
  };
}

export type DashboardRepository = ReturnType<typeof dashboardRepository>;
