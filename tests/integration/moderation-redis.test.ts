/**
 * Moderation across two processes on Redis (issue #11): two real server processes share presence
 * and matchmaking (Redis) and a database, a visitor has a tab in an instance on each process, and
 * every action must reach the instance on the other process within 500 ms: from the console's API
 * a mute (the muted notice, then the refusal of a line), its lift, each hall switch (chat off, slow
 * mode, mute all: told to everyone, then a line refused for that reason), a kick and a ban (the
 * disconnect); from a moderator in the hall, a mute and a ban of the person beside it, felt by the
 * same person's tab in the other instance on the other process; and a Q&A change published by any
 * process reaches the moderators' streams on both. Prints the propagation times
 * (moderator's action to the effect), p50 and max, and holds every one to 500 ms.
 *
 * Runs only when REDIS_URL is set, on its own Redis database and key prefix; with DATABASE_URL the
 * processes share a fresh PostgreSQL schema, otherwise one SQLite file in a shared data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { CloseCode, NoticeCode, ROOM_HALL } from '../../shared/protocol';
import { S2C, type ServerPayload } from '../../shared/messages';
import { HallState } from '../../shared/schema/HallState';
import { flushRedis, healthy, redisDb, spawnServer, type ServerProc } from './spawnServer';
import { dropPgSchema } from '../../server/db/open';
import { joinOptions, leaveAll, record, type TestVisitor } from '../fixtures/visitor';
import { listenSse } from '../fixtures/sse';
import { sleep, waitFor } from '../fixtures/wait';

const REDIS_URL = process.env.REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL;
const TEST_DB = 12;
const PREFIX = 'ludao-moderation-test:';
const PORTS = [3411, 3412] as const;
const PG_SCHEMA = `ludao_moderation_${process.pid}_${Date.now().toString(36)}`;
const ORGANIZER = { email: 'org@moderation.example', password: 'organizer-password-1' };
/** Propagation budget (issue #11). */
const BUDGET_MS = 500;

type Proc = ServerProc;

function start(port: number, redisUrl: string, distDir: string, dataDir: string): Proc {
  return spawnServer(port, {
    ...(DATABASE_URL ? { DATABASE_SCHEMA: PG_SCHEMA } : {}),
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    PRESENCE_PREFIX: PREFIX,
    HALL_CAPACITY: '4',
    SEED_DEMO: '0',
    ORGANIZER_EMAIL: ORGANIZER.email,
    ORGANIZER_PASSWORD: ORGANIZER.password,
    LOGIN_IP_BURST: '100',
    DIST_DIR: distDir,
    SHUTDOWN_TIMEOUT_MS: '5000',
  });
}

type Mod = ServerPayload<'moderation'>;
interface Tab extends TestVisitor {
  mods: { m: Mod; t: number }[];
  notices: { code: string; t: number }[];
  left: number | null;
  host: number;
}

/** A tab in the hall through process `p`: any instance, or the one named (`roomId`); `cookie` signs it in. */
async function join(p: Proc, name: string, device?: string, opts: { cookie?: string; roomId?: string } = {}): Promise<Tab> {
  const client = new Client(`ws://127.0.0.1:${p.port}`);
  if (opts.cookie) client.http.headers = { ...client.http.headers, cookie: opts.cookie };
  const options = joinOptions({ name, device });
  const room = opts.roomId
    ? await client.joinById<HallState>(opts.roomId, options, HallState)
    : await client.joinOrCreate<HallState>(ROOM_HALL, options, HallState);
  const mods: Tab['mods'] = [];
  const notices: Tab['notices'] = [];
  room.onMessage(S2C.moderation, (m: Mod) => mods.push({ m, t: performance.now() }));
  const inbox = record(room);
  room.onMessage(S2C.notice, (n: { code: string }) => notices.push({ code: n.code, t: performance.now() }));
  const tab: Tab = { client, room, inbox, id: room.sessionId, mods, notices, left: null, host: 0 };
  room.onLeave(() => (tab.left = performance.now()));
  await waitFor(() => room.state.visitors?.get(room.sessionId), 5000, `${name} in state`);
  tab.host = Number(new URL((room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws.url).port);
  return tab;
}

/** A device token as the browser gets one. */
async function newDevice(p: Proc): Promise<string> {
  const r = await fetch(`${p.http}/api/device`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await r.json()) as { device: string }).device;
}

