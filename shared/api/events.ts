/**
 * The server-sent events of GET /api/expo/events (route `events`), as data: each event's name and
 * the schema of its `data`. The server formats with `sseFrame`, the client reads with `parseHallEvent`,
 * so names, payloads and the id rule come from here alone. A new event = one entry.
 */
import { z } from 'zod';
import { idSchema } from './common';
import { formatSse, parseSse } from './sse';

const boothRef = z.object({ boothId: idSchema, /** ms; the booth's updatedAt for `booth` */ at: z.number() });

export const hallEvents = {
  /** something shown at the booth changed: refetch it */
  booth: { summary: 'a booth changed', data: boothRef },
  /** the booth left the hall (unplaced or deleted) */
  removed: { summary: 'a booth left the hall', data: boothRef },
} as const satisfies Record<string, { summary: string; data: z.ZodType }>;

export type HallEventName = keyof typeof hallEvents;
export type HallEventData<N extends HallEventName> = z.output<(typeof hallEvents)[N]['data']>;
export const hallEventNames = Object.keys(hallEvents) as HallEventName[];

export function sseFrame<N extends HallEventName>(name: N, data: HallEventData<N>): string {
  return formatSse(name, data);
}

export function parseHallEvent<N extends HallEventName>(name: N, raw: string): HallEventData<N> | null {
  return parseSse(hallEvents, name, raw);
}
