/**
 * A real Ludao server and real colyseus.js clients: what visitors in one hall see of each other.
 * One server for the file (see vitest.config.ts); each test cleans up its own visitors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { CHAT_BURST, CHAT_HISTORY, MAX_MOVE_DT_MS, SPEED_TOLERANCE, WALK_SPEED } from '../../shared/constants';
import { getLayout } from '../../shared/halls';
import { CloseCode, NoticeCode } from '../../shared/protocol';
import { C2S } from '../../shared/messages';
import { HallState } from '../../shared/schema/HallState';
import { startServer, type TestServer } from '../fixtures/server';
import { dropConnection, freeDirection, joinHall, leaveAll, positionOf, rawSocket, record, sendMove, type TestVisitor } from '../fixtures/visitor';
import { sleep, waitFor } from '../fixtures/wait';
import { caughtUp, sentAndApplied } from '../fixtures/barrier';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const gulangyu = getLayout('gulangyu');
const dist = (a: { x: number; z: number }, b: { x: number; z: number }) => Math.hypot(a.x - b.x, a.z - b.z);

/** Walks `v` in a free direction at 4 m/s (under walking speed) for `steps` moves, 100 ms apart. */
async function walk(v: TestVisitor, steps: number): Promise<{ x: number; z: number }> {
  const start = positionOf(v.room, v.id)!;
  const { dx, dz } = freeDirection(gulangyu, start.x, start.z, steps * 0.4);
  let x = start.x;
  let z = start.z;
  for (let i = 0; i < steps; i++) {
    // pacing, not waiting: 0.4 m per 100 ms is walking speed
    await sleep(100);
    x += dx * 0.4;
    z += dz * 0.4;
    sendMove(v.room, x, z, Math.atan2(dx, dz), true);
  }
  sendMove(v.room, x, z, Math.atan2(dx, dz), false);
  return { x, z };
}

describe('joining', () => {
  it('two visitors see each other, with names, looks and positions (state decodes)', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Alice', color: 3, style: 2 });
    const b = await joinHall(server.wsUrl, { name: '小白鹭' });
    try {
      expect(a.id).not.toBe(b.id);
      await waitFor(() => b.room.state.visitors.get(a.id)?.name === 'Alice', 3000, 'B sees Alice');
      await waitFor(() => a.room.state.visitors.get(b.id)?.name === '小白鹭', 3000, 'A sees 小白鹭');
      const seen = b.room.state.visitors.get(a.id)!;
      expect(seen.color).toBe(3);
      expect(seen.style).toBe(2);
      expect(seen.connected).toBe(true);
      expect(b.room.state.hallId).toBe('gulangyu');
      // Both stand inside the hall.
      const pa = positionOf(b.room, a.id)!;
      expect(pa.x).toBeGreaterThanOrEqual(gulangyu.bounds.minX);
      expect(pa.x).toBeLessThanOrEqual(gulangyu.bounds.maxX);
      expect(positionOf(a.room, b.id)).not.toBeNull();
    } finally {
      await leaveAll(a, b);
    }
  });

  it('accepts a 24-character Chinese name, trimmed, and shows it to others', async () => {
    const name = '鹭'.repeat(24);
    const a = await joinHall(server.wsUrl, { name: `  ${name}  ` });
    const b = await joinHall(server.wsUrl, { name: 'Bob' });
    try {
      await waitFor(() => b.room.state.visitors.get(a.id)?.name === name, 3000, 'trimmed 24-char name');
    } finally {
      await leaveAll(a, b);
    }
  });

  it('gives each newcomer an empty or current chat history message', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Histo', hallId: 'shapowei' });
    try {
      await waitFor(() => a.inbox.history !== null, 3000, 'chatHistory');
      expect(Array.isArray(a.inbox.history)).toBe(true);
    } finally {
      await leaveAll(a);
    }
  });
});

