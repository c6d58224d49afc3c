/**
 * "Walk there": the way from where one stands to a point, round buildings and along bridges, as
 * waypoints the local motion walks one after another (input.target, then input.route). Planned
 * on the layout's walkable ground by the guide's planner (shared/tourPath), so "take me there"
 * from the passport, a booth or the map arrives instead of stopping at the first wall. Keys or
 * the joystick drop the way at once (controls/localMotion).
 */
import type { HallLayout } from '../../../shared/layout';
import { planPath } from '../../../shared/tourPath';
import { input, localPlayer } from '../store/transient';

export function walkTo(layout: HallLayout, to: { x: number; z: number }): boolean {
  if (!localPlayer.ready) return false;
  const path = planPath(layout, { x: localPlayer.x, z: localPlayer.z }, to);
  input.target = path[0] ?? null;
  input.route = path.slice(1);
  return true;
}

/** Where the current walk ends (the last waypoint), or null when not walking anywhere. */
export function walkDestination(): { x: number; z: number } | null {
  return input.route.at(-1) ?? input.target;
}
