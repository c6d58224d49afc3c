/**
 * The auction's last seconds across two processes (issue #12 item 7): two real server processes
 * share a PostgreSQL schema and Redis (presence and matchmaking); an organizer puts a lot up through
 * the API, closing 6 s out with a 2 s soft close, and in its last 5 s 200 signed-in bidders bid over
 * HTTP, half through each process: one to three bids each with rising amounts, some too low on
 * purpose, some resent with the same key to the other process (at once, or after the answer).
 * A hall visitor in an instance on each process (HALL_CAPACITY=1) watches the lot and is a bidder.
 *
 * It checks that no bid is lost or counted twice (every request answered, every accepted answer in
 * the log exactly once, a resent accepted bid answered "accepted" again and counted once, a resent
 * refused one refused again), that the highest accepted bid wins, that replaying the log through
 * shared/auctionRules gives exactly the stored close (and no refusal moved it: "closed" only ever
 * came after the final close), that the hash chain is whole, that each watcher was told of every
 * time it was outbid, and that every instance on both processes ends with the same lot as the
 * database.
 *
 * Runs only when both DATABASE_URL and REDIS_URL are set, in a PostgreSQL schema and Redis
 * database of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type Room } from 'colyseus.js';
import { ROOM_HALL } from '../../shared/protocol';
import type { ServerPayload } from '../../shared/messages';
import { HallState } from '../../shared/schema/HallState';
import { bidResultSchema, type LotView } from '../../shared/api/auction';
import { judgeBid, type LotClock } from '../../shared/auctionRules';
import { flushRedis, healthy, redisDb, spawnServer, type ServerProc } from './spawnServer';
import { dropPgSchema, openDatabase, type Database } from '../../server/db/open';
import { createRepositories, type Repositories } from '../../server/db/repositories';
import { checkBidChain, type BidRecord } from '../../server/db/repositories/auction';
import { lotView } from '../../server/auction/service';
import { hashToken, newToken } from '../../server/auth/tokens';
import { joinOptions } from '../fixtures/visitor';
import { sleep, waitFor } from '../fixtures/wait';

const REDIS_URL = process.env.REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL;
const TEST_DB = 11;
const PREFIX = 'ludao-auction-test:';
const PORTS = [3421, 3422] as const;
const PG_SCHEMA = `ludao_auction2p_${process.pid}_${Date.now().toString(36)}`;
const ORGANIZER = { email: 'org@auction.example', password: 'organizer-password-1' };
const BIDDERS = 200;
const START = 100;
const INC = 10;
/** the lot closes this long after it is put up; the bidding is its last WINDOW_MS */
const CLOSES_IN_MS = 6000;
const WINDOW_MS = 5000;
const SOFT_CLOSE_S = 2;

type Proc = ServerProc;

function start(port: number, redisUrl: string, distDir: string, dataDir: string): Proc {
  return spawnServer(port, {
    DATABASE_SCHEMA: PG_SCHEMA,
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    PRESENCE_PREFIX: PREFIX,
    // one visitor per instance: two watchers make an instance on each process
    HALL_CAPACITY: '1',
    SEED_DEMO: '0',
    ORGANIZER_EMAIL: ORGANIZER.email,
    ORGANIZER_PASSWORD: ORGANIZER.password,
    DIST_DIR: distDir,
    SHUTDOWN_TIMEOUT_MS: '5000',
  });
}

/** A small deterministic PRNG (mulberry32): every run plays the same bidders' plans. */
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

interface Bidder {
  userId: string;
  name: string;
  token: string;
}

interface Watcher {
  bidder: number;
  room: Room<HallState>;
  host: number;
  snaps: ServerPayload<'auction'>[];
  outbid: ServerPayload<'outbid'>[];
}