describe('moving', () => {
  it('a walking visitor is seen moving by the other', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Walker' });
    const b = await joinHall(server.wsUrl, { name: 'Watcher' });
    try {
      const start = await waitFor(() => positionOf(b.room, a.id), 3000, 'A in B state');
      const target = await walk(a, 10);
      const end = await waitFor(
        () => {
          const p = positionOf(b.room, a.id)!;
          return dist(p, target) < 0.05 ? p : null;
        },
        3000,
        'B sees A arrive',
      );
      expect(dist(end, start)).toBeGreaterThan(3.5);
      // The walking animation flag came through, then the stop.
      await waitFor(() => b.room.state.visitors.get(a.id)?.anim === 0, 3000, 'A stopped');
    } finally {
      await leaveAll(a, b);
    }
  });

  it('a move faster than walking speed is clamped to what walking allows', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Sprinter' });
    const b = await joinHall(server.wsUrl, { name: 'Referee' });
    try {
      const start = await waitFor(() => positionOf(b.room, a.id), 3000, 'A in B state');
      const { dx, dz } = freeDirection(gulangyu, start.x, start.z, 4);
      // Stand still long enough that the server allows its largest step, then ask for 30 m.
      await sleep(MAX_MOVE_DT_MS + 100);
      sendMove(a.room, start.x + dx * 30, start.z + dz * 30, 0, true);
      const maxStep = WALK_SPEED * SPEED_TOLERANCE * (MAX_MOVE_DT_MS / 1000) + 0.1;
      const moved = await waitFor(
        () => {
          const p = positionOf(b.room, a.id)!;
          return dist(p, start) > 0.5 ? p : null;
        },
        3000,
        'B sees A step',
      );
      // The server has applied the move and B holds the server's answer: nothing later may carry A farther.
      await sentAndApplied(a, b);
      const p = await caughtUp(b, a);
      expect(p).toEqual(moved);
      expect(dist(p, start)).toBeLessThanOrEqual(maxStep + 0.02);
      expect(dist(p, start)).toBeGreaterThan(maxStep - 0.05);
      // ...in the direction asked for.
      expect((p.x - start.x) * dx + (p.z - start.z) * dz).toBeGreaterThan(0);

      // A burst of moves cannot bank time either: ten 30 m requests in a row still cover little ground.
      const before = positionOf(b.room, a.id)!;
      for (let i = 0; i < 10; i++) sendMove(a.room, before.x + dx * 30, before.z + dz * 30, 0, true);
      await sentAndApplied(a, b);
      expect(dist(await caughtUp(b, a), before)).toBeLessThan(maxStep);
    } finally {
      await leaveAll(a, b);
    }
  });

  it('a move outside the hall is refused: the visitor stays on walkable ground', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Swimmer' });
    const b = await joinHall(server.wsUrl, { name: 'Lifeguard' });
    try {
      const start = await waitFor(() => positionOf(b.room, a.id), 3000, 'A in B state');
      // Far outside bounds in every direction, within the validator's numeric range.
      for (const [x, z] of [
        [999, 0],
        [0, -999],
        [-999, 999],
      ]) {
        await sleep(150); // each move earns 150 ms of walking, so the refusal is about the place, not the speed
        sendMove(a.room, x, z, 0, true);
      }
      await sentAndApplied(a, b);
      const p = await caughtUp(b, a);
      expect(p.x).toBeGreaterThanOrEqual(gulangyu.bounds.minX);
      expect(p.x).toBeLessThanOrEqual(gulangyu.bounds.maxX);
      expect(p.z).toBeGreaterThanOrEqual(gulangyu.bounds.minZ);
      expect(p.z).toBeLessThanOrEqual(gulangyu.bounds.maxZ);
      expect(dist(p, start)).toBeLessThan(3 * 3.2);
    } finally {
      await leaveAll(a, b);
    }
  });
});

