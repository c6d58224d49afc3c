/**
 * Who talks with whom in proximity voice (issue #13, item 4): pure rules shared by the client (which
 * peers to connect, how loud each is) and the server (whether to relay a signal at all).
 *
 * Priorities, highest first:
 * 1. the stage: a visitor at the stage's speaking spot is heard by everyone in its audience area, at
 *    full volume (up to VOICE_STAGE_LISTENERS listeners on the speaker's side);
 * 2. a booth: staff on duty at their booth and a visitor at that booth are always each other's peers;
 * 3. plain proximity: the nearest, joined within VOICE_JOIN_M and dropped beyond VOICE_DROP_M
 *    (hysteresis, so someone at the edge does not flap), at most VOICE_MAX_PEERS in all.
 * In the audience area, plain proximity voices are ducked while the stage has a speaker or plays its video.
 */
import type { HallLayout } from './layout';
import { slotAt } from './boothReach';

export const VOICE_JOIN_M = 10;
export const VOICE_DROP_M = 13;
export const VOICE_MAX_PEERS = 8;
/** the server relays signals within this distance by its own poses: generous, as the client's view lags */
export const VOICE_RELAY_M = 20;
export const VOICE_STAGE_LISTENERS = 30;
/** full volume up to here, then falling off to VOICE_DROP_M */
export const VOICE_FULL_M = 2;
/** what proximity voices are multiplied by in the stage's audience while the stage speaks or plays */
export const VOICE_DUCK = 0.2;

/** The speaking spot: on the dais in front of the screen (stage-local metres, +z towards the audience). */
const SPOT = { x: 0, z: 1.8, r: 1.6 };
/** The audience area in stage-local metres: in front of the dais. */
const AUDIENCE = { halfW: 9, z0: 3.4, z1: 18 };

/** A point in the stage's local frame (the scene's group uses rotation-y = ry). */
function stageLocal(layout: HallLayout, x: number, z: number): { lx: number; lz: number } {
  const { x: sx, z: sz, ry } = layout.stage;
  const dx = x - sx;
  const dz = z - sz;
  const c = Math.cos(ry);
  const s = Math.sin(ry);
  return { lx: dx * c - dz * s, lz: dx * s + dz * c };
}

/** The speaking spot in world metres (where a speaker stands; tests walk there). */
export function stageSpeakingSpot(layout: HallLayout): { x: number; z: number } {
  const { x: sx, z: sz, ry } = layout.stage;
  return { x: sx + SPOT.x * Math.cos(ry) + SPOT.z * Math.sin(ry), z: sz - SPOT.x * Math.sin(ry) + SPOT.z * Math.cos(ry) };
}

export function atSpeakingSpot(layout: HallLayout, x: number, z: number): boolean {
  const { lx, lz } = stageLocal(layout, x, z);
  return (lx - SPOT.x) ** 2 + (lz - SPOT.z) ** 2 <= SPOT.r * SPOT.r;
}

export function inStageAudience(layout: HallLayout, x: number, z: number): boolean {
  const { lx, lz } = stageLocal(layout, x, z);
  return Math.abs(lx) <= AUDIENCE.halfW && lz >= AUDIENCE.z0 && lz <= AUDIENCE.z1;
}

/** Volume by distance: 1 up to VOICE_FULL_M, then an inverse-distance fall that reaches 0 at VOICE_DROP_M. */
export function voiceGain(d: number): number {
  if (!(d >= 0)) return 0;
  if (d <= VOICE_FULL_M) return 1;
  if (d >= VOICE_DROP_M) return 0;
  // inverse distance (how sound falls off), faded to zero over the last metres so a dropped peer does not click off
  const fade = Math.min(1, (VOICE_DROP_M - d) / 3);
  return (VOICE_FULL_M / d) * fade;
}

export interface VoiceParty {
  id: string;
  x: number;
  z: number;
  /** the booth slot this visitor is staff on duty for, '' for everyone else */
  staffSlot: string;
}

export type VoiceRole = 'stage' | 'audience' | 'booth' | 'near';

