/**
 * The stamp passport (issue #12 item 5): each hall's landmarks carry a stamp, earned by standing
 * within reach of it for a minimum dwell — checked by the server on its own record of where the
 * visitor is (the clamped poses in the room state), so a client cannot claim a stamp it did not
 * walk to. A hall's landmark stamps make one set; completing it gives a signed souvenir
 * (shared/api/souvenirs.ts). Guests collect for the session; a visitor account keeps them.
 */
import type { HallLayout } from './layout';

/** How long one has to stay at a landmark (ms). */
export const STAMP_DWELL_MS = 5000;
/** How close counts as "at" the landmark (m). */
export const STAMP_RADIUS_M = 7;

export interface StampDef {
  /** `<hall>:<landmark>`, e.g. "gulangyu:sunlight-rock" */
  id: string;
  hallId: string;
  landmarkId: string;
  x: number;
  z: number;
  name: { zh: string; en: string };
}

/** Landmarks that are ways out of the hall, not places to collect. */
const NOT_STAMPS = new Set(['portal']);

export function hallStamps(layout: HallLayout): StampDef[] {
  return layout.landmarks
    .filter((l) => !NOT_STAMPS.has(l.id))
    .map((l) => ({ id: `${layout.id}:${l.id}`, hallId: layout.id, landmarkId: l.id, x: l.x, z: l.z, name: l.name }));
}

/** The set a hall's landmark stamps make (a souvenir set id in shared/api/souvenirs.ts). */
export const landmarkSetOf = (hallId: string): string => `${hallId}-landmarks`;

export const STAMP_ID_PATTERN = /^[a-z0-9-]{1,32}:[a-z0-9-]{1,48}$/;