/** One HTTP bid request and its answer; `resend` marks the copy sent with an earlier request's key. */
interface Sent {
  bidder: number;
  key: string;
  amount: number;
  lowball: boolean;
  resend: boolean;
  port: number;
  sentAt: number;
  ackAt: number;
  ms: number;
  status: number;
  body: ReturnType<typeof bidResultSchema.parse> | null;
  error: string | null;
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

if (!DATABASE_URL || !REDIS_URL) {
  describe.skip('the auction across two processes (set DATABASE_URL and REDIS_URL to run: two processes share PostgreSQL and Redis)', () => {
    it('needs DATABASE_URL and REDIS_URL', () => {});
  });
} else {
  describe('the auction across two processes', () => {
    const redisUrl = redisDb(REDIS_URL, TEST_DB);
    const procs: Proc[] = [];
    const watchers: Watcher[] = [];
    const bidders: Bidder[] = [];
    let database: Database | null = null;
    let repos: Repositories;
    let distDir = '';
    let dataDir = '';
    let cookie = '';

    beforeAll(async () => {
      await flushRedis(redisUrl);
      distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-auction-dist-'));
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-auction-data-'));
      // together: PostgreSQL's startup lock orders the two migrations
      for (const port of PORTS) procs.push(start(port, redisUrl, distDir, dataDir));
      await Promise.all(procs.map(healthy));

      // no API makes an expo (the demo seed does, and is off): one, straight into the shared schema
      database = openDatabase({ databaseUrl: DATABASE_URL, pgSchema: PG_SCHEMA, poolSize: 4 });
      repos = createRepositories(database.db);
      await repos.expos.create({
        slug: 'auction-two-process',
        name: { zh: '拍卖测试', en: 'Auction test' },
        isDemo: false,
        active: true,
        halls: ['gulangyu', 'shapowei'],
      });
      // 200 visitor accounts with bearer sessions, through the repositories (sign-up is throttled per address)
      const expires = Date.now() + 3_600_000;
      for (let i = 0; i < BIDDERS; i += 20)
        await Promise.all(
          Array.from({ length: Math.min(20, BIDDERS - i) }, async (_, k) => {
            const n = i + k;
            const name = `竞拍者${n}`;
            const u = await repos.users.create({
              email: `bidder-${n}@auction.example`,
              passwordHash: 'x',
              role: 'visitor',
              exhibitorId: null,
              displayName: name,
            });
            const token = newToken();
            await repos.sessions.create(hashToken(token), u.id, expires);
            bidders[n] = { userId: u.id, name, token };
          }),
        );

      const res = await fetch(`${procs[1].http}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ORGANIZER),
      });
      expect(res.status).toBe(200);
      cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];

      // watchers, signed in as bidders 0, 1, ...: joined through each process in turn until an
      // instance runs on each (the matchmaker puts a new instance on the process with fewer rooms)
      for (let i = 0; i < 6 && new Set(watchers.map((w) => w.host)).size < 2; i++) {
        const p = procs[i % 2];
        const client = new Client(`ws://127.0.0.1:${p.port}`);
        client.http.headers = { ...client.http.headers, authorization: `Bearer ${bidders[i].token}` };
        const room = await client.joinOrCreate<HallState>(ROOM_HALL, joinOptions({ hallId: 'shapowei', name: `看拍${i}` }), HallState);
        const w: Watcher = { bidder: i, room, host: 0, snaps: [], outbid: [] };
        room.onMessage('auction', (m: ServerPayload<'auction'>) => w.snaps.push(m));
        room.onMessage('outbid', (m: ServerPayload<'outbid'>) => w.outbid.push(m));
        room.onMessage('*', () => {});
        await waitFor(() => room.state.visitors?.get(room.sessionId), 5000, `watcher ${i} in state`);
        w.host = Number(new URL((room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws.url).port);
        watchers.push(w);
      }
    }, 90_000);

    afterAll(async () => {
      await Promise.all(watchers.map((w) => (w.room.connection?.isOpen ? w.room.leave(true).catch(() => undefined) : undefined)));
      for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
      await Promise.race([Promise.all(procs.map((p) => p.exited)), sleep(8000)]);
      for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
      await database?.close().catch(() => undefined);
      await flushRedis(redisUrl).catch(() => undefined);
      if (distDir) fs.rmSync(distDir, { recursive: true, force: true });
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      await dropPgSchema(DATABASE_URL, PG_SCHEMA).catch(() => undefined);
    }, 30_000);

    it('200 bidders in the last 5 seconds through two processes: nothing lost or doubled, the highest wins, the close as the rules say, every instance agrees', async () => {
      expect(new Set(watchers.map((w) => w.host)), 'an instance on each process').toEqual(new Set(PORTS));

      const created = Date.now();
      const made = await fetch(`${procs[0].http}/api/organizer/auction/lots`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          hallId: 'shapowei',
          kind: 'charity',
          title: { zh: '手绘渔船', en: 'Hand-painted fishing boat' },
          description: { zh: '义卖，所得捐给渔村小学', en: 'For the fishing village school' },
          startPrice: START,
          increment: INC,
          opensAt: created - 1000,
          closesAt: created + CLOSES_IN_MS,
          softCloseS: SOFT_CLOSE_S,
        }),
      });
      expect(made.status).toBe(201);
      const lotId = ((await made.json()) as LotView).id;
      const initial = (await repos.auction.lot(lotId))!;
      const clock0: LotClock = { ...initial };
      // every instance on both processes shows the new lot without asking
      for (const w of watchers) await waitFor(() => w.snaps.at(-1)?.lots.some((l) => l.id === lotId), 5000, `the lot at watcher ${w.bidder}`);

      const sent: Sent[] = [];
      async function post(
        port: number,
        bidder: number,
        body: { lotId: string; amount: number; key: string },
        meta: { lowball: boolean; resend: boolean },
      ): Promise<Sent> {
        const sentAt = Date.now();
        const t0 = performance.now();
        const s: Sent = { bidder, key: body.key, amount: body.amount, ...meta, port, sentAt, ackAt: 0, ms: 0, status: 0, body: null, error: null };
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/me/auction/bids`, {
            method: 'POST',
            headers: { authorization: `Bearer ${bidders[bidder].token}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(15_000),
          });
          s.status = res.status;
          const text = await res.text();
          const parsed = bidResultSchema.safeParse(JSON.parse(text));
          if (parsed.success) s.body = parsed.data;
          else s.error = text;
        } catch (err) {
          s.error = String(err);
        }
        s.ackAt = Date.now();
        s.ms = performance.now() - t0;
        sent.push(s);
        return s;
      }

