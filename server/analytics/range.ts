/** The time range a console asks for, with the defaults that make "the expo so far" and a readable series. */
import { autoBucket, DAY_OFFSET_MS, MINUTE_MS, SERIES_BUCKETS, type SeriesBucket } from '../../shared/api/analytics';
import { HttpError } from '../http/bind';
import type { Range } from './repository';

/** A series longer than this is refused: ask for a coarser bucket. */
const MAX_POINTS = 5000;
/** "So far" covers at least the last hour, so a first visit shows as a peak on a line, not a lone dot. */
const MIN_SPAN_MS = 3_600_000;

export interface ResolvedRange extends Range {
  bucket: SeriesBucket;
}

export function resolveRange(q: { from?: number; to?: number; bucket?: SeriesBucket }, firstMinute: number | null, now: number): ResolvedRange {
  // to is exclusive: the current minute is in
  const to = q.to ?? Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const rawFrom = q.from ?? Math.min(firstMinute ?? Infinity, to - MIN_SPAN_MS);
  if (rawFrom >= to) throw new HttpError(400, 'invalid_range', '`from` must be before `to`');
  const bucket = q.bucket ?? autoBucket(rawFrom, to);
  const bucketMs = SERIES_BUCKETS[bucket];
  // the series starts on a bucket boundary (days on China Standard Time), so its points line up
  const from = q.from ?? Math.floor((rawFrom + DAY_OFFSET_MS) / bucketMs) * bucketMs - DAY_OFFSET_MS;
  if ((to - from) / bucketMs > MAX_POINTS) throw new HttpError(400, 'range_too_long', `More than ${MAX_POINTS} points: choose a coarser bucket`);
  return { from, to, bucket, bucketMs, now };
}