export interface VoicePeer {
  id: string;
  role: VoiceRole;
  /** 0..1, what the peer's voice is played at here */
  gain: number;
  d: number;
}

export interface SelectInput {
  layout: HallLayout;
  self: VoiceParty;
  /** the others with voice on, whose poses this client knows */
  others: readonly VoiceParty[];
  /** the peers connected now (hysteresis: they are kept until VOICE_DROP_M) */
  current: ReadonlySet<string>;
  /** the stage plays its video now: proximity is ducked in the audience */
  stageVideo?: boolean;
}

/** Staff at their own booth and a visitor at the same booth: a priority pair. */
function boothPair(layout: HallLayout, a: VoiceParty, b: VoiceParty): boolean {
  const staff = a.staffSlot ? a : b.staffSlot ? b : null;
  if (!staff) return false;
  const slot = slotAt(layout, staff.x, staff.z);
  if (!slot || slot !== staff.staffSlot) return false;
  const other = staff === a ? b : a;
  return slotAt(layout, other.x, other.z) === slot;
}

/**
 * The peers this visitor should be connected to now, with their roles and volumes, priority first.
 * `audience` peers are listeners of this visitor's stage talk (played at proximity volume, usually 0).
 */
export function selectVoicePeers({ layout, self, others, current, stageVideo = false }: SelectInput): VoicePeer[] {
  const selfSpeaks = atSpeakingSpot(layout, self.x, self.z);
  const selfListens = !selfSpeaks && inStageAudience(layout, self.x, self.z);
  const stage: VoicePeer[] = [];
  const audience: VoicePeer[] = [];
  const booth: VoicePeer[] = [];
  const near: VoicePeer[] = [];
  for (const o of others) {
    if (o.id === self.id) continue;
    const d = Math.hypot(o.x - self.x, o.z - self.z);
    if (selfListens && atSpeakingSpot(layout, o.x, o.z)) stage.push({ id: o.id, role: 'stage', gain: 1, d });
    else if (selfSpeaks && inStageAudience(layout, o.x, o.z) && !atSpeakingSpot(layout, o.x, o.z))
      audience.push({ id: o.id, role: 'audience', gain: voiceGain(d), d });
    else if (boothPair(layout, self, o)) booth.push({ id: o.id, role: 'booth', gain: 1, d });
    else if (d <= (current.has(o.id) ? VOICE_DROP_M : VOICE_JOIN_M)) near.push({ id: o.id, role: 'near', gain: voiceGain(d), d });
  }
  const byDistance = (a: VoicePeer, b: VoicePeer) => a.d - b.d || (a.id < b.id ? -1 : 1);
  for (const list of [stage, audience, booth, near]) list.sort(byDistance);
  // the speaker's listeners have a cap of their own; everyone else shares VOICE_MAX_PEERS, priority first
  const chosen: VoicePeer[] = audience.slice(0, VOICE_STAGE_LISTENERS);
  const rest = [...stage, ...booth, ...near].slice(0, VOICE_MAX_PEERS);
  const duck = selfListens && (stage.length > 0 || stageVideo) ? VOICE_DUCK : 1;
  for (const p of rest) chosen.push(p.role === 'near' ? { ...p, gain: p.gain * duck } : p);
  return chosen;
}

/**
 * Whether the server relays a signal between two visitors, by its own poses: both have voice on
 * (checked by the caller), and they are within VOICE_RELAY_M, or one speaks at the stage and the
 * other is in its audience.
 */
export function relayAllowed(layout: HallLayout, a: { x: number; z: number }, b: { x: number; z: number }): boolean {
  if (Math.hypot(a.x - b.x, a.z - b.z) <= VOICE_RELAY_M) return true;
  const aSpeaks = atSpeakingSpot(layout, a.x, a.z);
  const bSpeaks = atSpeakingSpot(layout, b.x, b.z);
  return (aSpeaks && inStageAudience(layout, b.x, b.z)) || (bSpeaks && inStageAudience(layout, a.x, a.z));
}

/** Glare: when two peers both want a connection, the lower session id makes the offer. */
export const voiceOfferer = (a: string, b: string): string => (a < b ? a : b);
