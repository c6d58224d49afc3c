/**
 * Server-sent events on the wire, for every stream's registry (events.ts, leadEvents.ts,
 * conversations.ts): `event: <name>`, one `data:` line of JSON, a blank line; and data read back
 * through the event's schema.
 */
import type { z } from 'zod';

export type EventRegistry = Record<string, { summary: string; data: z.ZodType }>;

export function formatSse(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** An event's data checked against its schema; null for anything else. */
export function parseSse<R extends EventRegistry, N extends keyof R & string>(registry: R, name: N, raw: string): z.output<R[N]['data']> | null {
  try {
    const r = registry[name].data.safeParse(JSON.parse(raw));
    return r.success ? (r.data as z.output<R[N]['data']>) : null;
  } catch {
    return null;
  }
}
