/**
 * Crowds (issue #5) on a real server with real colyseus.js clients: instance capacity and
 * overflow, invite codes, announcements to every instance, interest management over the wire,
 * abuse limits (per-IP matchmaking, payload caps, reserved-seat floods, flooding clients) and a
 * graceful shutdown with several instances open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { matchMaker } from '@colyseus/core';
import { fromDot } from '../../shared/interest';
import { CloseCode, JoinError, NoticeCode, ROOM_HALL } from '../../shared/protocol';
import { C2S, S2C, type AnnouncePayload } from '../../shared/messages';
import { HallState } from '../../shared/schema/HallState';
import { startServer, type TestServer } from '../fixtures/server';
import { joinHall, joinOptions, leaveAll, positionOf, record, sendMove, type TestVisitor } from '../fixtures/visitor';
import { sleep, waitFor } from '../fixtures/wait';
import { farSpot, hostRoom } from '../fixtures/barrier';

const CAPACITY = 3;
const BURST = 5;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ HALL_CAPACITY: String(CAPACITY), SEAT_RESERVATION_S: '1', MATCHMAKE_BURST: String(BURST), MATCHMAKE_PER_MINUTE: '6' });
});
afterAll(async () => {
  await server?.stop();
});

const instanceOf = (v: TestVisitor) => waitFor(() => v.room.state.instance, 3000, 'instance number');

/** A raw matchmaking request, the way a script (not a browser) would send one. */
async function matchmake(method: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${server.httpUrl}/matchmake/${method}/${ROOM_HALL}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not json */
  }
  return { status: res.status, json };
}

describe('capacity and instances', () => {
  it('fills an instance to the cap, then opens the next instance of the same hall by itself', async () => {
    const first = [];
    for (let i = 0; i < CAPACITY; i++) first.push(await joinHall(server.wsUrl, { name: `Early ${i}` }));
    const late = await joinHall(server.wsUrl, { name: 'Late' });
    const other = await joinHall(server.wsUrl, { name: 'Elsewhere', hallId: 'shapowei' });
    try {
      const roomIds = new Set(first.map((v) => v.room.roomId));
      expect(roomIds.size).toBe(1);
      expect(await instanceOf(first[0])).toBe(1);
      expect(late.room.roomId).not.toBe(first[0].room.roomId);
      expect(await instanceOf(late)).toBe(2);
      // Each hall numbers its own instances.
      expect(await instanceOf(other)).toBe(1);
      // Instance 1 sees only its own visitors.
      expect(first[0].room.state.visitors.size).toBe(CAPACITY);
      expect(late.room.state.visitors.size).toBe(1);
    } finally {
      await leaveAll(...first, late, other);
    }
  });

  it('numbers come free again: a new overflow after the old one closed reuses the lowest free number', async () => {
    const a = await Promise.all(Array.from({ length: CAPACITY }, (_, i) => joinHall(server.wsUrl, { name: `A${i}` })));
    const b = await joinHall(server.wsUrl, { name: 'B' });
    const n = await instanceOf(b);
    await leaveAll(b);
    await waitFor(async () => (await matchMaker.query({ roomId: b.room.roomId })).length === 0, 3000, 'instance closed');
    const c = await joinHall(server.wsUrl, { name: 'C' });
    try {
      expect(await instanceOf(c)).toBe(n);
    } finally {
      await leaveAll(...a, c);
    }
  });

  it('an invite code puts a friend in the same instance; a full instance or another hall refuses it', async () => {
    const host = await joinHall(server.wsUrl, { name: 'Host' });
    const code = host.room.roomId;
    const guests: TestVisitor[] = [];
    const byInvite = async (name: string, hallId = 'gulangyu') => {
      const client = new Client(server.wsUrl);
      const room = await client.joinById<HallState>(code, joinOptions({ name, hallId }), HallState);
      const v: TestVisitor = { client, room, inbox: record(room), id: room.sessionId };
      guests.push(v);
      return v;
    };
    try {
      const friend = await byInvite('Friend');
      expect(friend.room.roomId).toBe(code);
      await waitFor(() => host.room.state.visitors.get(friend.id)?.name === 'Friend', 3000, 'host sees friend');
      // An invite to a gulangyu instance used for shapowei is refused, and costs no visitor.
      await expect(byInvite('Lost', 'shapowei')).rejects.toThrow(JoinError.wrongHall);
      // Up to the cap; then the next invitee is refused (the browser then joins wherever there is room).
      for (let i = 2; i < CAPACITY; i++) await byInvite(`Guest ${i}`);
      await waitFor(() => host.room.state.visitors.size === CAPACITY, 3000, 'instance full');
      await expect(byInvite('One too many')).rejects.toThrow(/locked|full/);
      expect(host.room.state.visitors.size).toBe(CAPACITY);
    } finally {
      await leaveAll(host, ...guests);
    }
  });

  it('an announcement to a hall reaches every instance of it, and no other hall', async () => {
    const a = await Promise.all(Array.from({ length: CAPACITY }, (_, i) => joinHall(server.wsUrl, { name: `Crowd ${i}` })));
    const overflow = await joinHall(server.wsUrl, { name: 'Overflow' });
    const other = await joinHall(server.wsUrl, { name: 'Other hall', hallId: 'shapowei' });
    const got = new Map<TestVisitor, AnnouncePayload[]>();
    for (const v of [...a, overflow, other]) {
      const list: AnnouncePayload[] = [];
      got.set(v, list);
      v.room.onMessage(S2C.announce, (p: AnnouncePayload) => list.push(p));
    }
    try {
      expect(new Set([...a, overflow].map((v) => v.room.roomId)).size).toBe(2);
      const r = await server.app.announce('gulangyu', '  开幕式 10:00 在音乐厅  ');
      expect(r.ok).toBe(true);
      for (const v of [...a, overflow]) await waitFor(() => got.get(v)!.length === 1, 3000, 'announcement arrives');
      expect(got.get(overflow)![0]).toMatchObject({ hallId: 'gulangyu', text: '开幕式 10:00 在音乐厅' });
      await sleep(200);
      expect(got.get(other)).toEqual([]);
      expect(await server.app.announce('nowhere', 'hi')).toEqual({ ok: false, reason: 'unknown_hall' });
      expect(await server.app.announce('gulangyu', '   ')).toEqual({ ok: false, reason: 'bad_text' });
      expect(await server.app.announce('gulangyu', 'x'.repeat(5000))).toEqual({ ok: false, reason: 'bad_text' });
    } finally {
      await leaveAll(...a, overflow, other);
    }
  });
});

