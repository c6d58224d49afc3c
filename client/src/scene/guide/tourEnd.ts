/**
 * Where the private tour ends (issue #12): at the booth district nearest the guide after the last
 * landmark, so the visitor is left where they can talk to an exhibitor. The guide stops in front
 * of the placed booth that is the shortest walk away on walkable ground (not the crow's flight);
 * the district is the booths around it. Pure: unit-tested on the real layouts.
 */
import type { HallLayout } from '../../../../shared/layout';
import { isWalkable } from '../../../../shared/layout';
import { frontPoint } from '../booths/boothDims';
import { pathLength, planPath, type Point } from './tourPath';

/** The district: the booth slots within this many metres of the booth the guide stops at (a stretch of booths either side). */
export const DISTRICT_RADIUS = 15;
/** Booths compared by the real walk (A*): the nearest few by straight distance. */
const WALK_CANDIDATES = 4;

export interface BoothDistrict {
  /** the slot ids of the district */
  slots: string[];
  /** where the guide stands: in front of the district's nearest placed booth */
  spot: Point;
  /** that booth's slot */
  nearSlot: string;
}

/**
 * The district to end at, from `from`: around the placed booth (with walkable ground in front of
 * it) that is the shortest walk away. `placed` holds the slot ids that have a booth now. Null when
 * no booth is placed anywhere in the hall.
 */
export function boothDistrict(layout: HallLayout, from: Point, placed: ReadonlySet<string>): BoothDistrict | null {
  const candidates: { slot: (typeof layout.boothSlots)[number]; spot: Point; d: number }[] = [];
  for (const slot of layout.boothSlots) {
    if (!placed.has(slot.id)) continue;
    const f = frontPoint(slot.x, slot.z, slot.ry, slot.size);
    if (!isWalkable(layout, f.x, f.z)) continue;
    candidates.push({ slot, spot: { x: f.x, z: f.z }, d: Math.hypot(f.x - from.x, f.z - from.z) });
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.d - b.d);
  let pick = candidates[0];
  let pickWalk = Infinity;
  for (const c of candidates.slice(0, WALK_CANDIDATES)) {
    const walk = pathLength(from, planPath(layout, from, c.spot));
    if (walk < pickWalk - 0.01) {
      pick = c;
      pickWalk = walk;
    }
  }
  const near = pick.slot;
  const slots = layout.boothSlots.filter((s) => Math.hypot(s.x - near.x, s.z - near.z) <= DISTRICT_RADIUS).map((s) => s.id);
  return { slots, spot: pick.spot, nearSlot: near.id };
}

/** The booth the tour's end offers: one with staff on duty (the nearest to the spot), else the nearest. */
export function endBooth<B extends { id: string; slotId: string | null; staffOnDuty: boolean }>(
  layout: HallLayout,
  district: BoothDistrict,
  booths: readonly B[],
): B | null {
  const at = new Map(layout.boothSlots.map((s) => [s.id, s]));
  const inDistrict = booths.filter((b) => b.slotId !== null && district.slots.includes(b.slotId));
  const dist = (b: B) => {
    const s = at.get(b.slotId!)!;
    return Math.hypot(s.x - district.spot.x, s.z - district.spot.z);
  };
  inDistrict.sort((a, b) => Number(b.staffOnDuty) - Number(a.staffOnDuty) || dist(a) - dist(b));
  return inDistrict[0] ?? null;
}
