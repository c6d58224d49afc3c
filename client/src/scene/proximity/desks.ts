/**
 * Desks: places a visitor walks up to (booths, landmark hotspots, later the guide and the stage).
 * Scene code registers them here; the tracker (ProximityTracker) reads the flat list every few
 * frames. `nearestDesk` is pure and allocation-free, unit-tested in tests/unit/proximity.test.ts.
 */
import type { DeskKind, DeskRef } from '../../store/proximity';

export interface Desk {
  kind: DeskKind;
  id: string;
  x: number;
  z: number;
  /** within this many metres the visitor is at the desk */
  radius: number;
  /** and stays at it until this many metres further out (hysteresis: no flicker at the edge) */
  leave: number;
}

/** Another desk takes over from the current one only when it is this much closer (as a share of the current one's measure). */
export const SWITCH_RATIO = 0.8;

/**
 * The desk the visitor at (x, z) stands at, given the one they stood at before. A desk may be
 * registered as several circles under one id (a booth: its footprint and the spot in front); the
 * closeness measure is distance / radius, so small and large desks compare fairly.
 */
export function nearestDesk(desks: readonly Desk[], x: number, z: number, current: DeskRef | null): Desk | null {
  let best: Desk | null = null;
  let bestScore = Infinity;
  let kept: Desk | null = null;
  let keptScore = Infinity;
  for (let i = 0; i < desks.length; i++) {
    const d = desks[i];
    const dist = Math.hypot(x - d.x, z - d.z);
    const score = dist / d.radius;
    if (dist < d.radius && score < bestScore) {
      best = d;
      bestScore = score;
    }
    if (current && d.kind === current.kind && d.id === current.id && dist < d.radius + d.leave && score < keptScore) {
      kept = d;
      keptScore = score;
    }
  }
  if (!kept) return best;
  if (best && (best.kind !== kept.kind || best.id !== kept.id) && bestScore < keptScore * SWITCH_RATIO) return best;
  return kept;
}

const groups = new Map<string, readonly Desk[]>();

/** Every registered desk, flat (rebuilt on registration, read per frame). */
export const allDesks: Desk[] = [];

function rebuild(): void {
  allDesks.length = 0;
  for (const list of groups.values()) for (const d of list) allDesks.push(d);
}

/** Registers a group of desks (replacing the group's previous list); returns the unregister function. */
export function registerDesks(group: string, desks: readonly Desk[]): () => void {
  groups.set(group, desks);
  rebuild();
  return () => {
    if (groups.get(group) !== desks) return;
    groups.delete(group);
    rebuild();
  };
}
