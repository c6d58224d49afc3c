/**
 * Client-side prediction of the local player: intents (keys, joystick, a click target) become
 * a step through the same walkability rules the server applies, so what you see is what the
 * server will accept. The server stays the authority: when it settles somewhere else, we go there.
 */
import { WALK_SPEED } from '../../../shared/constants';
import { groundHeight, resolveStep, type HallLayout } from '../../../shared/layout';
import { input, lerpAngle, localPlayer, serverSelf } from '../store/transient';

/** close enough to a click target to stop */
const ARRIVE_M = 0.2;
/** stuck against something this long while heading for a target: give up on it */
const STUCK_S = 0.4;
const TURN_RATE = 12;
/** prediction and server may disagree by this much while walking (send interval + round trip) */
const DRIFT_M = 1.5;
/** beyond this the server moved us on purpose (or refused a long way): snap at once */
const SNAP_M = 6;
/** wait this long after stopping, and after the server last changed, before trusting its position */
const SETTLE_MS = 300;
const IDLE_SETTLE_MS = 600;

const out = { x: 0, z: 0 };
const state = { stuckFor: 0, idleSince: 0, correcting: false };

/** The direction you intend to walk (world x/z, length 0..1), from keys or joystick, else a target. */
function intent(dir: { x: number; z: number; speed: number }): void {
  const f = input.forward;
  const r = input.right;
  if (f !== 0 || r !== 0) {
    input.target = null;
    input.route = [];
    // forward is away from the camera; right is the camera's right: (-cos yaw, sin yaw)
    const s = Math.sin(input.cameraYaw);
    const c = Math.cos(input.cameraYaw);
    let x = s * f - c * r;
    let z = c * f + s * r;
    const len = Math.hypot(x, z);
    if (len > 1) {
      x /= len;
      z /= len;
    }
    dir.x = x;
    dir.z = z;
    dir.speed = WALK_SPEED;
    return;
  }
  const t = input.target;
  if (t) {
    const dx = t.x - localPlayer.x;
    const dz = t.z - localPlayer.z;
    const d = Math.hypot(dx, dz);
    if (d < ARRIVE_M) {
      // on to the next waypoint of a planned way, if any (next frame)
      input.target = input.route.shift() ?? null;
    } else {
      dir.x = dx / d;
      dir.z = dz / d;
      dir.speed = WALK_SPEED;
      return;
    }
  }
  dir.x = 0;
  dir.z = 0;
  dir.speed = 0;
}

const dir = { x: 0, z: 0, speed: 0 };

/** Advances the local player by `dt` seconds. Call once per frame, before anything reads the pose. */
export function stepLocalPlayer(layout: HallLayout, dt: number, now: number): void {
  intent(dir);
  const px = localPlayer.x;
  const pz = localPlayer.z;
  let step = dir.speed * dt;
  // do not overshoot a target on the last frame
  if (input.target) step = Math.min(step, Math.hypot(input.target.x - px, input.target.z - pz));
  let moved = 0;
  if (step > 0 && (dir.x !== 0 || dir.z !== 0)) {
    resolveStep(layout, px, pz, px + dir.x * step, pz + dir.z * step, out);
    localPlayer.x = out.x;
    localPlayer.z = out.z;
    moved = Math.hypot(out.x - px, out.z - pz);
    if (input.target) {
      state.stuckFor = moved < step * 0.25 ? state.stuckFor + dt : 0;
      if (state.stuckFor > STUCK_S) {
        input.target = null;
        input.route = [];
      }
    }
  }
  const wasMoving = localPlayer.moving;
  localPlayer.moving = moved > 1e-4;
  if (localPlayer.moving) {
    // face where the feet actually go (sliding along a wall turns you along it)
    const want = Math.atan2(localPlayer.x - px, localPlayer.z - pz);
    localPlayer.ry = wrap(lerpAngle(localPlayer.ry, want, 1 - Math.exp(-dt * TURN_RATE)));
    state.correcting = false;
  } else if (wasMoving) {
    state.idleSince = now;
  }
  correct(dt, now);
  localPlayer.y = groundHeight(layout, localPlayer.x, localPlayer.z);
}

/**
 * Pulls the prediction back to the server's position when they disagree for real: after the
 * player has stood still long enough for the last move to round-trip, or at once if far apart.
 */
function correct(dt: number, now: number): void {
  if (!serverSelf.t) return;
  const dx = serverSelf.x - localPlayer.x;
  const dz = serverSelf.z - localPlayer.z;
  const gap = Math.hypot(dx, dz);
  if (gap > SNAP_M) {
    localPlayer.x = serverSelf.x;
    localPlayer.z = serverSelf.z;
    input.target = null;
    input.route = [];
    return;
  }
  const settled = !localPlayer.moving && now - state.idleSince > IDLE_SETTLE_MS && now - serverSelf.t > SETTLE_MS;
  if (settled && gap > DRIFT_M) state.correcting = true;
  if (!state.correcting) return;
  if (gap < 0.02) {
    state.correcting = false;
    return;
  }
  const k = 1 - Math.exp(-dt * 8);
  localPlayer.x += dx * k;
  localPlayer.z += dz * k;
}

/**
 * While easing back to the server's position, reporting the in-between points would drag the
 * server towards where we wrongly were; the caller holds its moves until this is false again.
 */
export function isCorrecting(): boolean {
  return state.correcting;
}

function wrap(a: number): number {
  const TAU = Math.PI * 2;
  return a - TAU * Math.floor((a + Math.PI) / TAU);
}
