/**
 * The real server on Colyseus' stock patch path, as it runs when the installed @colyseus/core is
 * not the version Ludao's tuned serializer was written for (the version table is injected: the
 * rest of the server runs as in production). One warning, and the hall still works: visitors see
 * each other move, interest management still keeps far visitors' poses away, and the matchmaker
 * limits still hold.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { SchemaSerializer } from '@colyseus/core';
import { JoinError, ROOM_HALL } from '../../shared/protocol';
import { installedVersions } from '../../server/colyseus';
import { InterestSerializer } from '../../server/colyseus/interestSerializer';
import type { Logger } from '../../server/lib/logger';
import { startServer, type TestServer } from '../fixtures/server';
import { joinHall, joinOptions, leaveAll, positionOf, sendMove } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';
import { farSpot, hostRoom } from '../fixtures/barrier';

const BURST = 4;
const warnings: Array<{ msg: string; mismatches?: Array<{ name: string }> }> = [];
const logger = pino(
  { level: 'warn' },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) warnings.push(JSON.parse(line));
      done();
    },
  }),
) as unknown as Logger;

let server: TestServer;
beforeAll(async () => {
  const installed = { ...installedVersions(), '@colyseus/core': '0.16.99' };
  server = await startServer({ MATCHMAKE_BURST: String(BURST), MATCHMAKE_PER_MINUTE: '6' }, { logger, app: { colyseus: { installed } } });
});
afterAll(async () => {
  await server?.stop();
});

describe('the stock Colyseus path', () => {
  it('was chosen with exactly one warning that names the mismatch', () => {
    const about = warnings.filter((w) => w.msg.startsWith('Colyseus internals'));
    expect(about).toHaveLength(1);
    expect(about[0].msg).toContain('@colyseus/core 0.16.99 (written for 0.16.26)');
    expect(about[0].mismatches?.map((m) => m.name)).toEqual(['@colyseus/core']);
  });

  it('two visitors see each other walk, and rooms run Colyseus’ own serializer', async () => {
    const a = await joinHall(server.wsUrl, { name: 'Stock A' });
    const b = await joinHall(server.wsUrl, { name: 'Stock B' });
    try {
      expect(b.room.roomId).toBe(a.room.roomId);
      // Colyseus keeps the room's serializer in a private field; only a test looks there.
      const serializer = (hostRoom(a) as unknown as { _serializer: unknown })._serializer;
      expect(serializer).toBeInstanceOf(SchemaSerializer);
      expect(serializer).not.toBeInstanceOf(InterestSerializer);

      await waitFor(() => positionOf(a.room, b.id) && positionOf(b.room, a.id), 3000, 'each has the other’s pose');
      expect(b.room.state.visitors.get(a.id)?.name).toBe('Stock A');
      const a0 = positionOf(a.room, a.id)!;
      sendMove(a.room, a0.x + 0.3, a0.z, 0, true);
      await waitFor(() => Math.abs(positionOf(b.room, a.id)!.x - (a0.x + 0.3)) < 0.05, 3000, 'B sees A walk');
      const b0 = positionOf(b.room, b.id)!;
      sendMove(b.room, b0.x, b0.z + 0.3, 0, true);
      await waitFor(() => Math.abs(positionOf(a.room, b.id)!.z - (b0.z + 0.3)) < 0.05, 3000, 'A sees B walk');
    } finally {
      await leaveAll(a, b);
    }
  });

  it('interest management still keeps a far visitor’s full pose away, and brings it back', async () => {
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

      await waitFor(() => b.room.state.visitors.get(c.id)?.x === undefined, 3000, 'C out of range for B');
      await waitFor(() => c.room.state.visitors.get(a.id)?.x === undefined, 3000, 'A out of range for C');
      // still on everyone's roster
      expect(b.room.state.visitors.get(c.id)?.name).toBe('Wanderer');
      expect(c.room.state.visitors.size).toBe(3);

      // A walks: B follows it, C's copy of A keeps no pose.
      const a0 = positionOf(a.room, a.id)!;
      sendMove(a.room, a0.x + 0.3, a0.z, 0, true);
      await waitFor(() => Math.abs(positionOf(b.room, a.id)!.x - (a0.x + 0.3)) < 0.05, 3000, 'B sees A walk');
      expect(c.room.state.visitors.get(a.id)!.x).toBeUndefined();

      expect(room.place(c.id, start.x, start.z)).toBe(true);
      await waitFor(() => c.room.state.visitors.get(a.id)?.x !== undefined, 3000, 'A back for C');
      await waitFor(() => positionOf(b.room, c.id) && Math.abs(positionOf(b.room, c.id)!.x - start.x) < 0.05, 3000, 'C back for B');
    } finally {
      await leaveAll(a, b, c);
    }
  });

  it('the matchmaker limits hold: per-client budget, no create, a capped body', async () => {
    const post = (method: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.httpUrl}/matchmake/${method}/${ROOM_HALL}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const bad = JSON.stringify({ protocol: -1 }); // refused by onAuth: no seat is reserved
    const statuses: number[] = [];
    for (let i = 0; i < BURST + 2; i++) statuses.push((await post('joinOrCreate', bad, { 'X-Forwarded-For': '203.0.113.7' })).status);
    expect(statuses).toEqual([...Array(BURST).fill(200), 429, 429]);
    const limited = await post('joinOrCreate', bad, { 'X-Forwarded-For': '203.0.113.7' });
    expect(await limited.json()).toMatchObject({ code: 429, error: JoinError.rateLimited });
    expect((await post('joinOrCreate', bad, { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(200);

    const create = await post('create', JSON.stringify(joinOptions()));
    expect(await create.json()).toMatchObject({ error: expect.stringContaining('invalid method') });
    expect((await post('joinOrCreate', JSON.stringify({ ...joinOptions(), pad: 'x'.repeat(20_000) }))).status).toBe(413);
  });
});
