/**
 * A layout's named parts, looked up by id or kind: scenes draw a pier or a basin by what it is,
 * not by where it happens to stand in an array. A missing part throws, so a renamed region
 * fails the scene build (and the unit test) instead of silently drawing nothing.
 */
import type { FeatureKind, HallLayout, LayoutFeature, RegionKind, WalkableRegion } from './layout';

type Point = readonly [number, number];

export function region(layout: HallLayout, id: string): WalkableRegion {
  const r = layout.walkable.find((w) => w.id === id);
  if (!r) throw new Error(`${layout.id}: no walkable region '${id}'`);
  return r;
}

export function regionsOf(layout: HallLayout, kind: RegionKind): WalkableRegion[] {
  return layout.walkable.filter((w) => w.kind === kind);
}

export function feature(layout: HallLayout, id: string): LayoutFeature {
  const f = layout.features.find((w) => w.id === id);
  if (!f) throw new Error(`${layout.id}: no feature '${id}'`);
  return f;
}

export function featuresOf(layout: HallLayout, kind: FeatureKind): LayoutFeature[] {
  return layout.features.filter((f) => f.kind === kind);
}

export interface Extent {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

/** The axis-aligned box round some points (a region's polygon, a feature's outline). */
export function extent(pts: ReadonlyArray<Point>): Extent {
  const e = { minX: Infinity, maxX: -Infinity, minZ: Infinity, maxZ: -Infinity };
  for (const [x, z] of pts) {
    if (x < e.minX) e.minX = x;
    if (x > e.maxX) e.maxX = x;
    if (z < e.minZ) e.minZ = z;
    if (z > e.maxZ) e.maxZ = z;
  }
  return e;
}
