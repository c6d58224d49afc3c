/**
 * The keyboard's and screen reader's way into the 3D hall (issue #13): the N desks (booths, landmark
 * hotspots) nearest the visitor, each with a distance and a direction in the camera's frame — the
 * frame the arrow keys walk in, so "ahead left" means "press ↑ and ←". Pure, unit-tested in
 * tests/unit/a11yNearby.test.ts; the list in KeyboardNav.tsx recomputes it about once a second.
 */
import type { Desk } from '../../scene/proximity/desks';
import type { DeskKind, DeskRef } from '../../store/proximity';

export const DIRECTIONS = ['ahead', 'aheadRight', 'right', 'behindRight', 'behind', 'behindLeft', 'left', 'aheadLeft'] as const;
export type Direction = (typeof DIRECTIONS)[number] | 'here';

export interface NearbyDesk {
  kind: DeskKind;
  id: string;
  /** metres to the desk's nearest circle edge, rounded (0 when standing at it) */
  distance: number;
  direction: Direction;
}

/**
 * The direction of (dx, dz) as seen from a camera looking along yaw (forward is (sin yaw, cos yaw),
 * right is (-cos yaw, sin yaw): controls/localMotion.ts), in eight 45° sectors.
 */
export function directionFrom(dx: number, dz: number, yaw: number): Exclude<Direction, 'here'> {
  const forward = dx * Math.sin(yaw) + dz * Math.cos(yaw);
  const right = -dx * Math.cos(yaw) + dz * Math.sin(yaw);
  const sector = Math.round(Math.atan2(right, forward) / (Math.PI / 4));
  return DIRECTIONS[((sector % 8) + 8) % 8];
}

/** Rounded the way a person says it: whole metres up close, fives further out. */
export function roundDistance(m: number): number {
  if (m <= 0) return 0;
  if (m < 20) return Math.max(1, Math.round(m));
  return Math.round(m / 5) * 5;
}

/**
 * The `n` nearest desks to (x, z), one entry per desk id (a booth registers several circles: the
 * closest counts), nearest first, ties by id so the order does not flicker. `keep` (the entry that
 * has keyboard focus) stays in the list even when others come closer, so focus is never pulled from
 * under the visitor; it takes the last place if it would otherwise drop out.
 */
export function nearestDesks(
  desks: readonly Desk[],
  x: number,
  z: number,
  yaw: number,
  n: number,
  opts: { kinds?: readonly DeskKind[]; keep?: DeskRef | null } = {},
): NearbyDesk[] {
  const best = new Map<string, { d: Desk; gap: number }>();
  for (const d of desks) {
    if (opts.kinds && !opts.kinds.includes(d.kind)) continue;
    const gap = Math.hypot(d.x - x, d.z - z) - d.radius;
    const key = `${d.kind}:${d.id}`;
    const had = best.get(key);
    if (!had || gap < had.gap) best.set(key, { d, gap });
  }
  const sorted = [...best.values()].sort((a, b) => a.gap - b.gap || (a.d.id < b.d.id ? -1 : a.d.id > b.d.id ? 1 : 0));
  let picked = sorted.slice(0, Math.max(0, n));
  const keep = opts.keep;
  if (keep && n > 0 && !picked.some((p) => p.d.kind === keep.kind && p.d.id === keep.id)) {
    const kept = sorted.find((p) => p.d.kind === keep.kind && p.d.id === keep.id);
    if (kept) picked = [...picked.slice(0, n - 1), kept];
  }
  return picked.map(({ d, gap }) => ({
    kind: d.kind,
    id: d.id,
    distance: roundDistance(gap),
    direction: gap <= 0 ? 'here' : directionFrom(d.x - x, d.z - z, yaw),
  }));
}

/** A key that changes only when what the list says changes (React state is set only then). */
export function nearbySignature(list: readonly NearbyDesk[]): string {
  return list.map((e) => `${e.kind}:${e.id}:${e.distance}:${e.direction}`).join('|');
}
