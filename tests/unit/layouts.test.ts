/**
 * Every hall layout in assets/halls is valid data and a sane venue: slots stand on the ground,
 * clear of walls and of each other; visitors spawn, travel and read hotspots where they can walk.
 */
import { describe, expect, it } from 'vitest';
import { HALL_IDS, getLayout, isHallId } from '../../shared/halls';
import { BODY_RADIUS, SLOT_RADIUS, groundHeight, isWalkable, pointInPolygon, resolveStep, type Collider, type HallLayout } from '../../shared/layout';
import { hallLayoutSchema } from '../../shared/layoutSchema';
import gulangyuRaw from '../../assets/halls/gulangyu.json';
import shapoweiRaw from '../../assets/halls/shapowei.json';

const raw: Record<string, unknown> = { gulangyu: gulangyuRaw, shapowei: shapoweiRaw };

function onGround(l: HallLayout, x: number, z: number): boolean {
  return l.walkable.some((r) => pointInPolygon(x, z, r.poly));
}

/** Distance from a point to a collider's outline (negative inside). */
function colliderDistance(c: Collider, x: number, z: number): number {
  if (c.type === 'circle') return Math.hypot(x - c.x, z - c.z) - c.r;
  const cos = Math.cos(-c.rot);
  const sin = Math.sin(-c.rot);
  const dx = x - c.x;
  const dz = z - c.z;
  const lx = Math.abs(dx * cos - dz * sin) - c.w / 2;
  const lz = Math.abs(dx * sin + dz * cos) - c.d / 2;
  return Math.hypot(Math.max(lx, 0), Math.max(lz, 0)) + Math.min(Math.max(lx, lz), 0);
}

