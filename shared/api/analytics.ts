/**
 * Booth and hall analytics (issue #10): what the sampler counts and what the consoles read. Only
 * counts exist: visits and dwell per booth and minute, and visitor-seconds per 2 m cell of a hall
 * per minute (the heatmap). No visitor's identity or track is stored.
 */
import { z } from 'zod';
import { HALL_IDS } from '../halls';
import { idSchema } from './common';

const hallIdSchema = z.enum(HALL_IDS);

/** Heatmap grid: a cell is this many metres square. */
export const CELL_M = 2;
/** The sampler looks at every visitor once a second (never per patch). */
export const SAMPLE_MS = 1000;
/** A heatmap covers whole windows of this length (no finer slice of time can be asked for). */
export const HEATMAP_WINDOW_MS = 15 * 60_000;
/** A cell with fewer visitor-seconds than this over the range is not shown (passing through is not drawn). */
export const HEATMAP_MIN_SAMPLES = 5;
/**
 * A visitor is at a booth within its slot radius plus this many metres (the same reach as the
 * booth panel's "N visitors here"), and stays until LEAVE_PAD_M: walking along the edge is one visit.
 */
export const BOOTH_REACH_PAD_M = 2;
export const BOOTH_LEAVE_PAD_M = 3;
/**
 * Days (for unique visitors and daily buckets) are China Standard Time days: an expo in Xiamen
 * that split its visitors at 08:00 local time (UTC midnight) would count them twice.
 */
export const DAY_OFFSET_MS = 8 * 3600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** Lower edges of the dwell buckets, seconds: <10 s, 10–30 s, 30 s–1 min, 1–2, 2–5, 5–10, 10–30 min, 30 min+. */
export const DWELL_BUCKETS_S = [0, 10, 30, 60, 120, 300, 600, 1800] as const;
/** Time-series bucket sizes a console may ask for. */
export const SERIES_BUCKETS = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000, '1d': DAY_MS } as const;
export type SeriesBucket = keyof typeof SERIES_BUCKETS;

export function dwellBucket(seconds: number): number {
  let i = 0;
  while (i + 1 < DWELL_BUCKETS_S.length && seconds >= DWELL_BUCKETS_S[i + 1]) i++;
  return i;
}

/** The bucket that keeps a range to about 200 points or fewer. */
export function autoBucket(from: number, to: number): SeriesBucket {
  const span = Math.max(0, to - from);
  for (const b of ['1m', '5m', '15m', '1h'] as const) if (span / SERIES_BUCKETS[b] <= 200) return b;
  return '1d';
}

const msSchema = z
  .string()
  .regex(/^\d{1,15}$/, 'milliseconds since 1970')
  .transform(Number);

/** from/to in ms (default: the expo so far); bucket of the time series (default: about 200 points) */
export const analyticsQuerySchema = z.object({
  from: msSchema.optional(),
  to: msSchema.optional(),
  bucket: z.enum(Object.keys(SERIES_BUCKETS) as [SeriesBucket, ...SeriesBucket[]]).optional(),
});
export const heatmapQuerySchema = z.object({ hall: hallIdSchema, from: msSchema.optional(), to: msSchema.optional() });

export const analyticsTotalsSchema = z.object({
  /** walked into the booth's reach (counted server-side from the server's own poses) */
  visits: z.number().int(),
  /** distinct hall sessions per booth and day, summed over the days */
  uniqueVisitors: z.number().int(),
  /** of the visits that have ended */
  avgDwellS: z.number(),
  brochureDownloads: z.number().int(),
  websiteClicks: z.number().int(),
  /** conversations started */
  questions: z.number().int(),
  /** cards left (live leads: a withdrawn card is not counted) */
  cards: z.number().int(),
  /** bookings made in the range and not cancelled */
  meetingsBooked: z.number().int(),
  /** live bookings whose slot ended in the range */
  meetingsHeld: z.number().int(),
});
export type AnalyticsTotals = z.infer<typeof analyticsTotalsSchema>;

export const seriesPointSchema = z.object({
  /** bucket start, ms */
  t: z.number(),
  visits: z.number().int(),
  uniqueVisitors: z.number().int(),
  brochureDownloads: z.number().int(),
  websiteClicks: z.number().int(),
  questions: z.number().int(),
  cards: z.number().int(),
  meetingsBooked: z.number().int(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const dwellBinSchema = z.object({ fromS: z.number().int(), toS: z.number().int().nullable(), visits: z.number().int() });

const rangeFields = { from: z.number(), to: z.number(), bucket: z.enum(Object.keys(SERIES_BUCKETS) as [SeriesBucket, ...SeriesBucket[]]) };

export const boothAnalyticsSchema = z.object({
  boothId: idSchema,
  ...rangeFields,
  totals: analyticsTotalsSchema,
  series: z.array(seriesPointSchema),
  dwell: z.array(dwellBinSchema),
});
export type BoothAnalytics = z.infer<typeof boothAnalyticsSchema>;

export const expoAnalyticsSchema = z.object({
  expoId: idSchema.nullable(),
  ...rangeFields,
  totals: analyticsTotalsSchema,
  series: z.array(seriesPointSchema),
  dwell: z.array(dwellBinSchema),
  booths: z.array(
    z.object({
      boothId: idSchema,
      name: z.object({ zh: z.string(), en: z.string() }),
      hallId: z.string(),
      slotId: z.string().nullable(),
      totals: analyticsTotalsSchema,
    }),
  ),
});
export type ExpoAnalytics = z.infer<typeof expoAnalyticsSchema>;

export const heatmapSchema = z.object({
  hallId: hallIdSchema,
  from: z.number(),
  to: z.number(),
  cellM: z.number(),
  /** [cx, cz, visitor-seconds]: the cell spans x in [cx·cellM, (cx+1)·cellM), z likewise */
  cells: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])),
  max: z.number().int(),
  /** visitor-seconds in the hall over the range */
  total: z.number().int(),
});
export type Heatmap = z.infer<typeof heatmapSchema>;
