/**
 * "At the booth": within a booth slot's footprint radius plus two steps. The server counts who
 * stands at a booth and accepts reactions by it (server/rooms/boothCrowd.ts); the booth panel
 * enables its reaction buttons by it.
 */
import { SLOT_RADIUS, type HallLayout } from './layout';

/** Within the footprint radius plus this, metres. */
export const BOOTH_NEAR_PAD_M = 2;
/** The slot a point stands at (the nearest, when booths' reaches overlap), or null. */
export function slotAt(layout: HallLayout, x: number, z: number): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const s of layout.boothSlots) {
    const r = SLOT_RADIUS[s.size] + BOOTH_NEAR_PAD_M;
    const d = (x - s.x) ** 2 + (z - s.z) ** 2;
    if (d <= r * r && d < bestD) {
      best = s.id;
      bestD = d;
    }
  }
  return best;
}

export function isNearSlot(layout: HallLayout, slotId: string, x: number, z: number): boolean {
  const s = layout.boothSlots.find((b) => b.id === slotId);
  if (!s) return false;
  const r = SLOT_RADIUS[s.size] + BOOTH_NEAR_PAD_M;
  return (x - s.x) ** 2 + (z - s.z) ** 2 <= r * r;
}
