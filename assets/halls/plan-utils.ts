/** Small helpers for drawing hall plans (used only by the plans, which hallFiles.ts turns into JSON). */
import { pointInPolygon } from '../../shared/layout';

export type P = [number, number];

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rect(x0: number, z0: number, x1: number, z1: number): P[] {
  return [
    [x0, z0],
    [x1, z0],
    [x1, z1],
    [x0, z1],
  ];
}

/** A rectangle of width w around the segment a-b, extended by `ext` at both ends. */
export function strip(a: P, b: P, w: number, ext = 0): P[] {
  const dx = b[0] - a[0];
  const dz = b[1] - a[1];
  const len = Math.hypot(dx, dz);
  const ux = dx / len;
  const uz = dz / len;
  const nx = -uz * (w / 2);
  const nz = ux * (w / 2);
  const ax = a[0] - ux * ext;
  const az = a[1] - uz * ext;
  const bx = b[0] + ux * ext;
  const bz = b[1] + uz * ext;
  return [
    [ax + nx, az + nz],
    [bx + nx, bz + nz],
    [bx - nx, bz - nz],
    [ax - nx, az - nz],
  ];
}

export function distToSegment(x: number, z: number, a: P, b: P): number {
  const dx = b[0] - a[0];
  const dz = b[1] - a[1];
  const l2 = dx * dx + dz * dz;
  const t = l2 ? Math.max(0, Math.min(1, ((x - a[0]) * dx + (z - a[1]) * dz) / l2)) : 0;
  return Math.hypot(x - (a[0] + t * dx), z - (a[1] + t * dz));
}

export function distToPolyline(x: number, z: number, pts: P[]): number {
  let d = Infinity;
  for (let i = 1; i < pts.length; i++) d = Math.min(d, distToSegment(x, z, pts[i - 1], pts[i]));
  return d;
}

/** Distance from a point inside the polygon to its edge (positive inside, negative outside). */
export function signedDistToPolygon(x: number, z: number, poly: P[]): number {
  let d = Infinity;
  for (let i = 0; i < poly.length; i++) d = Math.min(d, distToSegment(x, z, poly[i], poly[(i + 1) % poly.length]));
  return pointInPolygon(x, z, poly) ? d : -d;
}

export interface Lane {
  w: number;
  pts: P[];
}

export const bi = (zh: string, en: string) => ({ zh, en });
export const r2 = (n: number) => Math.round(n * 100) / 100;
