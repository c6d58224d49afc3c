/**
 * Per-frame data that must not go through React: remote visitors' pose snapshots and the
 * local player's pose and input. Written by net/ and controls/, read inside useFrame.
 */

/** Reactions at booths waiting to float up in the 3D view (scene/booths/BoothReactions), oldest first. */
export const boothReactions: { slotId: string; kind: 'like' | 'question'; t: number }[] = [];
/** how many are floating now (the e2e probe reads it) */
export const reactionsInFlight = { n: 0 };

/** How far behind real time remote avatars are drawn, so there are always two snapshots to blend. */
export const INTERP_DELAY_MS = 120;
const RING = 8;

export interface PoseSample {
  t: number;
  x: number;
  y: number;
  z: number;
  ry: number;
}

/** A small ring of timestamped snapshots for one remote visitor. Preallocated: no garbage per patch. */
export class PoseBuffer {
  readonly samples: PoseSample[] = Array.from({ length: RING }, () => ({ t: 0, x: 0, y: 0, z: 0, ry: 0 }));
  count = 0;
  head = -1;
  anim = 0;

  push(t: number, x: number, y: number, z: number, ry: number, anim: number): void {
    this.head = (this.head + 1) % RING;
    const s = this.samples[this.head];
    s.t = t;
    s.x = x;
    s.y = y;
    s.z = z;
    s.ry = ry;
    this.anim = anim;
    if (this.count < RING) this.count++;
  }

  /** Pose at time `t` (ms), blended between the two snapshots around it; writes into `out`. */
  sample(t: number, out: PoseSample): void {
    if (this.count === 0) return;
    let newer = this.samples[this.head];
    if (this.count === 1 || t >= newer.t) {
      copy(newer, out);
      return;
    }
    for (let i = 1; i < this.count; i++) {
      const older = this.samples[(this.head - i + RING) % RING];
      if (older.t <= t) {
        const k = newer.t === older.t ? 1 : (t - older.t) / (newer.t - older.t);
        out.t = t;
        out.x = older.x + (newer.x - older.x) * k;
        out.y = older.y + (newer.y - older.y) * k;
        out.z = older.z + (newer.z - older.z) * k;
        out.ry = lerpAngle(older.ry, newer.ry, k);
        return;
      }
      newer = older;
    }
    copy(newer, out); // older than anything we hold: show the oldest
  }

  latest(): PoseSample | null {
    return this.count ? this.samples[this.head] : null;
  }
}

function copy(a: PoseSample, out: PoseSample): void {
  out.t = a.t;
  out.x = a.x;
  out.y = a.y;
  out.z = a.z;
  out.ry = a.ry;
}

export function lerpAngle(a: number, b: number, k: number): number {
  let d = (b - a) % (Math.PI * 2);
  if (d > Math.PI) d -= Math.PI * 2;
  if (d < -Math.PI) d += Math.PI * 2;
  return a + d * k;
}

/**
 * Remote visitors in range, by session id (the local visitor is excluded). The server sends full
 * poses only for visitors in the local player's cell and the eight around it (interest management);
 * a visitor who walks out of range leaves this map and appears in `farDots` instead.
 */
export const remotePoses = new Map<string, PoseBuffer>();

/**
 * Visitors out of range, by session id: a coarse position in metres (DOT_M resolution, refreshed
 * about once a second) for the minimap. Entries are updated in place; read them, do not keep them.
 */
export const farDots = new Map<string, { x: number; z: number }>();

/** The local player: predicted locally, corrected when the server disagrees. */
export const localPlayer = {
  x: 0,
  y: 0,
  z: 0,
  ry: 0,
  moving: false,
  /** set once the server has placed us */
  ready: false,
};

/** Movement intent from keyboard, touch joystick and click-to-move (controls/ write it). */
export const input = {
  /** -1..1, +1 = forward (away from camera) */
  forward: 0,
  /** -1..1, +1 = right */
  right: 0,
  /** click/tap destination, or null */
  target: null as null | { x: number; z: number },
  /** where to walk on after `target`, in order (a planned way round buildings: controls/walkTo) */
  route: [] as { x: number; z: number }[],
  /** camera yaw around the player, radians; movement is relative to it */
  cameraYaw: 0,
  cameraPitch: 0.45,
  cameraDistance: 9,
};

/** The server's last word on where we are: used to correct prediction. */
export const serverSelf = { x: 0, y: 0, z: 0, t: 0 };

export function resetTransient(): void {
  remotePoses.clear();
  farDots.clear();
  localPlayer.ready = false;
  localPlayer.moving = false;
  input.target = null;
  input.route = [];
  input.forward = 0;
  input.right = 0;
}
