/**
 * Walk-cycle state derived from how far a figure actually moved this frame, the same way for
 * the local player and for remote visitors: the legs cover the ground they travel over
 * (no skating), and the cycle fades in and out instead of popping.
 */
import { WALK_SPEED } from '../../../../shared/constants';

const TAU = Math.PI * 2;
/** ground covered by one full cycle (two steps), metres; long because WALK_SPEED is brisk */
const STRIDE = 2.2;
/** a jump this big in one frame is a teleport or correction, not walking */
const TELEPORT_M = 2;
const BREATH_PERIOD_S = 3.8;

export interface Gait {
  phase: number;
  walk: number;
  speed: number;
  breath: number;
}

export function advanceGait(g: Gait, moved: number, dt: number): void {
  if (dt <= 0) return;
  const step = moved > TELEPORT_M ? 0 : moved;
  const v = step / dt;
  g.speed += (v - g.speed) * (1 - Math.exp(-dt * 10));
  const target = Math.min(g.speed / (WALK_SPEED * 0.45), 1);
  g.walk += (target - g.walk) * (1 - Math.exp(-dt * (target > g.walk ? 10 : 6)));
  if (g.walk < 0.002) g.walk = 0;
  g.phase = (g.phase + (step * TAU) / STRIDE) % TAU;
  g.breath = (g.breath + (dt * TAU) / BREATH_PERIOD_S) % TAU;
}
