/**
 * The server's check of the hall layouts, run once at start-up: every file parses with the schema,
 * and parsing changes nothing (the generator writes the parsed form), so the layout the server
 * enforces and the one the visitor's bundle reads unparsed are the same. A broken file stops the
 * server loudly instead of failing at a visitor's feet.
 */
import { isDeepStrictEqual } from 'node:util';
import { HALL_IDS, getLayout } from '../shared/halls';
import { hallLayoutSchema } from '../shared/layoutSchema';

export function checkHallLayouts(): void {
  for (const id of HALL_IDS) {
    const raw = getLayout(id);
    const parsed = hallLayoutSchema.parse(raw);
    if (!isDeepStrictEqual(parsed, raw))
      throw new Error(`assets/halls/${id}.json is not in its parsed form (defaults missing?); run \`npx tsx assets/halls/generate.ts\``);
  }
}
