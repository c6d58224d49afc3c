/**
 * Everyone drawn in the hall, as plain mutable records: React syncs who is here (rarely),
 * the frame loop moves them (always). Remote poses are sampled from their PoseBuffer slightly
 * in the past and then eased, which hides the uneven spacing of 10 Hz moves carried by 20 Hz patches.
 */
import * as THREE from 'three';
import { AVATAR_COLORS } from '../../../../shared/constants';
import { groundHeight, type HallLayout } from '../../../../shared/layout';
import type { VisitorInfo } from '../../store/visitorsSlice';
import { INTERP_DELAY_MS, lerpAngle, localPlayer, remotePoses, type PoseSample } from '../../store/transient';
import { advanceGait, type Gait } from './gait';

export interface CrowdMember extends Gait {
  id: string;
  self: boolean;
  name: string;
  style: number;
  colorIndex: number;
  connected: boolean;
  /** a 2D catalog visitor (issue #13): drawn seated at the entrance */
  seated: boolean;
  /** linear RGB of the visitor's colour */
  rgb: THREE.Color;
  /** drawn pose */
  x: number;
  y: number;
  z: number;
  ry: number;
  /** false until a pose has arrived: such members are not drawn */
  placed: boolean;
  /** 1 = solid; eased towards ~0.4 while disconnected */
  alpha: number;
}

/** The members in draw order; rebuilt by syncCrowd, mutated in place by updateCrowd. */
export const crowd: CrowdMember[] = [];
const byId = new Map<string, CrowdMember>();

/** Remote easing time constant: long enough to smooth 100/150 ms sample spacing, short enough not to lag visibly. */
const FOLLOW_TAU_S = 0.09;
const TURN_TAU_S = 0.07;
const SNAP_M = 4;
const GHOST_ALPHA = 0.4;

export function syncCrowd(visitors: Record<string, VisitorInfo>, selfId: string | null): void {
  for (const [id, m] of byId) if (!visitors[id] || (id === selfId) !== m.self) byId.delete(id);
  crowd.length = 0;
  for (const v of Object.values(visitors)) {
    let m = byId.get(v.id);
    if (!m) {
      m = {
        id: v.id,
        self: v.id === selfId,
        name: v.name,
        style: v.style,
        colorIndex: v.color,
        connected: v.connected,
        seated: v.seated,
        rgb: new THREE.Color(),
        x: 0,
        y: 0,
        z: 0,
        ry: 0,
        placed: false,
        alpha: 1,
        phase: 0,
        walk: 0,
        speed: 0,
        // people do not breathe in unison
        breath: Math.random() * Math.PI * 2,
      };
      byId.set(v.id, m);
    }
    m.name = v.name;
    m.style = v.style;
    m.colorIndex = v.color;
    m.connected = v.connected;
    m.seated = v.seated;
    m.rgb.set(AVATAR_COLORS[v.color] ?? AVATAR_COLORS[0]);
    crowd.push(m);
  }
}

const sample: PoseSample = { t: 0, x: 0, y: 0, z: 0, ry: 0 };

export function updateCrowd(layout: HallLayout, now: number, dt: number): void {
  const follow = 1 - Math.exp(-dt / FOLLOW_TAU_S);
  const turn = 1 - Math.exp(-dt / TURN_TAU_S);
  const fade = 1 - Math.exp(-dt * 4);
  for (let i = 0; i < crowd.length; i++) {
    const m = crowd[i];
    let tx: number, tz: number, tyaw: number;
    if (m.self) {
      if (!localPlayer.ready) {
        m.placed = false;
        continue;
      }
      tx = localPlayer.x;
      tz = localPlayer.z;
      tyaw = localPlayer.ry;
    } else {
      const buf = remotePoses.get(m.id);
      // no poses (yet, or no longer: out of interest range): not drawn rather than frozen
      if (!buf || buf.count === 0) {
        m.placed = false;
        continue;
      }
      buf.sample(now - INTERP_DELAY_MS, sample);
      tx = sample.x;
      tz = sample.z;
      tyaw = sample.ry;
    }
    const lx = m.x;
    const lz = m.z;
    // The local player is already smooth (predicted every frame); a remote that jumped far teleported.
    if (m.self || !m.placed || Math.hypot(tx - m.x, tz - m.z) > SNAP_M) {
      m.x = tx;
      m.z = tz;
      m.ry = tyaw;
    } else {
      m.x += (tx - m.x) * follow;
      m.z += (tz - m.z) * follow;
      m.ry = lerpAngle(m.ry, tyaw, turn);
    }
    m.y = groundHeight(layout, m.x, m.z);
    advanceGait(m, m.placed ? Math.hypot(m.x - lx, m.z - lz) : 0, dt);
    m.placed = true;
    m.alpha += ((m.connected ? 1 : GHOST_ALPHA) - m.alpha) * fade;
    if (m.alpha > 0.995) m.alpha = 1;
  }
}
