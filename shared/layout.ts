/**
 * Hall layouts: the data a landmark hall is made of (assets/halls/*.json), its types (the schema is in layoutSchema.ts)
 * and the geometry both sides use: where one may stand, and how high the ground is there.
 * The server enforces walkability; the client uses the same functions to predict it.
 */
import type { z } from 'zod';
import type { colliderSchema, featureSchema, hallLayoutSchema, regionSchema } from './layoutSchema';

/**
 * What a walkable region is, so a scene knows how to draw it: `ground` is land (the terrain),
 * `pier` and `bridge` are decks over the water, `platform` is a deck a building stands on and
 * draws itself (the pavilion of the Forty-Four Bridge).
 */
export const REGION_KINDS = ['ground', 'pier', 'bridge', 'platform'] as const;

/**
 * Named outlines that are not ground but that the scenery is built along: a harbour basin (a
 * closed outline) or a sea wall (a line).
 */
export const FEATURE_KINDS = ['basin', 'sea-wall'] as const;

/** Everything a scene knows how to draw; a kind no scene knows fails the parse instead of drawing nothing. */
export const SCENERY_KINDS = [
  // both halls
  'banyan',
  'flame-tree',
  'bougainvillea',
  // Gulangyu
  'villa-a',
  'villa-b',
  'boulder',
  'monolith',
  'drum-rock',
  'piano',
  'ferry',
  'pier-terminal',
  'bagua-lou',
  'piano-museum',
  'koxinga',
  'sunlight-summit',
  'pavilion',
  // Shapowei
  'warehouse-a',
  'warehouse-b',
  'warehouse-c',
  'chimney',
  'qilou-a',
  'qilou-b',
  'lamp',
  'boat-a',
  'boat-b',
  'boat-c',
  'wangchuan',
  'portal',
] as const;

// Types only: the schema itself (layoutSchema.ts) runs on the server and in the generator, not in the visitor's bundle.
export type HallLayout = z.infer<typeof hallLayoutSchema>;
/** What a plan (assets/halls/*.plan.ts) writes: the layout before defaults are filled in. */
export type HallPlan = z.input<typeof hallLayoutSchema>;
export type Collider = z.infer<typeof colliderSchema>;
export type WalkableRegion = z.infer<typeof regionSchema>;
export type RegionKind = WalkableRegion['kind'];
export type LayoutFeature = z.infer<typeof featureSchema>;
export type FeatureKind = LayoutFeature['kind'];
export type SceneryKind = (typeof SCENERY_KINDS)[number];

/** Booth footprint radius by slot size, metres. Used for overlap checks and colliders. */
export const SLOT_RADIUS = { s: 2, m: 3, l: 4.5 } as const;

export function pointInPolygon(x: number, z: number, poly: ReadonlyArray<readonly [number, number]>): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    // indexed, not destructured: array destructuring runs the iterator protocol, an object per
    // vertex per call, and the server asks this for every move of every visitor (#10: 42 % of its garbage)
    const pi = poly[i];
    const pj = poly[j];
    const xi = pi[0];
    const zi = pi[1];
    const xj = pj[0];
    const zj = pj[1];
    if (zi > z !== zj > z && x < ((xj - xi) * (z - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

function insideCollider(x: number, z: number, c: Collider, pad: number): boolean {
  if (c.type === 'circle') {
    const dx = x - c.x;
    const dz = z - c.z;
    const r = c.r + pad;
    return dx * dx + dz * dz < r * r;
  }
  // Rotate the point into the box's frame.
  const cos = Math.cos(-c.rot);
  const sin = Math.sin(-c.rot);
  const dx = x - c.x;
  const dz = z - c.z;
  const lx = dx * cos - dz * sin;
  const lz = dx * sin + dz * cos;
  return Math.abs(lx) < c.w / 2 + pad && Math.abs(lz) < c.d / 2 + pad;
}

/** Avatar body radius kept clear of colliders. */
export const BODY_RADIUS = 0.35;

export function isWalkable(layout: HallLayout, x: number, z: number): boolean {
  const b = layout.bounds;
  if (x < b.minX || x > b.maxX || z < b.minZ || z > b.maxZ) return false;
  let onGround = false;
  for (const r of layout.walkable) {
    if (pointInPolygon(x, z, r.poly)) {
      onGround = true;
      break;
    }
  }
  if (!onGround) return false;
  for (const c of layout.colliders) if (insideCollider(x, z, c, BODY_RADIUS)) return false;
  for (const c of boothColliders(layout)) if (insideCollider(x, z, c, BODY_RADIUS)) return false;
  return true;
}

/**
 * A booth stand's footprint for a slot size (width along its front, depth front to back), metres.
 * The client builds booths to exactly this size, and the server treats it as solid.
 */
export function boothFootprint(size: keyof typeof SLOT_RADIUS): { w: number; d: number } {
  const r = SLOT_RADIUS[size];
  return { w: 1.6 * r, d: 1.2 * r };
}

const boothColliderCache = new WeakMap<HallLayout, Collider[]>();

/** Every booth slot is solid (a visitor browses from its front), derived once per layout. */
function boothColliders(layout: HallLayout): Collider[] {
  let list = boothColliderCache.get(layout);
  if (!list) {
    list = layout.boothSlots.map((s) => {
      const { w, d } = boothFootprint(s.size);
      // A collider box's `rot` turns the other way round from three's rotation.y (see
      // insideCollider), so a booth drawn with rotation.y = ry has the box rot = -ry.
      return { type: 'box' as const, x: s.x, z: s.z, w, d, rot: -s.ry };
    });
    boothColliderCache.set(layout, list);
  }
  return list;
}

/**
 * Moves from (fromX, fromZ) towards (toX, toZ) as far as the ground allows, sliding along
 * walls on one axis when the straight step is blocked. Writes into `out` (no allocation).
 */
export function resolveStep(layout: HallLayout, fromX: number, fromZ: number, toX: number, toZ: number, out: { x: number; z: number }): void {
  if (isWalkable(layout, toX, toZ)) {
    out.x = toX;
    out.z = toZ;
  } else if (isWalkable(layout, toX, fromZ)) {
    out.x = toX;
    out.z = fromZ;
  } else if (isWalkable(layout, fromX, toZ)) {
    out.x = fromX;
    out.z = toZ;
  } else {
    out.x = fromX;
    out.z = fromZ;
  }
}

/** Ground height at (x, z): the highest of the smooth hills covering that point. */
export function groundHeight(layout: HallLayout, x: number, z: number): number {
  let y = 0;
  for (const e of layout.elevations) {
    const dx = x - e.x;
    const dz = z - e.z;
    const d = Math.sqrt(dx * dx + dz * dz);
    if (d >= e.r) continue;
    const t = d / e.r;
    // Flat top up to `plateau`, then a smoothstep slope down to the rim.
    const s = t <= e.plateau ? 1 : 1 - smooth((t - e.plateau) / (1 - e.plateau));
    const h = e.h * s;
    if (h > y) y = h;
  }
  return y;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}
