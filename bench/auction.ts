/**
 * Live auction figures (issue #12 item 7), on a real server in a child process over loopback
 * (embedded SQLite, or PostgreSQL with DATABASE_URL, in a schema of its own dropped afterwards).
 * BENCH_BIDDERS (200) signed-in visitor accounts bid on one lot, each a few increments above the
 * price it last knew (its last answer, or the lot as its hall client shows it), so some are
 * accepted and some too low, as in a real last minute:
 * - "the last 5 seconds" (the issue's scene): every bidder bids again and again for BENCH_SECONDS
 *   (5), pausing 0.5-1.5 × BENCH_THINK_MS (1000) between an answer and its next bid;
 * - "all at once" (the worst case): every bidder's bid sent at the same instant, BENCH_ROUNDS (5)
 *   times, each round once the last is answered.
 * For each, bid acknowledgement p50/p95/p99 (request to answer) against the target p95 ≤ 300 ms,
 * and the baseline measured in the same run, the same clients in the same pattern on a cheap route
 * that checks the same session (GET /api/auth/me), with the ratios.
 * The outbid notice: every bidder is in the hall with a colyseus.js client; for every accepted bid
 * that took the lead from someone else, the time from that bid's answer (and from its sending) to
 * the `outbid` message at the former leader's client, p50/p95, under the 5-second load and then
 * quietly (two bidders taking turns, BENCH_QUIET=20 notices). A negative "after the answer" means
 * the notice reached the hall before the answer reached the bidder (it is sent first).
 *
 *   npm run bench:auction        (DATABASE_URL=postgres://... for PostgreSQL)
 *
 * The bidders and hall clients run in this process (they stand for browsers on other machines);
 * the server has its own. Figures are from a shared 2-core machine: compare within one run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import { PROTOCOL_VERSION, ROOM_HALL } from '../shared/protocol';
import type { ServerPayload } from '../shared/messages';
import { HallState } from '../shared/schema/HallState';
import type { LotView } from '../shared/api/auction';
import { dropPgSchema, openDatabase, type Database } from '../server/db/open';
import { createRepositories } from '../server/db/repositories';
import { hashToken, newToken } from '../server/auth/tokens';

const BIDDERS = Math.max(2, Number(process.env.BENCH_BIDDERS ?? 200));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const SECONDS = Math.max(1, Number(process.env.BENCH_SECONDS ?? 5));
const THINK_MS = Math.max(0, Number(process.env.BENCH_THINK_MS ?? 1000));
const QUIET = Math.max(0, Number(process.env.BENCH_QUIET ?? 20));
const TARGET_P95_MS = 300;
/** joins at once: Colyseus queues concurrent joins of one hall on an emitter that warns past 10 */
const JOIN_BATCH = 8;
const START = 100;
const INC = 10;
const ROOT = path.resolve(import.meta.dirname, '..');
const ORGANIZER = { email: 'org@bench.example', password: 'organizer-password-1' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** A port nobody listens on now (the server takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Bidder {
  userId: string;
  token: string;
  /** the lot's price as this bidder's hall client last showed it */
  shown: number | null;
  /** outbid notices at this bidder's hall client: price → when */
  outbid: Map<number, number>;
}

/** A small deterministic PRNG (mulberry32), so every run plays the same pauses. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CPU time (user + system, ms) the process `pid` has used so far; null off Linux. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of stat (12 and 13 after the name), in clock ticks (100 Hz)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
/** How long (ms) the process's main thread has so far waited, runnable, for a CPU others had; null off Linux. */
function waitMs(pid: number | undefined): number | null {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return null;
  }
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs `f`, noting the CPU the server and this process (the bidders and hall clients) spent on it. */
interface CpuRun<T> {
  out: T;
  server: number | null;
  /** the server's time runnable but without a CPU (a busy shared machine), ms */
  starved: number | null;
  clients: number;
  wall: number;
}
async function withCpu<T>(pid: number | undefined, f: () => Promise<T>): Promise<CpuRun<T>> {
  const [s0, w0, c0, t0] = [cpuMs(pid), waitMs(pid), ownCpuMs(), performance.now()];
  const out = await f();
  const [s1, w1] = [cpuMs(pid), waitMs(pid)];
  return {
    out,
    server: s0 === null || s1 === null ? null : s1 - s0,
    starved: w0 === null || w1 === null ? null : w1 - w0,
    clients: ownCpuMs() - c0,
    wall: performance.now() - t0,
  };
}
const share = (ms: number | null, wall: number) => (ms === null ? '?' : `${((100 * ms) / wall).toFixed(0)}%`);
const cpuNote = (r: CpuRun<unknown>) =>
  `over ${(r.wall / 1000).toFixed(1)} s the server used ${share(r.server, r.wall)} of a core and waited for one ${share(r.starved, r.wall)} of the time; the bidders and hall clients used ${share(r.clients, r.wall)}`;

/** One request of client `c`; the pattern measures from its call to its return. */
type One = (c: number, k: number) => Promise<void>;

/** "The last seconds": `n` clients for `seconds`, each pausing 0.5-1.5 × `think` ms between an answer and its next request. */
async function lastSeconds(n: number, seconds: number, think: number, one: One): Promise<number[]> {
  const ms: number[] = [];
  const rand = rng(20261203);
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: n }, async (_, c) => {
      // the first request of each somewhere in the first pause, so they do not all start together
      await sleep(rand() * think);
      for (let k = 0; performance.now() < end; k++) {
        const t0 = performance.now();
        await one(c, k);
        ms.push(performance.now() - t0);
        await sleep(think * (0.5 + rand()));
      }
    }),
  );
  return ms;
}

