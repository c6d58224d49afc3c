/**
 * Proximity voice's pure parts (issue #13, item 4): who is whose peer (stage, booth, nearest, with
 * hysteresis and the cap), how loud, when the server relays, the signal schemas' limits, and the
 * ICE server configuration (empty by default, TURN credentials minted from a shared secret).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/halls';
import { isWalkable, SLOT_RADIUS } from '../../shared/layout';
import { slotAt } from '../../shared/boothReach';
import {
  VOICE_DROP_M,
  VOICE_DUCK,
  VOICE_JOIN_M,
  VOICE_MAX_PEERS,
  VOICE_STAGE_LISTENERS,
  atSpeakingSpot,
  inStageAudience,
  relayAllowed,
  selectVoicePeers,
  stageSpeakingSpot,
  voiceGain,
  voiceOfferer,
  type VoiceParty,
} from '../../shared/voice';
import { voiceCommandSchema, VOICE_SDP_MAX } from '../../shared/api/voice';
import { clientMessages } from '../../shared/messages';
import { iceServersFor, readVoiceConfig } from '../../server/voice/config';
import { sweepVoice } from '../../server/voice/handlers';
import { Visitor } from '../../shared/schema/Visitor';

const layout = getLayout('gulangyu');
/** an open square well away from the stage and the booths, to test plain proximity */
const far = { x: -60, z: -30 };
const party = (id: string, dx: number, dz = 0, staffSlot = ''): VoiceParty => ({ id, x: far.x + dx, z: far.z + dz, staffSlot });
const select = (self: VoiceParty, others: VoiceParty[], current: string[] = [], stageVideo = false) =>
  selectVoicePeers({ layout, self, others, current: new Set(current), stageVideo });

describe('voice gain', () => {
  it('is full up close, falls with distance, and is 0 from the drop radius on', () => {
    expect(voiceGain(0)).toBe(1);
    expect(voiceGain(2)).toBe(1);
    expect(voiceGain(4)).toBeCloseTo(0.5);
    for (let d = 2; d < VOICE_DROP_M; d += 0.5) expect(voiceGain(d + 0.5)).toBeLessThan(voiceGain(d));
    expect(voiceGain(VOICE_DROP_M)).toBe(0);
    expect(voiceGain(50)).toBe(0);
    expect(voiceGain(Number.NaN)).toBe(0);
  });
});

