/** Numbers and times as the analytics cards show them. Times are China Standard Time, like the server's days and the CSV. */
import type { SeriesBucket } from '../../../../../shared/api/analytics';

/** UTC+8, no daylight saving: the same offset as the server's DAY_OFFSET_MS */
const CST_MS = 8 * 3600_000;

const cst = (ms: number) => new Date(ms + CST_MS).toISOString();

/** An axis label for a bucket start: "06-10" for days, "14:05" within a day, "06-10 14:05" across days. */
export function bucketLabel(t: number, bucket: SeriesBucket, multiDay: boolean): string {
  const s = cst(t);
  if (bucket === '1d') return s.slice(5, 10);
  return multiDay ? `${s.slice(5, 10)} ${s.slice(11, 16)}` : s.slice(11, 16);
}

export const clockTime = (ms: number): string => cst(ms).slice(11, 19);

/** Midnight today, China time. */
export function startOfTodayCst(now: number): number {
  return Math.floor((now + CST_MS) / 86_400_000) * 86_400_000 - CST_MS;
}

export function dwellParts(seconds: number): { m: number; s: number } {
  const r = Math.round(seconds);
  return { m: Math.floor(r / 60), s: r % 60 };
}