describe('interest management over the wire', () => {
  it('near visitors arrive in full; a far one only on the roster and as a dot, until it comes back', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Near A' });
    const b = await joinHall(server.wsUrl, { name: 'Near B' });
    const c = await joinHall(server.wsUrl, { name: 'Wanderer' });
    try {
      expect(new Set([a, b, c].map((v) => v.room.roomId)).size).toBe(1);
      await waitFor(() => positionOf(b.room, c.id) && positionOf(b.room, a.id), 3000, 'B has both poses');
      const start = positionOf(b.room, c.id)!;
      const room = hostRoom(c);
      const spot = farSpot(start.x, start.z, 2);
      expect(room.place(c.id, spot.x, spot.z)).toBe(true);

      // B and A: C is still on the roster (list, online count), with no pose but a dot near the spot.
      await waitFor(() => b.room.state.visitors.get(c.id)?.x === undefined, 3000, 'C out of range for B');
      await waitFor(() => a.room.state.visitors.get(c.id)?.x === undefined, 3000, 'C out of range for A');
      const seen = b.room.state.visitors.get(c.id)!;
      expect(seen.name).toBe('Wanderer');
      await waitFor(() => Math.abs(fromDot(seen.gx) - spot.x) <= 2 && Math.abs(fromDot(seen.gz) - spot.z) <= 2, 3000, 'dot follows C');
      expect(b.room.state.visitors.size).toBe(3);
      // C sees itself in full, and A and B as dots.
      await waitFor(() => c.room.state.visitors.get(a.id)?.x === undefined, 3000, 'A out of range for C');
      expect(positionOf(c.room, c.id)!.x).toBeCloseTo(spot.x, 1);

      // A's walking now costs C nothing but the summary: C's copy of A keeps no pose.
      const a0 = positionOf(a.room, a.id)!;
      sendMove(a.room, a0.x + 0.3, a0.z, 0, true);
      await waitFor(() => Math.abs(positionOf(b.room, a.id)!.x - (a0.x + 0.3)) < 0.05, 3000, 'B sees A walk');
      expect(c.room.state.visitors.get(a.id)!.x).toBeUndefined();

      // Back in range: the full pose returns.
      expect(room.place(c.id, start.x, start.z)).toBe(true);
      await waitFor(() => positionOf(b.room, c.id)?.x !== undefined && Math.abs(positionOf(b.room, c.id)!.x - start.x) < 0.05, 3000, 'C back for B');
      await waitFor(() => c.room.state.visitors.get(a.id)?.x !== undefined, 3000, 'A back for C');
    } finally {
      await leaveAll(a, b, c);
    }
  });
});

