/** Where each booth of a hall stands: its slot, the slot's index (which owns atlas cells) and ground height. */
import type { BoothView } from '../../../../shared/api/schemas';
import { groundHeight, type HallLayout } from '../../../../shared/layout';
import type { SlotSize } from './boothShapes';

export interface PlacedBooth {
  booth: BoothView;
  slotIndex: number;
  slotId: string;
  x: number;
  y: number;
  z: number;
  ry: number;
  size: SlotSize;
}

export function placeBooths(layout: HallLayout, booths: Record<string, BoothView>): PlacedBooth[] {
  const index = new Map(layout.boothSlots.map((s, i) => [s.id, i]));
  const out: PlacedBooth[] = [];
  for (const b of Object.values(booths)) {
    if (!b.slotId) continue;
    const i = index.get(b.slotId);
    if (i === undefined) continue;
    const s = layout.boothSlots[i];
    out.push({ booth: b, slotIndex: i, slotId: s.id, x: s.x, y: groundHeight(layout, s.x, s.z), z: s.z, ry: s.ry, size: s.size });
  }
  return out.sort((a, b) => a.slotIndex - b.slotIndex);
}

/** Changes only when something that shapes the geometry changes (not titles, logos or products). */
export function structureKey(placed: PlacedBooth[]): string {
  return placed.map((p) => `${p.slotIndex}:${p.booth.template}:${p.booth.colors.primary}:${p.booth.colors.accent}`).join('|');
}