describe('peer selection', () => {
  const me = party('m', 0);

  it('joins within the join radius, keeps a current peer until the drop radius (hysteresis)', () => {
    const o = party('o', VOICE_JOIN_M + 1);
    expect(select(me, [o])).toEqual([]);
    expect(select(me, [o], ['o']).map((p) => p.id)).toEqual(['o']);
    expect(select(me, [party('o', VOICE_DROP_M + 0.5)], ['o'])).toEqual([]);
    expect(select(me, [party('o', VOICE_JOIN_M - 1)])[0]).toMatchObject({ id: 'o', role: 'near' });
    // oneself is never a peer
    expect(select(me, [me])).toEqual([]);
  });

  it('keeps the nearest VOICE_MAX_PEERS', () => {
    const others = Array.from({ length: 12 }, (_, i) => party(`p${String(i).padStart(2, '0')}`, 0.5 + (11 - i) * 0.7));
    const chosen = select(me, others);
    expect(chosen).toHaveLength(VOICE_MAX_PEERS);
    expect(chosen.map((p) => p.id)).toEqual(
      others
        .slice(4)
        .reverse()
        .map((p) => p.id),
    );
    expect(chosen[0].gain).toBeGreaterThanOrEqual(chosen[7].gain);
  });

  it('puts staff at their booth and the visitor in front of them first, at full volume', () => {
    const slot = layout.boothSlots[0];
    const r = SLOT_RADIUS[slot.size] + 1;
    const visitor: VoiceParty = { id: 'v', x: slot.x, z: slot.z + r, staffSlot: '' };
    const staff: VoiceParty = { id: 's', x: slot.x, z: slot.z - r, staffSlot: slot.id };
    // eight chatty people closer to the visitor than the staff member
    const crowd = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, x: visitor.x + 0.1 * i, z: visitor.z + 0.5, staffSlot: '' }));
    expect(slotAt(layout, visitor.x, visitor.z)).toBe(slot.id);
    const chosen = selectVoicePeers({ layout, self: visitor, others: [...crowd, staff], current: new Set() });
    expect(chosen).toHaveLength(VOICE_MAX_PEERS);
    expect(chosen[0]).toMatchObject({ id: 's', role: 'booth', gain: 1 });
    // the staff member sees the visitor the same way
    expect(selectVoicePeers({ layout, self: staff, others: [visitor], current: new Set() })[0]).toMatchObject({ id: 'v', role: 'booth' });
    // staff of another booth standing here are plain neighbours
    const other = { ...staff, staffSlot: layout.boothSlots[1].id };
    expect(selectVoicePeers({ layout, self: visitor, others: [other], current: new Set() })[0]?.role).not.toBe('booth');
  });

  it('the stage: its speaker is heard by the whole audience at full volume, proximity ducked', () => {
    const spot = stageSpeakingSpot(layout);
    expect(isWalkable(layout, spot.x, spot.z)).toBe(true);
    expect(atSpeakingSpot(layout, spot.x, spot.z)).toBe(true);
    // the audience stands in front of the dais (+z for Gulangyu's stage, ry 0)
    const listener: VoiceParty = { id: 'l', x: spot.x + 3, z: spot.z + 14, staffSlot: '' };
    expect(inStageAudience(layout, listener.x, listener.z)).toBe(true);
    const speaker: VoiceParty = { id: 'sp', ...spot, staffSlot: '' };
    const neighbour: VoiceParty = { id: 'n', x: listener.x + 2, z: listener.z, staffSlot: '' };
    const chosen = selectVoicePeers({ layout, self: listener, others: [neighbour, speaker], current: new Set() });
    expect(chosen[0]).toMatchObject({ id: 'sp', role: 'stage', gain: 1 });
    expect(chosen[1]).toMatchObject({ id: 'n', role: 'near' });
    expect(chosen[1].gain).toBeCloseTo(voiceGain(2) * VOICE_DUCK);
    // with nobody on the dais, the stage video ducks proximity as well
    const video = selectVoicePeers({ layout, self: listener, others: [neighbour], current: new Set(), stageVideo: true });
    expect(video[0].gain).toBeCloseTo(voiceGain(2) * VOICE_DUCK);
    const quiet = selectVoicePeers({ layout, self: listener, others: [neighbour], current: new Set() });
    expect(quiet[0].gain).toBeCloseTo(voiceGain(2));
  });

  it('the speaker connects up to VOICE_STAGE_LISTENERS listeners, beyond the proximity cap', () => {
    const spot = stageSpeakingSpot(layout);
    const speaker: VoiceParty = { id: 'sp', ...spot, staffSlot: '' };
    const crowd: VoiceParty[] = [];
    for (let i = 0; i < 40; i++)
      crowd.push({ id: `a${String(i).padStart(2, '0')}`, x: spot.x - 8 + (i % 8) * 2, z: spot.z + 3 + Math.floor(i / 8) * 2.5, staffSlot: '' });
    expect(crowd.every((c) => inStageAudience(layout, c.x, c.z))).toBe(true);
    const chosen = selectVoicePeers({ layout, self: speaker, others: crowd, current: new Set() });
    expect(chosen.filter((p) => p.role === 'audience')).toHaveLength(VOICE_STAGE_LISTENERS);
  });
});

describe('the relay rule (server poses)', () => {
  it('within 20 m, or speaker and audience', () => {
    expect(relayAllowed(layout, { x: 0, z: 0 }, { x: 19, z: 0 })).toBe(true);
    expect(relayAllowed(layout, { x: 0, z: 0 }, { x: 21, z: 0 })).toBe(false);
    const spot = stageSpeakingSpot(layout);
    expect(relayAllowed(layout, spot, { x: spot.x + 8, z: spot.z + 16 })).toBe(true);
  });
  it('glare: the lower session id offers', () => {
    expect(voiceOfferer('b', 'a')).toBe('a');
    expect(voiceOfferer('a', 'b')).toBe('a');
  });
});

