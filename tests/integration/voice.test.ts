/**
 * Proximity voice's signalling through the hall room (issue #13, item 4), on a real server with
 * real colyseus.js clients: voice on hands out the configured ICE servers; an offer, answer, ICE
 * batch or bye reaches ONLY its target, and only while both have voice on and stand near by the
 * server's poses; a visitor muted by a moderator loses voice, cannot turn it on again, and cannot
 * signal anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/halls';
import { isWalkable } from '../../shared/layout';
import { NoticeCode } from '../../shared/protocol';
import type { ServerPayload } from '../../shared/messages';
import { VOICE_RELAY_M } from '../../shared/voice';
import { joinHall, leaveAll, type TestVisitor } from '../fixtures/visitor';
import { farSpot, hostRoom } from '../fixtures/barrier';
import { sleep, waitFor } from '../fixtures/wait';
import { startHarness, type Harness } from './apiHarness';

type VoiceMsg = ServerPayload<'voice'>;
const ICE = [{ urls: 'turn:turn.venue.test:3478', username: 'ludao', credential: 'secret' }];

let h: Harness;
const visitors: TestVisitor[] = [];
const inboxes = new WeakMap<TestVisitor, VoiceMsg[]>();
beforeAll(async () => {
  h = await startHarness({ ICE_SERVERS: JSON.stringify(ICE), HALL_CAPACITY: '20' });
}, 60_000);
afterAll(async () => {
  await leaveAll(...visitors);
  await h?.stop();
});

async function join(name: string, cookie?: string): Promise<TestVisitor> {
  const v = await joinHall(h.server.wsUrl, { name }, cookie ? { cookie } : undefined);
  const list: VoiceMsg[] = [];
  v.room.onMessage('voice', (m: VoiceMsg) => list.push(m));
  inboxes.set(v, list);
  visitors.push(v);
  return v;
}
const voiceOf = (v: TestVisitor) => inboxes.get(v)!;

const layout = getLayout('gulangyu');
/** A walkable spot near (x, z) (the server's place() refuses water and walls). */
function spotNear(x: number, z: number): { x: number; z: number } {
  for (let r = 0; r < 8; r += 0.5) {
    for (let i = 0; i < 16; i++) {
      const a = (i / 16) * Math.PI * 2;
      const p = { x: x + Math.cos(a) * r, z: z + Math.sin(a) * r };
      if (isWalkable(layout, p.x, p.z)) return p;
    }
  }
  throw new Error(`nothing walkable near ${x},${z}`);
}
function place(v: TestVisitor, p: { x: number; z: number }): void {
  expect(hostRoom(v).place(v.id, p.x, p.z)).toBe(true);
}

async function voiceOn(v: TestVisitor): Promise<void> {
  v.room.send('voice', { kind: 'on' });
  await waitFor(() => hostRoom(v).state.visitors.get(v.id)?.voice === true, 3000, `${v.id} voice on`);
}

/** Sends an offer from `a` to `b` and reports whether b got it (any other visitor's inbox is checked by the caller). */
async function offer(a: TestVisitor, b: TestVisitor, sdp: string, expectDelivered: boolean): Promise<void> {
  a.room.send('voice', { kind: 'offer', to: b.id, sdp });
  if (expectDelivered) await waitFor(() => voiceOf(b).find((m) => m.kind === 'offer' && m.sdp === sdp), 3000, `offer ${sdp}`);
  else {
    await sleep(250);
    expect(voiceOf(b).some((m) => m.kind === 'offer' && m.sdp === sdp)).toBe(false);
  }
}

