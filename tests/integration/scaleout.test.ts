/**
 * Scale-out (issue #5): two real server processes sharing matchmaking and presence through Redis
 * (RedisDriver + RedisPresence), each with its own PUBLIC_ADDRESS, as behind a load balancer.
 * Visitors entering through different processes meet in one hall instance; instance numbers are
 * unique across processes; an announcement reaches every instance on every process; a process
 * stopped with SIGTERM warns its visitors, exits cleanly, and they rejoin on the other one.
 *
 * Runs only when REDIS_URL is set (.ci/run sets it for the local Redis); uses its own Redis
 * database, flushed before and after, and its own key prefix. When DATABASE_URL is set too, both
 * processes share PostgreSQL, in a fresh schema per run: they start at the same moment on an empty
 * database, so migrating and seeding must not collide (server/db/startupLock.ts). They also share
 * one data directory for uploads, as a multi-process deployment must.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { RedisPresence } from '@colyseus/redis-presence';
import { NoticeCode, ROOM_HALL } from '../../shared/protocol';
import { S2C, type AnnouncePayload } from '../../shared/messages';
import { HallState } from '../../shared/schema/HallState';
import { announceToHall } from '../../server/scale/announce';
import { flushRedis, healthy, redisDb, spawnServer, type ServerProc } from './spawnServer';
import { dropPgSchema } from '../../server/db/open';
import { joinOptions, leaveAll, positionOf, record, type TestVisitor } from '../fixtures/visitor';
import { sleep, waitFor } from '../fixtures/wait';

const REDIS_URL = process.env.REDIS_URL;
/** A database of its own, so nothing else using this Redis is touched. */
const TEST_DB = 13;
const PREFIX = 'ludao-scaleout-test:';
const PORTS = [3401, 3402] as const;
const ORGANIZER = { email: 'org@scaleout.ludao.example', password: 'scaleout-organizer-pass' };

type Proc = ServerProc;

const DATABASE_URL = process.env.DATABASE_URL;
const PG_SCHEMA = `ludao_scaleout_${process.pid}_${Date.now().toString(36)}`;

function startProcess(port: number, redisUrl: string, distDir: string, dataDir: string): Proc {
  return spawnServer(port, {
    ...(DATABASE_URL ? { DATABASE_SCHEMA: PG_SCHEMA } : {}),
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    PRESENCE_PREFIX: PREFIX,
    HALL_CAPACITY: '2',
    DIST_DIR: distDir,
    SHUTDOWN_TIMEOUT_MS: '8000',
    // the first organizer (both processes try; one creates it), for the dashboard case
    ORGANIZER_EMAIL: ORGANIZER.email,
    ORGANIZER_PASSWORD: ORGANIZER.password,
  });
}

async function join(p: Proc, name: string): Promise<TestVisitor> {
  const client = new Client(p.ws);
  const room = await client.joinOrCreate<HallState>(ROOM_HALL, joinOptions({ name }), HallState);
  const inbox = record(room);
  await waitFor(() => room.state.visitors?.get(room.sessionId), 5000, `${name} in state`);
  return { client, room, inbox, id: room.sessionId };
}

