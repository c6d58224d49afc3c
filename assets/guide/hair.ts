/**
 * Shells over the head: hair and caps. Each is a grid whose columns run round the head and whose
 * rows run from an edge up to the crown, so the edge follows `edge(yaw)` exactly (fringe, temples,
 * nape) instead of the nearest ring of a sphere. Below the edge a last row tucks in under the
 * surface, which gives the shell a visible thickness from the side.
 */
import { J } from './skeleton';
import type { Vec3 } from './math';
import { rigid, type MeshBuilder, type Range } from './meshBuilder';

export interface ShellStyle {
  centre: Vec3;
  /** the head's radius; the shell stands `lift` above it */
  r: number;
  lift: number;
  /** extra height over the crown, for volume */
  crown?: number;
  /** the pitch of the lower edge (radians, 0 = the head's equator) for a yaw (0 = forward, + to the guide's left) */
  edge: (yaw: number) => number;
  color: Vec3 | ((yaw: number, pitch: number) => Vec3);
  cols?: number;
  rows?: number;
}

export function shell(b: MeshBuilder, s: ShellStyle): Range {
  const cols = s.cols ?? 40;
  const rows = s.rows ?? 9;
  const c = s.centre;
  const place = (yaw: number, pitch: number, radius: number): Vec3 => [
    c[0] + radius * Math.sin(yaw) * Math.cos(pitch),
    c[1] + radius * Math.sin(pitch),
    c[2] + radius * Math.cos(yaw) * Math.cos(pitch),
  ];
  const yawOf = (j: number) => -Math.PI + (2 * Math.PI * j) / cols;
  const pitchOf = (i: number, j: number) => {
    const e = s.edge(yawOf(j));
    if (i === 0) return e - 0.02;
    return e + (Math.PI / 2 - e) * ((i - 1) / (rows - 1));
  };
  return b.grid(
    rows + 1,
    cols,
    (i, j) => {
      const pitch = pitchOf(i, j);
      const t = i === 0 ? 0 : (i - 1) / (rows - 1);
      const radius = i === 0 ? s.r - 0.008 : s.r + s.lift + (s.crown ?? 0) * Math.sin(t * Math.PI * 0.5);
      return place(yawOf(j), pitch, radius);
    },
    {
      wrap: true,
      color: (i, j) => (typeof s.color === 'function' ? s.color(yawOf(j), pitchOf(i, j)) : s.color),
      skin: rigid(J.head),
    },
  );
}

/** Piecewise-linear in |yaw|, for edges that are symmetric left and right. */
export function byYaw(stops: [number, number][]): (yaw: number) => number {
  return (yaw) => {
    const a = Math.abs(yaw);
    for (let k = 0; k < stops.length - 1; k++) {
      const [y0, p0] = stops[k];
      const [y1, p1] = stops[k + 1];
      if (a <= y1) {
        const t = (a - y0) / (y1 - y0);
        // Eased, so the edge has no corners where two stops meet.
        const e = t * t * (3 - 2 * t);
        return p0 + (p1 - p0) * e;
      }
    }
    return stops[stops.length - 1][1];
  };
}

/** A point on (or `off` above) the head's sphere in the direction (yaw, pitch), with a tangent frame. */
export function headPoint(centre: Vec3, r: number, yaw: number, pitch: number, off: number): { p: Vec3; n: Vec3; east: Vec3; north: Vec3 } {
  const n: Vec3 = [Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch), Math.cos(yaw) * Math.cos(pitch)];
  const east: Vec3 = [Math.cos(yaw), 0, -Math.sin(yaw)];
  const north: Vec3 = [-Math.sin(yaw) * Math.sin(pitch), Math.cos(pitch), -Math.cos(yaw) * Math.sin(pitch)];
  const d = r + off;
  return { p: [centre[0] + n[0] * d, centre[1] + n[1] * d, centre[2] + n[2] * d], n, east, north };
}