describe.each(HALL_IDS)('layout %s', (id) => {
  const layout = getLayout(id);

  it('parses with the schema and matches its file name', () => {
    const parsed = hallLayoutSchema.safeParse(raw[id]);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect(layout.id).toBe(id);
  });

  it('is stored parsed (defaults filled in), so the client reads exactly what the server validates', () => {
    // The visitor's bundle uses the file without running the schema (shared/halls.ts); the server
    // parses it at start-up and refuses a file that parsing would change (server/hallLayouts.ts).
    expect(hallLayoutSchema.parse(raw[id])).toEqual(raw[id]);
    expect(layout).toBe(raw[id]);
  });

  it('fits int16 centimetre positions', () => {
    const b = layout.bounds;
    for (const v of [b.minX, b.maxX, b.minZ, b.maxZ]) expect(Math.abs(v)).toBeLessThan(327);
  });

  it('has at least 24 booth slots, each in a declared zone, with unique ids', () => {
    expect(layout.boothSlots.length).toBeGreaterThanOrEqual(24);
    const zones = new Set(layout.zones.map((z) => z.id));
    for (const s of layout.boothSlots) expect(zones.has(s.zone), `${s.id} zone ${s.zone}`).toBe(true);
    expect(new Set(layout.boothSlots.map((s) => s.id)).size).toBe(layout.boothSlots.length);
    // every zone is used
    for (const z of zones)
      expect(
        layout.boothSlots.some((s) => s.zone === z),
        `zone ${z} empty`,
      ).toBe(true);
  });

  it('puts every slot footprint on walkable ground, clear of colliders', () => {
    for (const s of layout.boothSlots) {
      const r = SLOT_RADIUS[s.size];
      expect(onGround(layout, s.x, s.z), `${s.id} centre`).toBe(true);
      for (let k = 0; k < 16; k++) {
        const a = (k / 16) * Math.PI * 2;
        expect(onGround(layout, s.x + Math.cos(a) * r, s.z + Math.sin(a) * r), `${s.id} rim`).toBe(true);
      }
      for (const c of layout.colliders) expect(colliderDistance(c, s.x, s.z), `${s.id} vs collider ${JSON.stringify(c)}`).toBeGreaterThan(r);
      // booths stand on level ground
      expect(Math.abs(groundHeight(layout, s.x, s.z))).toBeLessThan(1);
    }
  });

  it('has no overlapping slots', () => {
    const slots = layout.boothSlots;
    for (let i = 0; i < slots.length; i++)
      for (let j = i + 1; j < slots.length; j++) {
        const d = Math.hypot(slots[i].x - slots[j].x, slots[i].z - slots[j].z);
        expect(d, `${slots[i].id} / ${slots[j].id}`).toBeGreaterThanOrEqual(SLOT_RADIUS[slots[i].size] + SLOT_RADIUS[slots[j].size]);
      }
  });

  it('spawns, tour stops, stage, portals and hotspot centres are walkable', () => {
    for (const s of layout.spawns) expect(isWalkable(layout, s.x, s.z), `spawn ${s.x},${s.z}`).toBe(true);
    for (const t of layout.tourStops) expect(isWalkable(layout, t.x, t.z), `tour ${t.id}`).toBe(true);
    expect(onGround(layout, layout.stage.x, layout.stage.z)).toBe(true);
    for (const p of layout.portals) {
      expect(isWalkable(layout, p.x, p.z), `portal ${p.id}`).toBe(true);
      expect(isHallId(p.to) && p.to !== id, `portal ${p.id} -> ${p.to}`).toBe(true);
    }
    for (const h of layout.hotspots) expect(isWalkable(layout, h.x, h.z), `hotspot ${h.id}`).toBe(true);
    for (const l of layout.landmarks) expect(isWalkable(layout, l.x, l.z), `landmark ${l.id}`).toBe(true);
  });

  it('has bilingual hotspots with real copy in both languages', () => {
    expect(layout.hotspots.length).toBeGreaterThanOrEqual(5);
    for (const h of layout.hotspots) {
      expect(h.title.zh).toMatch(/\p{Script=Han}/u);
      expect(h.body.zh).toMatch(/\p{Script=Han}/u);
      expect(h.title.en).toMatch(/[A-Za-z]/);
      expect(h.body.en.length, h.id).toBeGreaterThan(40);
      expect(h.body.en).not.toMatch(/\p{Script=Han}/u);
    }
    expect(new Set(layout.hotspots.map((h) => h.id)).size).toBe(layout.hotspots.length);
  });

  it('has a portal to the other hall, and tour stops for a guide', () => {
    expect(layout.portals.length).toBeGreaterThanOrEqual(1);
    expect(layout.tourStops.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps walkers out of the sea and out of buildings', () => {
    const out = { x: 0, z: 0 };
    // Far outside the land, in the bounds: sea (or beyond the edge) is never walkable.
    expect(isWalkable(layout, layout.bounds.maxX - 0.01, layout.bounds.maxZ - 0.01)).toBe(false);
    for (const c of layout.colliders) {
      expect(isWalkable(layout, c.x, c.z), `inside ${JSON.stringify(c)}`).toBe(false);
    }
    // A step into a collider from outside stays outside.
    const c = layout.colliders.find((k) => k.type === 'box' && k.w > 8)!;
    const fromX = c.x - (c.type === 'box' ? c.w / 2 : 0) - BODY_RADIUS - 1;
    if (isWalkable(layout, fromX, c.z)) {
      resolveStep(layout, fromX, c.z, c.x, c.z, out);
      expect(out.x).toBe(fromX);
    }
  });

  it('is connected: every slot and landmark can be reached from the spawn on foot', () => {
    // flood fill on a 1 m grid over walkable cells
    const b = layout.bounds;
    const step = 1;
    const w = Math.ceil((b.maxX - b.minX) / step) + 1;
    const h = Math.ceil((b.maxZ - b.minZ) / step) + 1;
    const seen = new Uint8Array(w * h);
    const cell = (x: number, z: number) => [Math.round((x - b.minX) / step), Math.round((z - b.minZ) / step)] as const;
    const [sx, sz] = cell(layout.spawns[0].x, layout.spawns[0].z);
    const queue = [sx + sz * w];
    seen[queue[0]] = 1;
    while (queue.length) {
      const k = queue.pop()!;
      const i = k % w;
      const j = (k - i) / w;
      for (const [di, dj] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ]) {
        const ni = i + di;
        const nj = j + dj;
        if (ni < 0 || nj < 0 || ni >= w || nj >= h) continue;
        const nk = ni + nj * w;
        if (seen[nk]) continue;
        if (!isWalkable(layout, b.minX + ni * step, b.minZ + nj * step)) continue;
        seen[nk] = 1;
        queue.push(nk);
      }
    }
    const reachable = (x: number, z: number) => {
      // any walkable cell within 3 m of the point that the fill reached
      for (let dx = -3; dx <= 3; dx++)
        for (let dz = -3; dz <= 3; dz++) {
          const [i, j] = cell(x + dx, z + dz);
          if (i >= 0 && j >= 0 && i < w && j < h && seen[i + j * w]) return true;
        }
      return false;
    };
    for (const s of layout.boothSlots) expect(reachable(s.x, s.z), `slot ${s.id}`).toBe(true);
    for (const l of layout.landmarks) expect(reachable(l.x, l.z), `landmark ${l.id}`).toBe(true);
    for (const p of layout.portals) expect(reachable(p.x, p.z), `portal ${p.id}`).toBe(true);
  });
});

describe('groundHeight', () => {
  it('lets visitors climb Sunlight Rock', () => {
    const g = getLayout('gulangyu');
    const rock = g.elevations[0];
    expect(groundHeight(g, rock.x, rock.z)).toBeGreaterThan(10);
    expect(groundHeight(g, g.spawns[0].x, g.spawns[0].z)).toBe(0);
    expect(isWalkable(g, rock.x, rock.z)).toBe(true);
  });
});