/** Which port's process hosts the room this visitor's socket is connected to. */
function hostPort(v: TestVisitor): number {
  const ws = (v.room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws;
  return Number(new URL(ws.url).port);
}

describe.skipIf(!REDIS_URL)('scale-out on Redis: two processes, one hall', () => {
  const redisUrl = REDIS_URL ? redisDb(REDIS_URL, TEST_DB) : '';
  const procs: Proc[] = [];
  const visitors: TestVisitor[] = [];
  let distDir = '';
  let dataDir = '';

  beforeAll(async () => {
    await flushRedis(redisUrl);
    distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-scaleout-'));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-scaleout-data-'));
    // Both at once, on an empty database (with DATABASE_URL) and an empty upload directory.
    for (const port of PORTS) procs.push(startProcess(port, redisUrl, distDir, dataDir));
    await Promise.all(procs.map(healthy));
  }, 60_000);

  afterAll(async () => {
    await leaveAll(...visitors);
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.race([Promise.all(procs.map((p) => p.exited)), sleep(10_000)]);
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    if (redisUrl) await flushRedis(redisUrl).catch(() => undefined);
    if (distDir) fs.rmSync(distDir, { recursive: true, force: true });
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (DATABASE_URL) await dropPgSchema(DATABASE_URL, PG_SCHEMA).catch(() => undefined);
  }, 30_000);

  it('two processes starting together on one empty database seed one demo expo between them', async () => {
    const expos = await Promise.all(
      procs.map(async (p) => {
        const r = await fetch(`http://127.0.0.1:${p.port}/api/expo`);
        expect(r.status).toBe(200);
        return (await r.json()) as { id: string };
      }),
    );
    expect(expos[1].id).toBe(expos[0].id);
    if (DATABASE_URL) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        const r = await client.query(`select count(*)::int as n from ${PG_SCHEMA}.expos`);
        expect(r.rows[0].n).toBe(1);
        const e = await client.query(`select count(*)::int as n from ${PG_SCHEMA}.exhibitors`);
        expect(e.rows[0].n).toBe(24);
      } finally {
        await client.end();
      }
    }
  });

  it('visitors entering through different processes meet in one instance and see each other', async () => {
    const [a, b] = procs;
    const va = await join(a, 'Via A');
    visitors.push(va);
    const vb = await join(b, 'Via B');
    visitors.push(vb);
    expect(vb.room.roomId).toBe(va.room.roomId);
    await waitFor(() => va.room.state.visitors.get(vb.id)?.name === 'Via B', 5000, 'A sees B');
    await waitFor(() => vb.room.state.visitors.get(va.id)?.name === 'Via A', 5000, 'B sees A');
    await waitFor(() => positionOf(va.room, vb.id)?.x !== undefined && positionOf(vb.room, va.id)?.x !== undefined, 5000, 'poses');
    expect(va.room.state.instance).toBe(1);

    // The instance is full (HALL_CAPACITY=2): the next visitor opens instance 2, numbered
    // uniquely even though any process may host it.
    const vc = await join(b, 'Overflow');
    visitors.push(vc);
    expect(vc.room.roomId).not.toBe(va.room.roomId);
    await waitFor(() => vc.room.state.instance === 2, 5000, 'instance 2');

    // One announcement reaches every instance, on every process.
    const got = new Map<TestVisitor, AnnouncePayload[]>();
    for (const v of [va, vb, vc]) {
      const list: AnnouncePayload[] = [];
      got.set(v, list);
      v.room.onMessage(S2C.announce, (p: AnnouncePayload) => list.push(p));
    }
    const presence = new RedisPresence(redisUrl);
    try {
      const r = await announceToHall('gulangyu', '闭馆前 30 分钟', { presence, prefix: PREFIX });
      expect(r.ok).toBe(true);
    } finally {
      presence.shutdown();
    }
    for (const v of [va, vb, vc]) await waitFor(() => got.get(v)!.length === 1, 5000, 'announcement');
  });

  it("each process's dashboard shows every instance, whichever process hosts it", async () => {
    // three visitors in two instances (the case above); both processes answer with the same hall
    for (const p of procs) {
      const login = await fetch(`http://127.0.0.1:${p.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ORGANIZER.email, password: ORGANIZER.password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const snap = await waitFor(
        async () => {
          const r = await fetch(`http://127.0.0.1:${p.port}/api/organizer/dashboard`, { headers: { cookie } });
          const j = (await r.json()) as { total: number; halls: { hallId: string; instances: { instance: number; visitors: number }[] }[] };
          return j.total === 3 ? j : null;
        },
        10_000,
        `dashboard on ${p.port} sees all three visitors`,
        250,
      );
      const hall = snap.halls.find((h) => h.hallId === 'gulangyu')!;
      expect(hall.instances.map((i) => [i.instance, i.visitors])).toEqual([
        [1, 2],
        [2, 1],
      ]);
    }
  });

  it('a process stopped with SIGTERM warns its visitors, exits cleanly, and they rejoin on the other', async () => {
    const [va, vb] = visitors;
    const victimPort = hostPort(va);
    expect(hostPort(vb)).toBe(victimPort);
    const victim = procs.find((p) => p.port === victimPort)!;
    const survivor = procs.find((p) => p.port !== victimPort)!;
    const onVictim = visitors.filter((v) => hostPort(v) === victimPort);

    victim.child.kill('SIGTERM');
    for (const v of onVictim) {
      await waitFor(() => v.inbox.leftWith !== null, 10_000, 'closed by shutdown');
      expect(v.inbox.notices.map((n) => n.code)).toContain(NoticeCode.serverShutdown);
    }
    expect(await victim.exited).toBe(0);

    // What the browser does after a shutdown notice: join the hall afresh; the load balancer now
    // sends it to the surviving process, which must not route anyone to the stopped one.
    const back: TestVisitor[] = [];
    for (const v of onVictim) {
      const name = v.room.state.visitors.get(v.id)?.name ?? 'Back';
      const again = await join(survivor, name);
      back.push(again);
      visitors.push(again);
      expect(hostPort(again)).toBe(survivor.port);
    }
    // Everyone left is in an instance of the surviving process, and instance numbers stay unique.
    const live = visitors.filter((v) => v.inbox.leftWith === null);
    const byRoom = new Map<string, number>();
    for (const v of live) byRoom.set(v.room.roomId, v.room.state.instance);
    expect(new Set(byRoom.values()).size).toBe(byRoom.size);
    for (const v of back) {
      for (const other of live.filter((o) => o.room.roomId === v.room.roomId)) {
        await waitFor(() => v.room.state.visitors.has(other.id), 5000, 'roommates see each other');
      }
    }
  });
});
