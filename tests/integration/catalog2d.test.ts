/**
 * The 2D catalog's visitors in the hall room (issue #13): a join with `mode: '2d'` is seated at the
 * entrance (the first spawn point), everyone sees them seated, the server refuses their moves (and a
 * server-side placement), and chat works both ways with a 3D visitor. Real server, real colyseus.js clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/halls';
import { startServer, type TestServer } from '../fixtures/server';
import { freeDirection, joinHall, leaveAll, positionOf, sendMove } from '../fixtures/visitor';
import { sleep, waitFor } from '../fixtures/wait';
import { hostRoom, sentAndApplied, serverPosition } from '../fixtures/barrier';
import { C2S } from '../../shared/messages';
import { seatAtEntrance } from '../../server/rooms/handlers/join';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const gulangyu = getLayout('gulangyu');
const entrance = gulangyu.spawns[0];

describe('a 2D catalog visitor', () => {
  it('is seated at the entrance, seen seated by a 3D visitor, and its moves are refused', async () => {
    const walker = await joinHall(server.wsUrl, { name: 'Walker' });
    const sitter = await joinHall(server.wsUrl, { name: 'Sitter', mode: '2d' });
    try {
      const start = serverPosition(sitter)!;
      expect(Math.hypot(start.x - entrance.x, start.z - entrance.z)).toBeLessThan(6);
      expect(hostRoom(sitter).state.visitors.get(sitter.id)!.seated).toBe(true);
      expect(hostRoom(walker).state.visitors.get(walker.id)!.seated).toBe(false);
      // the 3D visitor (who spawns near the entrance, so is in range) sees the flag and the pose
      await waitFor(() => walker.room.state.visitors.get(sitter.id)?.seated === true, 3000, 'walker sees the sitter seated');
      await waitFor(() => positionOf(walker.room, sitter.id), 3000, "the sitter's pose at the walker");

      // walking moves, at walking pace, in a free direction: all refused
      const { dx, dz } = freeDirection(gulangyu, start.x, start.z, 4);
      for (let i = 1; i <= 8; i++) {
        await sleep(100);
        sendMove(sitter.room, start.x + dx * 0.4 * i, start.z + dz * 0.4 * i, 0, true);
      }
      await sentAndApplied(sitter, walker);
      expect(serverPosition(sitter)).toEqual(start);
      // the same moves from a 3D visitor are granted (the refusal is the seat, not the direction)
      const w0 = serverPosition(walker)!;
      const wd = freeDirection(gulangyu, w0.x, w0.z, 2);
      for (let i = 1; i <= 4; i++) {
        await sleep(100);
        sendMove(walker.room, w0.x + wd.dx * 0.4 * i, w0.z + wd.dz * 0.4 * i, 0, true);
      }
      await sentAndApplied(walker, sitter);
      const w1 = serverPosition(walker)!;
      expect(Math.hypot(w1.x - w0.x, w1.z - w0.z)).toBeGreaterThan(0.5);
      // a server-side placement (a tour's jump) leaves the seat alone too
      expect(hostRoom(sitter).place(sitter.id, w1.x, w1.z)).toBe(false);
      expect(serverPosition(sitter)).toEqual(start);
      // refused moves cost no strike: the visitor is still connected
      expect(hostRoom(sitter).state.visitors.get(sitter.id)!.connected).toBe(true);
    } finally {
      await leaveAll(walker, sitter);
    }
  });

  it('chats with a 3D visitor both ways', async () => {
    const walker = await joinHall(server.wsUrl, { name: 'Walker' });
    const sitter = await joinHall(server.wsUrl, { name: 'Sitter', mode: '2d' });
    try {
      sitter.room.send(C2S.chat, { text: '你好,我在 2D 目录' });
      await waitFor(() => walker.inbox.chats.some((c) => c.from === sitter.id && c.text === '你好,我在 2D 目录'), 3000, 'walker hears the sitter');
      walker.room.send(C2S.chat, { text: 'hello from 3D' });
      await waitFor(() => sitter.inbox.chats.some((c) => c.from === walker.id && c.text === 'hello from 3D'), 3000, 'sitter hears the walker');
    } finally {
      await leaveAll(walker, sitter);
    }
  });

  it('gets seats in a row beside the entrance, each one walkable ground', () => {
    const seats = Array.from({ length: 10 }, (_, i) => seatAtEntrance(gulangyu, i));
    for (const s of seats) expect(Math.hypot(s.x - entrance.x, s.z - entrance.z)).toBeLessThan(6);
    // neighbours do not share a seat
    expect(new Set(seats.map((s) => `${s.x.toFixed(2)},${s.z.toFixed(2)}`)).size).toBeGreaterThan(6);
  });
});