describe('chat', () => {
  it('a chat line reaches everyone in the hall, with the sender', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Talker' });
    const b = await joinHall(server.wsUrl, { name: 'Listener' });
    try {
      a.room.send(C2S.chat, { text: '  你好，鹭岛！\nhello  ' });
      const m = await waitFor(() => b.inbox.chats.find((c) => c.from === a.id), 3000, 'chat at B');
      expect(m.text).toBe('你好，鹭岛！ hello');
      expect(m.name).toBe('Talker');
      expect(typeof m.id).toBe('number');
      // The sender gets its own line back (the broadcast includes it).
      await waitFor(() => a.inbox.chats.some((c) => c.id === m.id), 3000, 'echo at A');
    } finally {
      await leaveAll(a, b);
    }
  });

  it('refuses empty, too long and control-character lines with a notice, without broadcasting', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Spammy' });
    const b = await joinHall(server.wsUrl, { name: 'Quiet' });
    try {
      a.room.send(C2S.chat, { text: '   ' });
      a.room.send(C2S.chat, { text: 'x'.repeat(281) });
      a.room.send(C2S.chat, { text: 'evil\u202Etxt' });
      await waitFor(() => a.inbox.notices.some((n) => n.code === NoticeCode.invalidMessage), 3000, 'invalid notice');
      a.room.send(C2S.chat, { text: 'y'.repeat(280) });
      await waitFor(() => b.inbox.chats.some((c) => c.from === a.id), 3000, '280-char line');
      expect(b.inbox.chats.filter((c) => c.from === a.id).map((c) => c.text.length)).toEqual([280]);
    } finally {
      await leaveAll(a, b);
    }
  });

  it('rate limits each visitor: a burst beyond the bucket is refused with rate_limited', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Chatty' });
    const b = await joinHall(server.wsUrl, { name: 'Patient' });
    try {
      for (let i = 0; i < CHAT_BURST + 3; i++) a.room.send(C2S.chat, { text: `line ${i}` });
      // Every refused line gets its own notice: three of them means the server has judged all eight.
      await waitFor(() => a.inbox.notices.filter((n) => n.code === NoticeCode.rateLimited).length === 3, 3000, 'three rate_limited notices');
      // B's own bucket is untouched by A's; B seeing its own line back means every earlier broadcast reached B.
      b.room.send(C2S.chat, { text: 'still here' });
      await waitFor(() => b.inbox.chats.some((c) => c.from === b.id), 3000, "B's own line");
      await waitFor(() => a.inbox.chats.some((c) => c.from === b.id), 3000, 'B can chat');
      expect(b.inbox.chats.filter((c) => c.from === a.id)).toHaveLength(CHAT_BURST);
    } finally {
      await leaveAll(a, b);
    }
  });

  it(`a newcomer receives the last ${CHAT_HISTORY} lines`, async () => {
    // Enough talkers to pass the history cap within their own rate limits.
    const talkers: TestVisitor[] = [];
    try {
      const perTalker = CHAT_BURST;
      const needed = Math.ceil((CHAT_HISTORY + 5) / perTalker);
      for (let i = 0; i < needed; i++) talkers.push(await joinHall(server.wsUrl, { name: `T${i}`, hallId: 'shapowei' }));
      const sent: string[] = [];
      for (const t of talkers) {
        for (let j = 0; j < perTalker; j++) {
          const text = `msg ${sent.length}`;
          sent.push(text);
          t.room.send(C2S.chat, { text });
          // keep the broadcast order equal to the send order
          await waitFor(() => talkers[0].inbox.chats.some((c) => c.text === text), 3000, text);
        }
      }
      const newcomer = await joinHall(server.wsUrl, { name: 'Late', hallId: 'shapowei' });
      talkers.push(newcomer);
      const history = await waitFor(() => newcomer.inbox.history, 3000, 'history');
      expect(history).toHaveLength(CHAT_HISTORY);
      expect(history.map((m) => m.text)).toEqual(sent.slice(-CHAT_HISTORY));
      expect(history.at(-1)!.name).toBe(`T${talkers.length - 2}`);
    } finally {
      await leaveAll(...talkers);
    }
  });
});

describe('leaving and reconnecting', () => {
  it('a visitor who leaves disappears for the others', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Goer' });
    const b = await joinHall(server.wsUrl, { name: 'Stayer' });
    try {
      await waitFor(() => b.room.state.visitors.has(a.id), 3000, 'A present');
      const code = await a.room.leave(true);
      expect(code).toBe(CloseCode.consented);
      await waitFor(() => !b.room.state.visitors.has(a.id), 3000, 'A gone at B');
    } finally {
      await leaveAll(b);
    }
  });

  it('a dropped visitor reconnects within the window into the same seat, place and name', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Flaky' });
    const b = await joinHall(server.wsUrl, { name: 'Steady' });
    let back: TestVisitor | null = null;
    try {
      const target = await walk(a, 5);
      await waitFor(() => dist(positionOf(b.room, a.id)!, target) < 0.05, 3000, 'A arrived');
      const token = a.room.reconnectionToken;
      const id = a.id;

      dropConnection(a.room);
      await waitFor(() => a.inbox.leftWith !== null, 3000, 'A sees the drop');
      expect(a.inbox.leftWith).not.toBe(CloseCode.consented);
      // The seat is held: B still sees A, marked as away.
      await waitFor(() => b.room.state.visitors.get(id)?.connected === false, 3000, 'A away at B');

      const room = await a.client.reconnect<HallState>(token, HallState);
      back = { client: a.client, room, inbox: record(room), id: room.sessionId };
      expect(room.sessionId).toBe(id);
      await waitFor(() => room.state.visitors?.get(id), 3000, 'own visitor after reconnect');
      expect(room.state.visitors.get(id)!.name).toBe('Flaky');
      expect(dist(positionOf(room, id)!, target)).toBeLessThan(0.05);
      await waitFor(() => b.room.state.visitors.get(id)?.connected === true, 3000, 'A back at B');
      expect(b.room.state.visitors.get(id)!.name).toBe('Flaky');

      // And keeps walking from there, seen by B.
      const target2 = await walk(back, 3);
      await waitFor(() => dist(positionOf(b.room, id)!, target2) < 0.05, 3000, 'A walks after reconnect');
    } finally {
      await leaveAll(back, b);
    }
  });
});