describe('proximity voice signalling', () => {
  let a: TestVisitor;
  let b: TestVisitor;
  let c: TestVisitor;
  const here = spotNear(layout.spawns[0].x, layout.spawns[0].z);

  beforeAll(async () => {
    a = await join('甲');
    b = await join('乙');
    c = await join('丙');
    expect(hostRoom(a).roomId).toBe(hostRoom(c).roomId);
    for (const v of [a, b, c]) place(v, here);
  });

  it('relays nothing before both have voice on', async () => {
    await offer(a, b, 'v=0 before', false);
    await voiceOn(a);
    await offer(a, b, 'v=0 half', false);
    // a signal never reflects back to its sender either
    a.room.send('voice', { kind: 'offer', to: a.id, sdp: 'v=0 self' });
    await sleep(150);
    expect(voiceOf(a).some((m) => m.kind === 'offer')).toBe(false);
  });

  it('hands out the configured ICE servers on voice on', async () => {
    const cfg = await waitFor(() => voiceOf(a).find((m) => m.kind === 'config'), 3000, 'config');
    expect(cfg).toEqual({ kind: 'config', iceServers: ICE });
    // the flag is in everyone's state: peers know who to call
    await waitFor(() => b.room.state.visitors.get(a.id)?.voice === true, 3000, 'b sees a voice on');
  });

  it('relays offer, answer, ICE and bye to the one target only', async () => {
    await voiceOn(b);
    await voiceOn(c);
    await offer(a, b, 'v=0 hello', true);
    b.room.send('voice', { kind: 'answer', to: a.id, sdp: 'v=0 answer' });
    await waitFor(() => voiceOf(a).find((m) => m.kind === 'answer' && m.from === b.id && m.sdp === 'v=0 answer'), 3000, 'answer');
    const candidates = [{ candidate: 'candidate:1 1 udp 2122260223 192.168.1.5 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 }];
    a.room.send('voice', { kind: 'ice', to: b.id, candidates });
    await waitFor(() => voiceOf(b).find((m) => m.kind === 'ice' && m.from === a.id), 3000, 'ice');
    expect(voiceOf(b).find((m) => m.kind === 'offer')).toMatchObject({ from: a.id });
    a.room.send('voice', { kind: 'bye', to: b.id });
    await waitFor(() => voiceOf(b).find((m) => m.kind === 'bye' && m.from === a.id), 3000, 'bye');
    // c has voice on and stands right there, but nothing was for c
    await sleep(100);
    expect(voiceOf(c).filter((m) => m.kind !== 'config')).toEqual([]);
  });

  it('refuses oversized signals as malformed', async () => {
    const notices = a.inbox.notices.length;
    a.room.send('voice', { kind: 'offer', to: b.id, sdp: 'x'.repeat(10_001) });
    await waitFor(() => a.inbox.notices.slice(notices).some((n) => n.code === NoticeCode.invalidMessage), 3000, 'strike');
    expect(voiceOf(b).some((m) => m.kind === 'offer' && m.sdp.length > 10_000)).toBe(false);
  });

  it('stops relaying when the target turns voice off or walks beyond the relay radius', async () => {
    b.room.send('voice', { kind: 'off' });
    await waitFor(() => hostRoom(b).state.visitors.get(b.id)?.voice === false, 3000, 'b voice off');
    await offer(a, b, 'v=0 off', false);
    await voiceOn(b);
    await offer(a, b, 'v=0 back on', true);
    // far away (and not at the stage): the server's poses say no
    const far = farSpot(here.x, here.z, 2);
    expect(Math.hypot(far.x - here.x, far.z - here.z)).toBeGreaterThan(VOICE_RELAY_M);
    place(b, far);
    await offer(a, b, 'v=0 far', false);
    place(b, here);
    await offer(a, b, 'v=0 near again', true);
  });

  it('a muted visitor loses voice, cannot turn it on again and cannot signal', async () => {
    const mod = await join('主持人', h.cookies.organizer);
    place(mod, here);
    mod.room.send('moderate', { target: { kind: 'person', sessionId: a.id }, action: 'mute', minutes: 10 });
    // the once-a-second sweep turns the flag off and tells a
    await waitFor(() => voiceOf(a).find((m) => m.kind === 'refused' && m.reason === 'muted'), 4000, 'refused on mute');
    await waitFor(() => b.room.state.visitors.get(a.id)?.voice === false, 3000, 'b sees a voice off');
    const notices = a.inbox.notices.length;
    a.room.send('voice', { kind: 'on' });
    await waitFor(() => a.inbox.notices.slice(notices).some((n) => n.code === NoticeCode.muted), 3000, 'muted notice');
    expect(hostRoom(a).state.visitors.get(a.id)?.voice).toBe(false);
    await offer(a, b, 'v=0 muted', false);
    // b, not muted, still signals c
    await offer(b, c, 'v=0 from b', true);
  });
});
