/**
 * What a controller ray's hit means in the hall: a booth (its stand, above the floor, inside one of
 * the booth's desk circles) opens the booth's 3D panel; walkable ground (the layout's own test, the
 * one the server clamps to) is a teleport target; anything else (sea, roofs, walls) does nothing.
 * Pure and unit-tested (tests/unit/vrPick.test.ts).
 */
import { groundHeight, isWalkable, type HallLayout } from '../../../shared/layout';
import type { Desk } from '../scene/proximity/desks';

export type VrPick = { kind: 'booth'; id: string } | { kind: 'walk'; x: number; z: number } | { kind: 'none' };

/** a hit this far above the floor is on something standing there (a stand, a wall), not the ground */
const ABOVE_FLOOR_M = 0.25;
/** a hit on the ground may sit this far from the layout's height (terrain drawn coarser than sampled) */
const GROUND_SLACK_M = 0.6;

export function classifyHit(layout: HallLayout, desks: readonly Desk[], p: { x: number; y: number; z: number }): VrPick {
  const ground = groundHeight(layout, p.x, p.z);
  if (p.y > ground + ABOVE_FLOOR_M) {
    let best: Desk | null = null;
    let bestScore = Infinity;
    for (const d of desks) {
      if (d.kind !== 'booth') continue;
      const score = Math.hypot(p.x - d.x, p.z - d.z) / d.radius;
      if (score < 1 && score < bestScore) {
        best = d;
        bestScore = score;
      }
    }
    if (best) return { kind: 'booth', id: best.id };
  }
  if (Math.abs(p.y - ground) < GROUND_SLACK_M && isWalkable(layout, p.x, p.z)) return { kind: 'walk', x: p.x, z: p.z };
  return { kind: 'none' };
}

/** Snap turn: the thumbstick's x past THRESHOLD turns once; it must come back under RESET first. */
export const SNAP_DEG = 30;
const THRESHOLD = 0.7;
const RESET = 0.3;

export interface SnapState {
  armed: boolean;
}

/** Radians to turn the view this frame for stick x (−1..1); + is to the left (counter-clockwise from above). */
export function snapTurn(state: SnapState, stickX: number): number {
  if (Math.abs(stickX) < RESET) {
    state.armed = true;
    return 0;
  }
  if (!state.armed || Math.abs(stickX) < THRESHOLD) return 0;
  state.armed = false;
  return (stickX > 0 ? -1 : 1) * ((SNAP_DEG * Math.PI) / 180);
}
