/**
 * Where bench bots stand and walk: deterministic scatter over the hall's walkable ground (so the
 * server and the bot agree on a bot's start without decoding state), and waypoints reachable in a
 * straight walkable line. Shared by the bots and the bench's Colyseus server.
 */
import { getLayout, type HallId } from '../../shared/halls';
import { isWalkable, type HallLayout } from '../../shared/layout';
import { rng } from '../../assets/halls/plan-utils';

export const BENCH_HALL: HallId = 'gulangyu';
export const layout: HallLayout = getLayout(BENCH_HALL);

// Seeded PRNG (mulberry32) shared with the hall plans, so runs are repeatable.
export { rng };

/** Bot `i`'s starting spot: uniform over the walkable ground. */
export function scatterPoint(i: number): { x: number; z: number } {
  const r = rng(1000 + i);
  const b = layout.bounds;
  for (let k = 0; k < 2000; k++) {
    const x = b.minX + r() * (b.maxX - b.minX);
    const z = b.minZ + r() * (b.maxZ - b.minZ);
    if (isWalkable(layout, x, z)) return { x: Math.round(x * 100) / 100, z: Math.round(z * 100) / 100 };
  }
  return { x: layout.spawns[0].x, z: layout.spawns[0].z };
}

/** Bench bots are named bot-<i>; the bench server reads the index back to place them. */
export const botName = (i: number): string => `bot-${i}`;
export const botIndex = (name: string): number | null => {
  const m = /^bot-(\d+)$/.exec(name);
  return m ? Number(m[1]) : null;
};

/** A waypoint 5..25 m away reachable in a straight walkable line, or null. */
export function waypoint(x: number, z: number, r: () => number): { x: number; z: number } | null {
  for (let k = 0; k < 12; k++) {
    const a = r() * Math.PI * 2;
    const d = 5 + r() * 20;
    const tx = x + Math.cos(a) * d;
    const tz = z + Math.sin(a) * d;
    let ok = true;
    for (let s = 1; s <= d; s += 1) {
      if (!isWalkable(layout, x + Math.cos(a) * s, z + Math.sin(a) * s)) {
        ok = false;
        break;
      }
    }
    if (ok && isWalkable(layout, tx, tz)) return { x: tx, z: tz };
  }
  return null;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
