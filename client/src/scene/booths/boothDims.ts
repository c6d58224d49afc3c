/** A booth's size and where a visitor stands to see it: plain numbers, no three, so the hall's DOM panels can use them. */
import { SLOT_RADIUS, boothFootprint } from '../../../../shared/layout';

export type SlotSize = keyof typeof SLOT_RADIUS;

export function boothDims(size: SlotSize) {
  // The footprint is shared with the server, which treats it as solid.
  const { w, d } = boothFootprint(size);
  return { W: w, D: d, H: 2.6 + 0.2 * SLOT_RADIUS[size] };
}

/** World point in front of a booth where a visitor stands to look at it. */
export function frontPoint(x: number, z: number, ry: number, size: SlotSize, out = { x: 0, z: 0 }): { x: number; z: number } {
  const { D } = boothDims(size);
  const d = D / 2 + 1.4;
  out.x = x + Math.sin(ry) * d;
  out.z = z + Math.cos(ry) * d;
  return out;
}