describe('misbehaving clients', () => {
  it('unknown types and malformed payloads do not disturb others; only the sender gets a notice', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Good' });
    const b = await joinHall(server.wsUrl, { name: 'Witness' });
    const c = await joinHall(server.wsUrl, { name: 'Mallory' });
    try {
      const cStart = await waitFor(() => positionOf(b.room, c.id), 3000, 'C in B state');
      const junk: Array<[string | number, unknown]> = [
        ['nope', { x: 1 }],
        [42, 'numeric type'],
        ['__proto__', {}],
        [C2S.move, { x: 'a', z: 'b', ry: 0, moving: true }],
        [C2S.move, { x: NaN, z: 0, ry: 0, moving: true }],
        [C2S.move, { x: Infinity, z: -Infinity, ry: 0, moving: false }],
        [C2S.move, { x: 1, z: 1, ry: 1, moving: 'yes' }],
        [C2S.move, { x: 1, z: 1, ry: 1, moving: true, extra: 1 }],
        [C2S.move, null],
        [C2S.move, [1, 2, 3]],
        [C2S.move, undefined],
        [C2S.chat, { text: 12 }],
        [C2S.chat, 'just a string'],
        [C2S.chat, { text: 'z'.repeat(3000) }],
        [C2S.chat, { text: 'ok', more: true }],
      ];
      for (const [type, payload] of junk) c.room.send(type as string, payload);
      // Bytes that are not the Colyseus protocol at all, and bytes that claim to be but are not msgpack.
      const ws = rawSocket(c.room);
      ws.send(new Uint8Array([0xff, 0x00, 0x13, 0x37]));
      ws.send(new Uint8Array([13, 0xa4, 0x6d, 0x6f, 0x76, 0x65, 0xc1, 0xc1, 0xc1]));
      ws.send('not binary at all');
      c.room.sendBytes(C2S.move, new Uint8Array([1, 2, 3]));

      await waitFor(() => c.inbox.notices.some((n) => n.code === NoticeCode.invalidMessage), 3000, 'invalid notice to C');
      // No move was applied for C.
      expect(positionOf(b.room, c.id)).toEqual(cStart);

      // A and B carry on: moves and chat flow.
      const target = await walk(a, 5);
      await waitFor(() => dist(positionOf(b.room, a.id)!, target) < 0.05, 3000, 'B sees A walk');
      a.room.send(C2S.chat, { text: 'all good' });
      await waitFor(() => b.inbox.chats.some((m) => m.text === 'all good'), 3000, 'chat after junk');
      // Nobody else was told off.
      expect(a.inbox.notices).toEqual([]);
      expect(b.inbox.notices).toEqual([]);
      // And the server is still healthy.
      const health = await fetch(`${server.httpUrl}/api/health`).then((r) => r.json());
      expect(health.ok).toBe(true);
    } finally {
      await leaveAll(a, b, c);
    }
  });

  it('an oversized frame closes only the sender', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Big' });
    const b = await joinHall(server.wsUrl, { name: 'Small' });
    try {
      a.room.send(C2S.chat, { text: 'w'.repeat(64 * 1024) });
      await waitFor(() => a.inbox.leftWith !== null, 3000, 'oversized sender closed');
      b.room.send(C2S.chat, { text: 'still fine' });
      await waitFor(() => b.inbox.chats.some((m) => m.text === 'still fine'), 3000, 'B chat');
    } finally {
      await leaveAll(a, b);
    }
  });

  it('a flooding client is dropped with 4101 and cannot come back by token, while others keep receiving updates', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Mover' });
    const b = await joinHall(server.wsUrl, { name: 'Observer' });
    const f = await joinHall(server.wsUrl, { name: 'Flood' });
    try {
      const token = f.room.reconnectionToken;
      const walking = walk(a, 12);
      for (let i = 0; i < 400; i++) {
        if (!f.room.connection.isOpen) break;
        if (i % 2) f.room.send('junk', { i });
        else sendMove(f.room, 0, 0, 0, true);
      }
      await waitFor(() => f.inbox.leftWith !== null, 5000, 'flooder dropped');
      expect(f.inbox.leftWith).toBe(CloseCode.flooding);
      await waitFor(() => !b.room.state.visitors.has(f.id), 3000, 'flooder removed at once');

      const target = await walking;
      await waitFor(() => dist(positionOf(b.room, a.id)!, target) < 0.05, 3000, 'B kept seeing A');
      await expect(new Client(server.wsUrl).reconnect(token, HallState)).rejects.toThrow();
    } finally {
      await leaveAll(a, b, f);
    }
  });
});
