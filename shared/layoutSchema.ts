/**
 * The zod schema of a hall layout (assets/halls/*.json). The server parses both layouts with it at
 * start-up and the plans are checked against it when the JSON is generated; the visitor's bundle
 * only reads the already-checked JSON through the types and geometry of layout.ts.
 */
import { z } from 'zod';
import { FEATURE_KINDS, REGION_KINDS, SCENERY_KINDS } from './layout';

const bilingual = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const point = z.tuple([z.number(), z.number()]);
const slug = z.string().regex(/^[a-z0-9-]+$/);

export const regionSchema = z.strictObject({ id: slug, kind: z.enum(REGION_KINDS), poly: z.array(point).min(3) });

export const featureSchema = z.strictObject({ id: slug, kind: z.enum(FEATURE_KINDS), pts: z.array(point).min(2) });

/** Ids that name things must not repeat: a scene asking for one by name gets exactly one. */
function uniqueIds<T extends { id: string }>(list: T[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const [i, it] of list.entries()) {
    if (seen.has(it.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${it.id}`, path: [i, 'id'] });
    seen.add(it.id);
  }
}

export const colliderSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('circle'), x: z.number(), z: z.number(), r: z.number().positive() }),
  z.strictObject({
    type: z.literal('box'),
    x: z.number(),
    z: z.number(),
    w: z.number().positive(),
    d: z.number().positive(),
    /** rotation about Y, radians */
    rot: z.number().default(0),
  }),
]);

export const hallLayoutSchema = z.strictObject({
  id: slug,
  name: bilingual,
  bounds: z.strictObject({ minX: z.number(), maxX: z.number(), minZ: z.number(), maxZ: z.number() }),
  spawns: z.array(z.strictObject({ x: z.number(), z: z.number(), ry: z.number() })).min(1),
  /** named regions (x,z polygons) one may walk on: the ground is their union */
  walkable: z.array(regionSchema).min(1).superRefine(uniqueIds),
  /** solid things inside the walkable area */
  colliders: z.array(colliderSchema),
  /** raised ground: a smooth hill of height h and radius r (Sunlight Rock, a bridge deck...) */
  elevations: z.array(z.strictObject({ x: z.number(), z: z.number(), r: z.number().positive(), h: z.number(), plateau: z.number().min(0).max(1).default(0) })),
  zones: z.array(z.strictObject({ id: z.string(), name: bilingual })),
  boothSlots: z.array(
    z.strictObject({
      id: z.string(),
      zone: z.string(),
      x: z.number(),
      z: z.number(),
      ry: z.number(),
      size: z.enum(['s', 'm', 'l']),
    }),
  ),
  hotspots: z.array(z.strictObject({ id: z.string(), x: z.number(), z: z.number(), radius: z.number().positive(), title: bilingual, body: bilingual })),
  tourStops: z.array(z.strictObject({ id: z.string(), x: z.number(), z: z.number(), say: bilingual })),
  stage: z.strictObject({ x: z.number(), z: z.number(), ry: z.number() }),
  portals: z.array(
    z.strictObject({
      id: z.string(),
      x: z.number(),
      z: z.number(),
      radius: z.number().positive(),
      to: z.string(),
      kind: z.enum(['ferry', 'portal']),
      label: bilingual,
    }),
  ),
  /** named places for the minimap and "walk there": where to stand to see the landmark */
  landmarks: z.array(z.strictObject({ id: z.string(), x: z.number(), z: z.number(), name: bilingual })).default([]),
  /** scenery placements the client draws (villas, trees, boats...); solid ones also appear in `colliders` */
  scenery: z
    .array(z.strictObject({ kind: z.enum(SCENERY_KINDS), x: z.number(), z: z.number(), ry: z.number().default(0), s: z.number().positive().default(1) }))
    .default([]),
  /** named outlines the scenery is built along (a basin's quay walls, a sea wall) */
  features: z.array(featureSchema).default([]).superRefine(uniqueIds),
  /** paved lanes (polylines with a width) the client paints on the ground */
  lanes: z.array(z.strictObject({ w: z.number().positive(), pts: z.array(point).min(2) })).default([]),
});