      // each bidder's plan, fixed up front: when it starts within the window, how many bids, and
      // per bid whether it lowballs (below the start price: always too low), how many increments
      // above the price it last heard it goes, and whether it resends (at once, or after the answer)
      const rand = rng(20261203);
      const plans = Array.from({ length: BIDDERS }, (_, i) => ({
        i,
        offset: Math.floor(rand() * (WINDOW_MS - 400)),
        bids: Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
          lowball: rand() < 0.1,
          steps: 1 + Math.floor(rand() * 4),
          resend: ((r) => (r < 0.12 ? 'together' : r < 0.24 ? 'after' : null))(rand()),
          pause: 30 + Math.floor(rand() * 250),
        })),
      }));
      // the last ten snipe just after the close as first put up: only the soft close lets them in
      const snipers = new Set<number>();
      for (const [k, plan] of plans.slice(-10).entries()) {
        plan.offset = WINDOW_MS + 50 + k * 30;
        snipers.add(plan.i);
      }
      const windowStart = created + CLOSES_IN_MS - WINDOW_MS;
      async function play(plan: (typeof plans)[number]): Promise<void> {
        await sleep(Math.max(0, windowStart + plan.offset - Date.now()));
        const home = PORTS[plan.i % 2];
        const away = PORTS[(plan.i + 1) % 2];
        // before any answer, a bidder's guess of the price grows with the time it joins in
        let known: number | null = null;
        for (const [j, b] of plan.bids.entries()) {
          const amount = b.lowball ? START - INC : (known ?? START + INC * (snipers.has(plan.i) ? 200 : Math.floor(plan.offset / 40))) + INC * b.steps;
          const body = { lotId, amount, key: `r${plan.i}x${j}-${lotId}` };
          const first = post(home, plan.i, body, { lowball: b.lowball, resend: false });
          const twin = b.resend === 'together' ? post(away, plan.i, body, { lowball: b.lowball, resend: true }) : null;
          const answer = await first;
          await twin;
          if (b.resend === 'after') await post(away, plan.i, body, { lowball: b.lowball, resend: true });
          if (answer.body?.price != null) known = answer.body.price;
          if (answer.body?.reason === 'closed') break;
          await sleep(b.pause);
        }
      }
      await Promise.all(plans.map(play));
      const lot = await waitFor(
        async () => {
          const l = (await repos.auction.lot(lotId))!;
          return Date.now() > l.closesAt ? l : null;
        },
        15_000,
        'the close',
      );
      // once closed, bids through either process are refused, however high, and change nothing
      const late = await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          post(PORTS[k % 2], k, { lotId, amount: lot.price! + INC * 10 * (k + 1), key: `late${k}-${lotId}` }, { lowball: false, resend: false }),
        ),
      );
      for (const s of late) expect(s.body).toMatchObject({ ok: false, reason: 'closed', price: lot.price });
      expect(await repos.auction.lot(lotId)).toEqual(lot);

      // nothing lost: every request answered, by the rules' vocabulary
      const failed = sent.filter((s) => s.status !== 200 || !s.body);
      expect(failed.map((s) => `${s.status} ${s.error}`)).toEqual([]);
      const byKey = new Map<string, Sent[]>();
      for (const s of sent) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
      // a resend (to the other process, at once or after) of an accepted bid is answered "accepted"
      // again; a refused bid is not kept, so its resend is judged anew: refused again, for the same
      // reason or because the lot has closed since (checked below against the final close)
      for (const [key, ss] of byKey) {
        const verdicts = [...new Set(ss.map((s) => `${s.body!.ok}:${s.body!.reason}`))];
        if (ss.some((s) => s.body!.ok)) expect(verdicts, `answers for ${key}`).toEqual(['true:null']);
        else expect(verdicts.filter((v) => v !== 'false:closed').length, `answers for ${key}: ${verdicts.join(' / ')}`).toBeLessThanOrEqual(1);
      }
      for (const s of sent.filter((x) => x.lowball)) expect(s.body).toMatchObject({ ok: false, reason: 'too_low' });
      // a refusal as too low was judged against a price it really was below
      for (const s of sent.filter((x) => x.body!.reason === 'too_low')) expect(s.amount).toBeLessThan(s.body!.price === null ? START : s.body!.price + INC);

      // counted once: the log holds exactly the accepted keys, each once, by their bidder, at their amount
      const bids: BidRecord[] = await repos.auction.bids(lotId);
      const acceptedKeys = [...byKey].filter(([, ss]) => ss[0].body!.ok).map(([k]) => k);
      expect(bids.map((b) => b.bidKey).sort()).toEqual(acceptedKeys.sort());
      expect(new Set(bids.map((b) => b.bidKey)).size).toBe(bids.length);
      for (const b of bids) {
        const s = byKey.get(b.bidKey)![0];
        expect(b.userId).toBe(bidders[s.bidder].userId);
        expect(b.amount).toBe(s.amount);
        // the server's clock read while the request was in flight (one machine, one clock)
        const first = byKey.get(b.bidKey)!.reduce((m, x) => Math.min(m, x.sentAt), Infinity);
        const last = byKey.get(b.bidKey)!.reduce((m, x) => Math.max(m, x.ackAt), 0);
        expect(b.at).toBeGreaterThanOrEqual(first - 1);
        expect(b.at).toBeLessThanOrEqual(last + 1);
      }
      expect(checkBidChain(bids)).toEqual([]);
      expect(bids.length).toBeGreaterThan(20);

      // the highest accepted bid wins
      for (let k = 1; k < bids.length; k++) expect(bids[k].amount).toBeGreaterThanOrEqual(bids[k - 1].amount + INC);
      const top = bids.reduce((m, b) => (b.amount > m.amount ? b : m));
      expect(lot).toMatchObject({ price: top.amount, leaderId: top.userId, leaderName: top.name, bidCount: bids.length, lastHash: bids.at(-1)!.hash });

      // the close moved exactly as the rules say: replaying the log from the lot as it was put up
      let clock = clock0;
      let extensions = 0;
      for (const b of bids) {
        const v = judgeBid(clock, b.amount, b.at);
        expect(v, `bid ${b.seq}`).toEqual({ ok: true, closesAt: b.closesAt, extended: b.closesAt !== clock.closesAt });
        if (v.ok && v.extended) extensions++;
        clock = { ...clock, price: b.amount, closesAt: b.closesAt };
      }
      expect(lot.closesAt).toBe(clock.closesAt);
      expect(extensions, 'accepted bids in the soft-close window moved the close').toBeGreaterThan(0);
      expect(lot.closesAt).toBeGreaterThan(initial.closesAt);
      const afterFirstClose = bids.filter((b) => b.at >= initial.closesAt).length;
      expect(afterFirstClose, 'bids after the close as first put up, let in by the soft close').toBeGreaterThan(0);
      // and no refusal moved it: "closed" was only ever answered once the final close had passed
      const closedAnswers = sent.filter((s) => s.body!.reason === 'closed');
      for (const s of closedAnswers) expect(s.ackAt).toBeGreaterThanOrEqual(lot.closesAt);
      for (const b of bids) expect(b.at).toBeLessThan(lot.closesAt);

      // every watcher was told each time its lead was taken by someone else, wherever that bid came in
      for (const w of watchers) {
        const me = bidders[w.bidder].userId;
        // the price of each bid that took the lead from this watcher's account
        const prices = bids.filter((b, k) => k > 0 && b.userId !== me && bids[k - 1].userId === me).map((b) => b.amount);
        await waitFor(() => w.outbid.length >= prices.length, 5000, `watcher ${w.bidder}'s ${prices.length} outbid notices`);
        // sorted: the two processes' notices may cross on the bus; the prices only rise
        expect([...w.outbid].sort((a, b) => a.price - b.price)).toEqual(prices.map((price) => ({ lotId, price })));
      }

      // every instance on both processes ends with the lot as the database has it
      const want = lotView(lot);
      for (const w of watchers)
        await waitFor(() => JSON.stringify(w.snaps.at(-1)?.lots.find((l) => l.id === lotId)) === JSON.stringify(want), 5000, `watcher ${w.bidder}'s final lot`);
      const finals = watchers.map((w) => w.snaps.at(-1)!.lots.find((l) => l.id === lotId)!);
      for (const f of finals) expect(f).toEqual(want);
      // and both processes' organizer API give the same result, chain whole
      for (const p of procs) {
        const list = (await (await fetch(`${p.http}/api/organizer/auction/lots`, { headers: { cookie } })).json()) as {
          lots: (LotView & { chainOk: boolean })[];
        };
        expect(list.lots.find((l) => l.id === lotId)).toMatchObject({
          price: want.price,
          leader: want.leader,
          closesAt: want.closesAt,
          bids: want.bids,
          chainOk: true,
        });
      }

      const reasons: Record<string, number> = {};
      for (const s of sent) reasons[s.body!.ok ? 'accepted' : s.body!.reason!] = (reasons[s.body!.ok ? 'accepted' : s.body!.reason!] ?? 0) + 1;
      const ms = sent.map((s) => s.ms);
      console.log(
        `auction, two processes (PostgreSQL + Redis): ${BIDDERS} bidders, ${sent.length} requests (${sent.filter((s) => s.resend).length} resends) in the last ${WINDOW_MS / 1000} s; ` +
          `answers ${JSON.stringify(reasons)}; ${bids.length} bids logged, winner ${lot.leaderName} at ${lot.price}; ` +
          `close moved ${extensions} times, by ${lot.closesAt - initial.closesAt} ms (${afterFirstClose} bids after the first close); ack p50 ${pct(ms, 0.5).toFixed(0)} ms, p95 ${pct(ms, 0.95).toFixed(0)} ms`,
      );
    }, 60_000);
  });
}