/** "All at once": `rounds` times, every client's request sent at the same instant; the next round once all are answered. */
async function allAtOnce(n: number, rounds: number, one: One): Promise<number[]> {
  const ms: number[] = [];
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: n }, (_, c) => one(c, k).then(() => ms.push(performance.now() - t0))));
  }
  return ms;
}

async function main(): Promise<void> {
  const pg = process.env.DATABASE_URL || '';
  const schema = `ludao_bench_auction_${process.pid}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-bench-auction-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // node --import tsx: the server is this child itself, with its own CPU
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: dataDir,
      DATABASE_URL: pg,
      DATABASE_SCHEMA: pg ? schema : '',
      REDIS_URL: '',
      SEED_DEMO: '0',
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      LOG_LEVEL: 'error',
      // every bidder joins the hall from 127.0.0.1
      MATCHMAKE_BURST: String(BIDDERS * 2),
      MATCHMAKE_PER_MINUTE: String(BIDDERS * 10),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const rooms: Room<HallState>[] = [];
  let database: Database | null = null;
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error('the server exited while starting');
      if (i > 600) throw new Error('the server did not start in 60 s');
      const up = await fetch(`${base}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (up) break;
      await sleep(100);
    }
    // the server's own database, once it has migrated it (SQLite in WAL mode takes a second connection)
    database = openDatabase(pg ? { databaseUrl: pg, pgSchema: schema, poolSize: 4 } : { sqliteFile: path.join(dataDir, 'ludao.sqlite') });
    const dialect = database.dialect;

    // the expo (no API makes one: the demo seed does, and is off) and the bidders' accounts, straight
    // through the repositories; the lot through the organizer's API
    const repos = createRepositories(database.db);
    await repos.expos.create({
      slug: 'bench-auction',
      name: { zh: '拍卖压测', en: 'Auction bench' },
      isDemo: false,
      active: true,
      halls: ['gulangyu', 'shapowei'],
    });
    const bidders: Bidder[] = [];
    const expires = Date.now() + 3_600_000;
    for (let i = 0; i < BIDDERS; i++) {
      const u = await repos.users.create({
        email: `bidder-${i}@bench.example`,
        passwordHash: 'x',
        role: 'visitor',
        exhibitorId: null,
        displayName: `竞拍者${i}`,
      });
      const token = newToken();
      await repos.sessions.create(hashToken(token), u.id, expires);
      bidders.push({ userId: u.id, token, shown: null, outbid: new Map() });
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ORGANIZER),
    });
    if (login.status !== 200) throw new Error(`organizer login: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const newLot = async (title: string): Promise<string> => {
      const now = Date.now();
      const r = await fetch(`${base}/api/organizer/auction/lots`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          hallId: 'shapowei',
          kind: 'charity',
          title: { zh: title, en: title },
          description: { zh: '压测', en: 'Bench' },
          startPrice: START,
          increment: INC,
          opensAt: now - 1000,
          closesAt: now + 3_600_000,
          softCloseS: 30,
        }),
      });
      if (r.status !== 201) throw new Error(`create lot: ${r.status} ${await r.text()}`);
      return ((await r.json()) as LotView).id;
    };
    const lotId = await newLot('压测拍品');

    // every bidder in the hall, signed in, so the server can tell them when they are outbid
    const seen = new Set<number>();
    for (let i = 0; i < BIDDERS; i += JOIN_BATCH)
      await Promise.all(
        bidders.slice(i, i + JOIN_BATCH).map(async (b, k) => {
          const c = new Client(`ws://127.0.0.1:${port}`);
          c.http.headers = { ...c.http.headers, authorization: `Bearer ${b.token}` };
          const room = await c.joinOrCreate<HallState>(
            ROOM_HALL,
            { protocol: PROTOCOL_VERSION, hallId: 'shapowei', name: `竞拍者${i + k}`, color: 0, style: 0 },
            HallState,
          );
          room.onMessage('*', () => {});
          room.onMessage('auction', (m: ServerPayload<'auction'>) => {
            const lot = m.lots.find((l) => l.id === lotId);
            if (!lot) return;
            seen.add(i + k);
            b.shown = lot.price;
          });
          room.onMessage('outbid', (m: ServerPayload<'outbid'>) => {
            if (!b.outbid.has(m.price)) b.outbid.set(m.price, performance.now());
          });
          rooms.push(room);
        }),
      );
    for (let t = 0; seen.size < BIDDERS; t++) {
      if (t > 500) throw new Error(`only ${seen.size} of ${BIDDERS} hall clients got the lot`);
      await sleep(10);
    }

    const get = (url: string, token?: string) =>
      fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(async (r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        await r.arrayBuffer();
      });
    const me: One = (c) => get(`${base}/api/auth/me`, bidders[c].token);
    // the bids: each a few increments above the price its bidder last knew (its last answer, or the hall's display)
    const sentAt = new Map<number, number>();
    const ackAt = new Map<number, number>();
    const answers: Record<string, number> = {};
    const known = new Array<number | null>(BIDDERS).fill(null);
    let seq = 0;
    const bid: One = async (c, k) => {
      const amount = Math.max(known[c] ?? START - INC, bidders[c].shown ?? START - INC) + INC * (1 + ((c * 7 + k * 3) % 3));
      const t0 = performance.now();
      const r = await fetch(`${base}/api/me/auction/bids`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bidders[c].token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ lotId, amount, key: `bench-${c}-${seq++}-${lotId}` }),
      });
      const body = (await r.json()) as { ok: boolean; reason: string | null; price: number | null };
      const t = performance.now();
      if (r.status !== 200) throw new Error(`bid: ${r.status} ${JSON.stringify(body)}`);
      const verdict = body.ok ? 'accepted' : (body.reason ?? '?');
      answers[verdict] = (answers[verdict] ?? 0) + 1;
      if (body.ok) {
        sentAt.set(amount, t0);
        ackAt.set(amount, t);
      }
      known[c] = body.price;
    };

    // one warm-up pass of each, so neither side pays for first connections and JIT
    await allAtOnce(BIDDERS, 1, me);
    await allAtOnce(BIDDERS, 1, bid);
    const warmBids = (await repos.auction.bids(lotId)).length;
    const baseLastRun = await withCpu(child.pid, () => lastSeconds(BIDDERS, SECONDS, THINK_MS, me));
    const baseLast = sorted(baseLastRun.out);
    for (const k of Object.keys(answers)) delete answers[k];
    const bidLastRun = await withCpu(child.pid, () => lastSeconds(BIDDERS, SECONDS, THINK_MS, bid));
    const bidLast = sorted(bidLastRun.out);
    const lastAnswers = { ...answers };
    // the outbid notices the log calls for: each bid that took the lead from someone else
    const byUser = new Map(bidders.map((b) => [b.userId, b]));
    const log = (await repos.auction.bids(lotId)).slice(warmBids);
    const due = log.flatMap((b, k) => (k > 0 && log[k - 1].userId !== b.userId ? [{ to: byUser.get(log[k - 1].userId!)!, price: b.amount }] : []));
    for (let t = 0; due.some((d) => !d.to.outbid.has(d.price)) && t < 500; t++) await sleep(10);
    const missing = due.filter((d) => !d.to.outbid.has(d.price)).length;
    const told = due.filter((d) => d.to.outbid.has(d.price));
    const loaded = sorted(told.map((d) => d.to.outbid.get(d.price)! - ackAt.get(d.price)!));
    const loadedFromSend = sorted(told.map((d) => d.to.outbid.get(d.price)! - sentAt.get(d.price)!));

    // the worst case: every bid at the same instant
    for (const k of Object.keys(answers)) delete answers[k];
    const baseOnceRun = await withCpu(child.pid, () => allAtOnce(BIDDERS, ROUNDS, me));
    const baseOnce = sorted(baseOnceRun.out);
    const bidOnceRun = await withCpu(child.pid, () => allAtOnce(BIDDERS, ROUNDS, bid));
    const bidOnce = sorted(bidOnceRun.out);
    const onceAnswers = { ...answers };

    // quiet: two bidders taking turns on a fresh lot, each bid after the last notice arrived
    const quietLot = await newLot('安静拍品');
    const quiet: number[] = [];
    const quietFromSend: number[] = [];
    for (let k = 0, price = START - INC; k < QUIET + 1; k++) {
      const b = bidders[k % 2];
      price += INC;
      const t0 = performance.now();
      const r = await fetch(`${base}/api/me/auction/bids`, {
        method: 'POST',
        headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ lotId: quietLot, amount: price, key: `quiet-${k}-${quietLot}` }),
      });
      const t = performance.now();
      if (!((await r.json()) as { ok: boolean }).ok) throw new Error('a quiet bid was refused');
      if (k === 0) continue;
      const former = bidders[(k + 1) % 2];
      for (let w = 0; !former.outbid.has(price) && w < 500; w++) await sleep(1);
      if (!former.outbid.has(price)) continue;
      quiet.push(former.outbid.get(price)! - t);
      quietFromSend.push(former.outbid.get(price)! - t0);
    }
    quiet.sort((a, b) => a - b);
    quietFromSend.sort((a, b) => a - b);

    const three = (xs: number[]) => `p50 ${fmt(pct(xs, 50))}, p95 ${fmt(pct(xs, 95))}, p99 ${fmt(pct(xs, 99))}`;
    const ratio = (a: number[], b: number[]) => `p50 ${(pct(a, 50) / pct(b, 50)).toFixed(2)}×, p95 ${(pct(a, 95) / pct(b, 95)).toFixed(2)}×`;
    const target = (xs: number[]) => `target p95 ≤ ${TARGET_P95_MS} ms: ${pct(xs, 95) <= TARGET_P95_MS ? 'met' : 'NOT met'}`;
    const lines = [
      `auction bench (${dialect}, ${BIDDERS} signed-in bidders, loopback)`,
      `the last ${SECONDS} seconds (each bidder bids again 0.5-1.5 × ${THINK_MS} ms after each answer; ${bidLast.length} bids, answers ${JSON.stringify(lastAnswers)}):`,
      `  bid ack               ${three(bidLast)}  (${target(bidLast)})`,
      `  baseline /api/auth/me ${three(baseLast)}  (${baseLast.length} requests, same pattern)`,
      `  bid ack / baseline    ${ratio(bidLast, baseLast)}`,
      `  bids:     ${cpuNote(bidLastRun)}`,
      `  baseline: ${cpuNote(baseLastRun)}`,
      `all at once (${BIDDERS} bids sent at the same instant, ${ROUNDS} rounds; answers ${JSON.stringify(onceAnswers)}):`,
      `  bid ack               ${three(bidOnce)}  (${target(bidOnce)})`,
      `  baseline /api/auth/me ${three(baseOnce)}`,
      `  bid ack / baseline    ${ratio(bidOnce, baseOnce)}`,
      `  bids:     ${cpuNote(bidOnceRun)}`,
      `  baseline: ${cpuNote(baseOnceRun)}`,
      `outbid notice at the former leader's hall client (negative: before the bid's answer reached its bidder):`,
      told.length
        ? `  under the ${SECONDS}-second load: after the answer p50 ${fmt(pct(loaded, 50))}, p95 ${fmt(pct(loaded, 95))}; after the sending p50 ${fmt(pct(loadedFromSend, 50))}, p95 ${fmt(pct(loadedFromSend, 95))} (${told.length} notices${missing ? `, ${missing} MISSING` : ', none missing'})`
        : `  under load: no lead changed hands`,
      quiet.length
        ? `  quiet, two bidders taking turns: after the answer p50 ${fmt(pct(quiet, 50))}, p95 ${fmt(pct(quiet, 95))}; after the sending p50 ${fmt(pct(quietFromSend, 50))}, p95 ${fmt(pct(quietFromSend, 95))} (${quiet.length} notices)`
        : `  quiet: not measured (BENCH_QUIET=0)`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
    await database?.close().catch(() => undefined);
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, sleep(8000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    if (pg) await dropPgSchema(pg, schema).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