describe('signal validation', () => {
  const ok = (v: unknown) => voiceCommandSchema.safeParse(v).success;
  it('takes on/off and well-formed signals to one session', () => {
    expect(clientMessages.voice.schema).toBe(voiceCommandSchema);
    expect(ok({ kind: 'on' })).toBe(true);
    expect(ok({ kind: 'off' })).toBe(true);
    expect(ok({ kind: 'offer', to: 'abcDEF_12-3', sdp: 'v=0' })).toBe(true);
    expect(ok({ kind: 'ice', to: 'abc', candidates: [{ candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 }] })).toBe(true);
    expect(ok({ kind: 'bye', to: 'abc' })).toBe(true);
  });
  it('refuses oversized SDP and candidates, extra fields, bad targets and empty batches', () => {
    expect(ok({ kind: 'offer', to: 'abc', sdp: 'x'.repeat(VOICE_SDP_MAX + 1) })).toBe(false);
    expect(ok({ kind: 'answer', to: 'abc', sdp: '' })).toBe(false);
    expect(ok({ kind: 'ice', to: 'abc', candidates: [{ candidate: 'c'.repeat(1001), sdpMid: null, sdpMLineIndex: null }] })).toBe(false);
    expect(ok({ kind: 'ice', to: 'abc', candidates: [] })).toBe(false);
    expect(ok({ kind: 'ice', to: 'abc', candidates: Array(9).fill({ candidate: 'c', sdpMid: null, sdpMLineIndex: null }) })).toBe(false);
    expect(ok({ kind: 'offer', to: '../all', sdp: 'v=0' })).toBe(false);
    expect(ok({ kind: 'offer', to: 'abc', sdp: 'v=0', all: true })).toBe(false);
    expect(ok({ kind: 'on', to: 'abc' })).toBe(false);
  });
});

describe('ICE server configuration', () => {
  it('is empty by default: nothing reaches a third-party STUN server', () => {
    expect(readVoiceConfig({}).iceServers).toEqual([]);
    expect(iceServersFor(readVoiceConfig({}), 's1', 0)).toEqual([]);
  });
  it('passes ICE_SERVERS through, and refuses a malformed value at start', () => {
    const list = [{ urls: ['stun:turn.venue.cn:3478', 'turn:turn.venue.cn:3478?transport=udp'], username: 'u', credential: 'p' }];
    expect(readVoiceConfig({ ICE_SERVERS: JSON.stringify(list) }).iceServers).toEqual(list);
    expect(() => readVoiceConfig({ ICE_SERVERS: 'stun:x' })).toThrow(/JSON/);
    expect(() => readVoiceConfig({ ICE_SERVERS: '[{"urls":"http://x"}]' })).toThrow(/ICE_SERVERS/);
  });
  it('mints coturn REST credentials from TURN_SECRET for TURN entries without a username', () => {
    const cfg = readVoiceConfig({
      ICE_SERVERS: '[{"urls":"turn:turn.venue.cn:3478"},{"urls":"stun:turn.venue.cn:3478"}]',
      TURN_SECRET: 'north',
      TURN_TTL_S: '3600',
    });
    const [turn, stun] = iceServersFor(cfg, 'sess1', 1_000_000);
    expect(turn.username).toBe('4600:sess1');
    expect(turn.credential).toBe(createHmac('sha1', 'north').update('4600:sess1').digest('base64'));
    expect(stun).toEqual({ urls: 'stun:turn.venue.cn:3478' });
  });
});

describe('the mute sweep', () => {
  it('turns voice off for a barred or disconnected visitor and tells the connected one', () => {
    const mk = (voice: boolean, connected = true) => Object.assign(new Visitor(), { voice, connected });
    const vs = new Map([
      ['ok', mk(true)],
      ['muted', mk(true)],
      ['gone', mk(true, false)],
      ['off', mk(false)],
    ]);
    const told: string[] = [];
    expect(
      sweepVoice(
        vs.entries(),
        (id) => id === 'muted',
        (id) => told.push(id),
      ),
    ).toBe(2);
    expect([...vs].filter(([, v]) => v.voice).map(([id]) => id)).toEqual(['ok']);
    expect(told).toEqual(['muted']);
  });
});
