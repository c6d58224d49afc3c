/**
 * Movement: the client says where it believes it is; the server grants at most what walking
 * speed allows since the last accepted move, inside the walkable area. A client cannot teleport.
 */
import { MAX_MOVE_DT_MS, SPEED_TOLERANCE, WALK_SPEED } from '../../../shared/constants';
import { groundHeight, resolveStep, type HallLayout } from '../../../shared/layout';
import type { MovePayload } from '../../../shared/messages';
import { fromCm, toCm, yawToByte } from '../../../shared/quantize';
import type { Visitor } from '../../../shared/schema/Visitor';

export interface MoveClock {
  lastMoveAt: number;
}

/** Slack for rounding and for the first step after standing still. */
const SLACK_M = 0.1;
const step = { x: 0, z: 0 };

export function applyMove(v: Visitor, clock: MoveClock, p: MovePayload, now: number, layout: HallLayout): { clamped: boolean } {
  const dt = Math.min(Math.max(now - clock.lastMoveAt, 0), MAX_MOVE_DT_MS) / 1000;
  clock.lastMoveAt = now;
  const curX = fromCm(v.x);
  const curZ = fromCm(v.z);
  let dx = p.x - curX;
  let dz = p.z - curZ;
  const dist = Math.hypot(dx, dz);
  const maxDist = WALK_SPEED * SPEED_TOLERANCE * dt + SLACK_M;
  let clamped = false;
  if (dist > maxDist) {
    const k = maxDist / dist;
    dx *= k;
    dz *= k;
    clamped = true;
  }
  resolveStep(layout, curX, curZ, curX + dx, curZ + dz, step);
  if (step.x !== curX + dx || step.z !== curZ + dz) clamped = true;
  v.x = toCm(step.x);
  v.z = toCm(step.z);
  v.y = toCm(groundHeight(layout, step.x, step.z));
  v.ry = yawToByte(p.ry);
  v.anim = p.moving ? 1 : 0;
  return { clamped };
}
