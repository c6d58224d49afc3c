/**
 * The stamp passport (issue #12 item 5): each hall's landmarks and its exhibitors' booths carry a
 * stamp, earned by standing within reach of it for a minimum dwell — checked by the server on its
 * own record of where the visitor is (the clamped poses in the room state), so a client cannot
 * claim a stamp it did not walk to. A hall's landmark stamps make one set; completing it gives a
 * signed souvenir (shared/api/souvenirs.ts). Booth stamps are collected alongside (a record of the
 * booths visited) and are in no set: which companies exhibit changes during an expo, and a souvenir
 * must mean the same thing for everyone who holds it. Guests collect for the session; a visitor
 * account keeps them.
 */
import { SLOT_RADIUS, type HallLayout } from './layout';
import { BOOTH_NEAR_PAD_M } from './boothReach';

/** How long one has to stay at a landmark (ms). */
export const STAMP_DWELL_MS = 5000;
/** How close counts as "at" the landmark (m). */
export const STAMP_RADIUS_M = 7;

export interface StampDef {
  /** `<hall>:<landmark>` (e.g. "gulangyu:sunlight-rock") or `<hall>:booth-<booth id>` */
  id: string;
  kind: 'landmark' | 'booth';
  hallId: string;
  /** the landmark's id, or the booth's slot for a booth stamp */
  landmarkId: string;
  x: number;
  z: number;
  /** within this many metres counts as "at" it */
  reach: number;
  name: { zh: string; en: string };
}

/** Landmarks that are ways out of the hall, not places to collect. */
const NOT_STAMPS = new Set(['portal']);

export function hallStamps(layout: HallLayout): StampDef[] {
  return layout.landmarks
    .filter((l) => !NOT_STAMPS.has(l.id))
    .map((l) => ({ id: `${layout.id}:${l.id}`, kind: 'landmark', hallId: layout.id, landmarkId: l.id, x: l.x, z: l.z, reach: STAMP_RADIUS_M, name: l.name }));
}

/** A booth placed in a hall slot, with its exhibitor's name (the server reads these from the database, the client from the hall's booth list). */
export interface PlacedBooth {
  boothId: string;
  slotId: string;
  name: { zh: string; en: string };
}

export const boothStampId = (hallId: string, boothId: string): string => `${hallId}:booth-${boothId}`;

/** The hall's booth stamps: one per exhibitor's booth placed in a slot, "at" it by the booth panel's own rule (shared/boothReach). */
export function boothStamps(layout: HallLayout, booths: readonly PlacedBooth[]): StampDef[] {
  const out: StampDef[] = [];
  for (const b of booths) {
    const slot = layout.boothSlots.find((s) => s.id === b.slotId);
    if (!slot) continue;
    out.push({
      id: boothStampId(layout.id, b.boothId),
      kind: 'booth',
      hallId: layout.id,
      landmarkId: slot.id,
      x: slot.x,
      z: slot.z,
      reach: SLOT_RADIUS[slot.size] + BOOTH_NEAR_PAD_M,
      name: b.name,
    });
  }
  return out.sort((a, b) => a.landmarkId.localeCompare(b.landmarkId));
}

/** The set a hall's landmark stamps make (a souvenir set id in shared/api/souvenirs.ts). */
export const landmarkSetOf = (hallId: string): string => `${hallId}-landmarks`;

export const STAMP_ID_PATTERN = /^[a-z0-9-]{1,32}:[a-z0-9-]{1,48}$/;