describe('abuse resistance', () => {
  it('limits matchmaking per client address; other addresses are unaffected', async () => {
    // Through a (trusted, loopback) proxy: the limit applies to the forwarded address.
    const bad = { protocol: -1 }; // refused by onAuth: no seat is ever reserved
    const statuses: number[] = [];
    for (let i = 0; i < BURST + 3; i++) statuses.push((await matchmake('joinOrCreate', bad, { 'X-Forwarded-For': '203.0.113.7' })).status);
    expect(statuses.slice(0, BURST).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(BURST)).toEqual([429, 429, 429]);
    const limited = await matchmake('joinOrCreate', bad, { 'X-Forwarded-For': '203.0.113.7' });
    expect(limited.json).toMatchObject({ code: 429, error: JoinError.rateLimited });
    // Someone else behind the same proxy still gets through.
    expect((await matchmake('joinOrCreate', bad, { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(200);
    // A spoofed header from the client itself does not help: the right-most untrusted hop counts.
    expect((await matchmake('joinOrCreate', bad, { 'X-Forwarded-For': '10.9.9.9, 203.0.113.7' })).status).toBe(429);
  });

  it('refuses an oversized matchmaking body without reading it', async () => {
    const r = await matchmake('joinOrCreate', JSON.stringify({ ...joinOptions(), pad: 'x'.repeat(20_000) }));
    expect(r.status).toBe(413);
  });

  it('a flood of reserved-but-unused seats does not lock real visitors out, and expires', async () => {
    const resident = await joinHall(server.wsUrl, { name: 'Resident' });
    const code = resident.room.roomId;
    // Seats reserved straight through the matchmaker and never used (loopback: not rate limited).
    const r1 = await fetch(`${server.httpUrl}/matchmake/joinById/${code}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(joinOptions({ name: 'Phantom' })),
    }).then((r) => r.json());
    const r2 = await fetch(`${server.httpUrl}/matchmake/joinById/${code}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(joinOptions({ name: 'Phantom' })),
    }).then((r) => r.json());
    expect(r1.sessionId).toBeTruthy();
    expect(r2.sessionId).toBeTruthy();
    // Instance 1 is "full" of reservations, yet a real visitor gets in right away (next instance).
    const t0 = Date.now();
    const real = await joinHall(server.wsUrl, { name: 'Real' });
    let back: TestVisitor | null = null;
    try {
      expect(Date.now() - t0).toBeLessThan(3000);
      expect(real.room.roomId).not.toBe(code);
      // The reservations expire (SEAT_RESERVATION_S=1 here) and instance 1 takes visitors again.
      await sleep(1600);
      const friend = new Client(server.wsUrl);
      const room = await friend.joinById<HallState>(code, joinOptions({ name: 'Late friend' }), HallState);
      back = { client: friend, room, inbox: record(room), id: room.sessionId };
      await waitFor(() => resident.room.state.visitors.size === 2, 3000, 'friend in instance 1');
    } finally {
      await leaveAll(resident, real, back);
    }
  });

  it('a flooding client in a crowd is dropped while the others keep moving and chatting', async () => {
    const crowd = await Promise.all(Array.from({ length: CAPACITY - 1 }, (_, i) => joinHall(server.wsUrl, { name: `Calm ${i}` })));
    const flooder = await joinHall(server.wsUrl, { name: 'Flooder' });
    try {
      expect(new Set([...crowd, flooder].map((v) => v.room.roomId)).size).toBe(1);
      const [walker, witness] = crowd;
      const p0 = await waitFor(() => positionOf(witness.room, walker.id), 3000, 'walker pose');
      // 600 messages in one go: far beyond the per-client budget.
      for (let i = 0; i < 600; i++) flooder.room.send(C2S.move, { x: 0, z: 0, ry: 0, moving: true });
      await waitFor(() => flooder.inbox.leftWith !== null, 5000, 'flooder dropped');
      expect(flooder.inbox.leftWith).toBe(CloseCode.flooding);
      expect(flooder.inbox.notices.some((n) => n.code === NoticeCode.invalidMessage)).toBe(true);
      // The others were never throttled and still see each other move.
      sendMove(walker.room, p0.x + 0.3, p0.z, 0, true);
      await waitFor(() => Math.abs(positionOf(witness.room, walker.id)!.x - (p0.x + 0.3)) < 0.05, 3000, 'walker moves');
      expect(walker.inbox.notices).toEqual([]);
      expect(witness.inbox.notices).toEqual([]);
      await waitFor(() => !witness.room.state.visitors.has(flooder.id), 3000, 'flooder gone');
    } finally {
      await leaveAll(...crowd, flooder);
    }
  });
});

describe('graceful shutdown', () => {
  it('warns every visitor in every instance, then closes them all', async () => {
    const visitors = await Promise.all(Array.from({ length: CAPACITY + 1 }, (_, i) => joinHall(server.wsUrl, { name: `Last ${i}` })));
    expect(new Set(visitors.map((v) => v.room.roomId)).size).toBe(2);
    await server.stop();
    for (const v of visitors) {
      await waitFor(() => v.inbox.leftWith !== null, 5000, 'closed');
      expect(v.inbox.notices.map((n) => n.code)).toContain(NoticeCode.serverShutdown);
      expect(v.inbox.leftWith).not.toBe(CloseCode.flooding);
    }
  });
});