const OPEN = { slowModeS: 0, chatOff: false, muteAll: false };
const MODE_KINDS = ['chatOff', 'slowMode', 'muteAll'] as const;
type ModeKind = (typeof MODE_KINDS)[number];
const MODE_ON: Record<ModeKind, Partial<typeof OPEN>> = { chatOff: { chatOff: true }, slowMode: { slowModeS: 5 }, muteAll: { muteAll: true } };
const MODE_REFUSAL: Record<ModeKind, string> = { chatOff: NoticeCode.chatOff, slowMode: NoticeCode.slowMode, muteAll: NoticeCode.muteAll };
/** Rounds of the moderator-in-the-hall test (each a new person with a tab in each instance). */
const ROUNDS = 5;

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

describe.skipIf(!REDIS_URL)('moderation across two processes on Redis', () => {
  const redisUrl = REDIS_URL ? (() => redisDb(REDIS_URL, TEST_DB))() : '';
  const procs: Proc[] = [];
  const tabs: Tab[] = [];
  let distDir = '';
  let dataDir = '';
  let cookie = '';
  /** the two instances the first test leaves behind (one per process), for the second */
  const instances: { roomId: string; host: number }[] = [];
  /** ms from the moderator's action to its effect in an instance on the other process */
  const samples: Record<string, number[]> = {
    mute: [],
    lift: [],
    chatOff: [],
    slowMode: [],
    muteAll: [],
    kick: [],
    ban: [],
    hallMute: [],
    hallBan: [],
  };

  beforeAll(async () => {
    await flushRedis(redisUrl);
    distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-mod-dist-'));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-mod-data-'));
    // one after the other: on SQLite only PostgreSQL's startup lock would order two migrations
    for (const port of PORTS) {
      const p = start(port, redisUrl, distDir, dataDir);
      procs.push(p);
      await healthy(p);
    }
    const res = await fetch(`${procs[1].http}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ORGANIZER),
    });
    expect(res.status).toBe(200);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  }, 120_000);

  afterAll(async () => {
    await leaveAll(...tabs);
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.race([Promise.all(procs.map((p) => p.exited)), sleep(8000)]);
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    if (redisUrl) await flushRedis(redisUrl).catch(() => undefined);
    if (distDir) fs.rmSync(distDir, { recursive: true, force: true });
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (DATABASE_URL) await dropPgSchema(DATABASE_URL, PG_SCHEMA).catch(() => undefined);
  }, 30_000);

  const api = (p: Proc, method: string, url: string, body?: unknown) =>
    fetch(`${p.http}${url}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  it('mutes, lifts, switches the hall chat, kicks and bans from the console in every instance on both processes', async () => {
    const dev = (await (
      await fetch(`${procs[0].http}/api/device`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    ).json()) as { device: string };
    // two instances of four seats: the troll's tab and three reporters (a report budget is three in a row) in one,
    // its second tab and a witness in the other
    const troll = await join(procs[0], '捣乱者', dev.device);
    const reporters = [await join(procs[0], '举报人'), await join(procs[1], '举报人二'), await join(procs[0], '举报人三')];
    const reporter = reporters[0];
    const troll2 = await join(procs[1], '捣乱者', dev.device);
    const witness = await join(procs[1], '旁观者');
    tabs.push(troll, ...reporters, troll2, witness);
    for (const r of reporters) expect(r.room.roomId).toBe(troll.room.roomId);
    expect(troll.room.roomId).toBe(reporter.room.roomId);
    expect(troll2.room.roomId).not.toBe(troll.room.roomId);
    instances.push({ roomId: troll.room.roomId, host: troll.host }, { roomId: troll2.room.roomId, host: troll2.host });
    // the API is always called on the process that does not host the troll's first tab
    const apiProc = procs.find((p) => p.port !== troll.host)!;
    const other = (t: Tab) => t.host !== apiProc.port;

    let seq = 0;
    async function reportLine(): Promise<string> {
      const text = `第 ${++seq} 句话`;
      const by = reporters[seq % reporters.length];
      troll.room.send('chat', { text });
      const line = await waitFor(
        () => by.inbox.chats.find((m) => m.text === text),
        5000,
        `the line ${seq} (troll notices ${JSON.stringify(troll.notices)}, by sees ${JSON.stringify(by.inbox.chats.slice(-2))})`,
      );
      const before = by.notices.filter((n) => n.code === NoticeCode.reported).length;
      by.room.send('report', { target: { kind: 'line', lineId: line.id }, reason: 'spam' });
      await waitFor(() => by.notices.filter((n) => n.code === NoticeCode.reported).length > before, 5000, 'the report taken');
      const list = (await (await api(apiProc, 'GET', '/api/moderation/reports')).json()) as { reports: { id: string; lineText: string }[] };
      return list.reports.find((r) => r.lineText === text)!.id;
    }

    for (let i = 0; i < 8; i++) {
      // the troll's chat budget refills one line per 1.5 s
      if (i > 2) await sleep(1600);
      // mute: the muted notice in both tabs (both processes)
      const reportId = await reportLine();
      const mutedBefore = [troll, troll2].map((t) => t.mods.filter((x) => x.m.kind === 'muted').length);
      const t0 = performance.now();
      const r = await api(apiProc, 'POST', `/api/moderation/reports/${reportId}/resolve`, { action: 'mute', minutes: 10 });
      expect(r.status).toBe(200);
      for (const [k, t] of [troll, troll2].entries()) {
        const got = await waitFor(() => t.mods.filter((x) => x.m.kind === 'muted')[mutedBefore[k]], 3000, 'muted');
        if (other(t)) samples.mute.push(got.t - t0);
      }
      // and the refusal of a line, in the instance on the other process
      troll2.room.send('chat', { text: `被禁言 ${i}` });
      await waitFor(() => troll2.notices.some((n) => n.code === NoticeCode.muted), 3000, 'the refusal');
      const sanctions = (await (await api(apiProc, 'GET', '/api/moderation/sanctions')).json()) as { sanctions: { id: string }[] };
      const unmutedBefore = [troll, troll2].map((t) => t.mods.filter((x) => x.m.kind === 'unmuted').length);
      const t1 = performance.now();
      expect((await api(apiProc, 'POST', `/api/moderation/sanctions/${sanctions.sanctions[0].id}/lift`)).status).toBe(200);
      for (const [k, t] of [troll, troll2].entries()) {
        const got = await waitFor(() => t.mods.filter((x) => x.m.kind === 'unmuted')[unmutedBefore[k]], 3000, 'unmuted');
        if (other(t)) samples.lift.push(got.t - t1);
      }
      // the hall's chat mode, one switch a round (chat off, slow mode, mute all): told to every
      // visitor of both instances, then a line from the witness is refused for that reason
      const kind = MODE_KINDS[i % MODE_KINDS.length];
      const modesBefore = [reporter, witness].map((t) => t.mods.filter((x) => x.m.kind === 'mode').length);
      const t2 = performance.now();
      expect((await api(apiProc, 'PUT', '/api/moderation/halls/gulangyu', { ...OPEN, ...MODE_ON[kind] })).status).toBe(200);
      for (const [k, t] of [reporter, witness].entries()) {
        const got = await waitFor(() => t.mods.filter((x) => x.m.kind === 'mode')[modesBefore[k]], 3000, 'mode');
        expect(got.m).toMatchObject({ mode: MODE_ON[kind] });
        if (other(t)) samples[kind].push(got.t - t2);
      }
      const refusalsBefore = witness.notices.filter((n) => n.code === MODE_REFUSAL[kind]).length;
      // slow mode lets one line through, then refuses the next within the interval
      if (kind === 'slowMode') witness.room.send('chat', { text: `慢速第一句 ${i}` });
      witness.room.send('chat', { text: `${kind} ${i}` });
      await waitFor(() => witness.notices.filter((n) => n.code === MODE_REFUSAL[kind]).length > refusalsBefore, 3000, `${kind} refusal`);
      // open again (told too) before the next round's line
      expect((await api(apiProc, 'PUT', '/api/moderation/halls/gulangyu', OPEN)).status).toBe(200);
      await waitFor(() => reporter.mods.filter((x) => x.m.kind === 'mode').length === modesBefore[0] + 2, 3000, 'open again');
    }
    await api(apiProc, 'PUT', '/api/moderation/halls/gulangyu', { slowModeS: 0, chatOff: false, muteAll: false });

    // kick the reporter through a report the troll makes: its connection closes on the other process
    const rLine = `我是举报人 ${Date.now()}`;
    reporter.room.send('chat', { text: rLine });
    const line = await waitFor(() => troll.inbox.chats.find((m) => m.text === rLine), 5000, 'the reporter line');
    troll.room.send('report', { target: { kind: 'line', lineId: line.id }, reason: 'abuse' });
    await waitFor(() => troll.notices.some((n) => n.code === NoticeCode.reported), 5000, 'report taken');
    const kickReport = ((await (await api(apiProc, 'GET', '/api/moderation/reports')).json()) as { reports: { id: string; lineText: string }[] }).reports.find(
      (r) => r.lineText === rLine,
    )!;
    const t3 = performance.now();
    expect((await api(apiProc, 'POST', `/api/moderation/reports/${kickReport.id}/resolve`, { action: 'kick' })).status).toBe(200);
    await waitFor(() => reporter.left, 3000, 'the kick');
    expect(reporter.inbox.leftWith).toBe(CloseCode.kicked);
    samples.kick.push(reporter.left! - t3);

    // ban the troll's device: both tabs close, whichever process hosts them
    const banReport = await (async () => {
      const text = `最后一句 ${Date.now()}`;
      troll2.room.send('chat', { text });
      const l = await waitFor(() => witness.inbox.chats.find((m) => m.text === text), 5000, 'the line');
      witness.room.send('report', { target: { kind: 'line', lineId: l.id }, reason: 'spam' });
      await waitFor(() => witness.notices.some((n) => n.code === NoticeCode.reported), 5000, 'report taken');
      return ((await (await api(apiProc, 'GET', '/api/moderation/reports')).json()) as { reports: { id: string; lineText: string }[] }).reports.find(
        (r) => r.lineText === text,
      )!;
    })();
    const t4 = performance.now();
    expect((await api(apiProc, 'POST', `/api/moderation/reports/${banReport.id}/resolve`, { action: 'ban' })).status).toBe(200);
    for (const t of [troll, troll2]) {
      await waitFor(() => t.left, 3000, 'the ban');
      expect(t.inbox.leftWith).toBe(CloseCode.banned);
      if (other(t)) samples.ban.push(t.left! - t4);
    }
    // and the device cannot come back through either process
    for (const p of procs) await expect(join(p, '又来了', dev.device)).rejects.toThrow(/banned/);
  }, 120_000);

  it('mutes and bans from a moderator in the hall: the same person’s tab in the other instance, on the other process, within 500 ms', async () => {
    // the first test leaves one instance on each process, with seats free in both
    const [a, b] = instances;
    expect(a.host, 'the two instances run on the two processes').not.toBe(b.host);
    const mod = await join(
      procs.find((p) => p.port === b.host)!,
      '主持人',
      undefined,
      { cookie, roomId: b.roomId },
    );
    tabs.push(mod);
    await waitFor(() => mod.mods.some((x) => x.m.kind === 'moderator'), 3000, 'moderator standing');
    for (let i = 0; i < ROUNDS; i++) {
      const device = await newDevice(procs[0]);
      // one person, a tab in each instance: the moderator acts on the tab beside it
      const near = await join(
        procs.find((p) => p.port === b.host)!,
        `访客${i}`,
        device,
        { roomId: b.roomId },
      );
      const far = await join(
        procs.find((p) => p.port === a.host)!,
        `访客${i}`,
        device,
        { roomId: a.roomId },
      );
      tabs.push(near, far);
      const t0 = performance.now();
      mod.room.send('moderate', { target: { kind: 'person', sessionId: near.id }, action: 'mute', minutes: 10 });
      const muted = await waitFor(() => far.mods.find((x) => x.m.kind === 'muted'), 3000, 'muted far away');
      samples.hallMute.push(muted.t - t0);
      far.room.send('chat', { text: `远处被禁言 ${i}` });
      await waitFor(() => far.notices.some((n) => n.code === NoticeCode.muted), 3000, 'the far refusal');
      const t1 = performance.now();
      mod.room.send('moderate', { target: { kind: 'person', sessionId: near.id }, action: 'ban', minutes: 60 });
      await waitFor(() => far.left, 3000, 'banned far away');
      expect(far.inbox.leftWith).toBe(CloseCode.banned);
      samples.hallBan.push(far.left! - t1);
      await waitFor(() => near.left, 3000, 'banned near');
      // the ban holds the device on both processes
      for (const p of procs) await expect(join(p, '又来了', device)).rejects.toThrow(/banned/);
    }
  }, 120_000);

  it('tells the consoles on both processes of a Q&A change published by any process (their Q&A queue reads again)', async () => {
    // This server has no expo running (SEED_DEMO=0), so no talk to ask: the change is published the way
    // a process's Q&A service does (server/qa/service.ts: RedisPresence, JSON on `${prefix}qa`), and the
    // consoles' streams on both processes must carry it. moderation.test.ts and qaRoom.test.ts check that
    // asking, upvoting and deciding publish it.
    const streams = procs.map((p) => listenSse(`${p.http}/api/moderation/events`, cookie));
    for (const s of streams) expect(await s.ready).toBe(200);
    const { default: Redis } = await import('ioredis');
    const pub = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await pub.connect();
    try {
      for (const change of ['asked', 'voted', 'decided']) {
        const e = { hallId: 'shapowei', sessionId: `qa-across-${change}`, change, at: Date.now() };
        await pub.publish(`${PREFIX}qa`, JSON.stringify(e));
        for (const s of streams)
          await waitFor(() => s.text().includes(`"sessionId":"${e.sessionId}","change":"${change}"`), 3000, `${change} on every console stream`);
      }
      expect(streams.every((s) => s.text().includes('event: qa'))).toBe(true);
    } finally {
      for (const s of streams) s.close();
      await pub.quit();
    }
  });

  it('prints the propagation times and holds them to 500 ms', () => {
    const all = Object.values(samples).flat();
    const line = (name: string, xs: number[]) =>
      xs.length
        ? `${name.padEnd(9)} n=${String(xs.length).padStart(2)} p50=${pct(xs, 0.5).toFixed(1)} ms max=${Math.max(...xs).toFixed(1)} ms`
        : `${name}: none`;
    console.log(
      [
        `moderation propagation, the moderator's action (API call, or a moderator's message in the hall) to the effect in an instance on the other process (${DATABASE_URL ? 'PostgreSQL' : 'SQLite'}):`,
        ...Object.entries(samples).map(([k, xs]) => line(k, xs)),
        line('all', all),
      ].join('\n'),
    );
    for (const k of ['mute', 'ban', 'slowMode', 'chatOff', 'muteAll', 'hallMute', 'hallBan'] as const) expect(samples[k].length, k).toBeGreaterThan(0);
    expect(Math.max(...all)).toBeLessThan(BUDGET_MS);
  });
});
