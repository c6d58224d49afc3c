/** Building along a line of a layout (a sea wall, a quay edge) one straight segment at a time. */
import type { GeoBuilder } from './GeoBuilder';

/**
 * Runs `draw` once per segment of `pts` with the builder's frame centred on the segment and its
 * z axis running along it from start to end, so a wall is a box `len` long in z.
 */
export function alongLine(b: GeoBuilder, pts: ReadonlyArray<readonly [number, number]>, draw: (len: number) => void): void {
  for (let i = 1; i < pts.length; i++) {
    const [x0, z0] = pts[i - 1];
    const [x1, z1] = pts[i];
    const len = Math.hypot(x1 - x0, z1 - z0);
    b.at({ x: (x0 + x1) / 2, z: (z0 + z1) / 2, ry: Math.atan2(x1 - x0, z1 - z0) }, () => draw(len));
  }
}
