/**
 * Crowd benchmark (issue #5): N visitors walking in ONE hall instance, against the real Ludao
 * server (createApp, interest management on) and, in the same run, against a minimal bare `ws`
 * broadcast server doing the same fan-out. Each server runs in its own child process, so its
 * CPU and memory are its own; the load bots run in a third process at the lowest priority
 * (SCHED_IDLE, BENCH_BOTS_SCHED=nice|normal to change), standing for browsers on other machines.
 *
 *   npx tsx bench/crowd.ts            (npm run bench:crowd)
 *   BENCH_SIZES=50,300 BENCH_MEASURE_MS=4000 npx tsx bench/crowd.ts
 *   BENCH_CPU_PROF=/tmp/prof BENCH_NODE_FLAGS=--trace-gc ...   (for digging into a server, not for figures)
 *   BENCH_PARTS=1                     (for digging too: the make-up of the Ludao patches, crowd/patchParts.ts)
 *   BENCH_ALLOC_PROF=/tmp/a.heapprofile (for digging too: what the Ludao server allocates while measured)
 *   BENCH_ANALYTICS=compare|on|off    (default compare: Ludao with the analytics sampler on AND off, same run)
 *   BENCH_PORT=3403                    (the Ludao server's port; the bare one listens on the next)
 *
 * Prints, per N: patch time p50/p99 (server-side, the whole broadcast including socket writes;
 * beside it, on Linux, how long the server's thread was runnable but waiting for a CPU that other
 * processes had during the patch, and the patch time less that wait),
 * server CPU per visitor (% of one core), bytes per second per visitor (received by the bots,
 * WebSocket framing included), server memory per visitor (growth over the settled idle server of
 * RSS and of live heap + buffers, both after full collections), and the ratios Ludao / bare.
 * With BENCH_ANALYTICS=compare (the default) each N runs the Ludao server twice, analytics sampling
 * on (the production default) and off, and prints both p99s and their ratio, with what the sampler
 * itself costs a second and how long its flushes to SQLite took (every 5 s in the bench).
 * Loopback only; every loop is bounded; the whole run takes 4-7 minutes.
 * Figures are from a shared 2-core machine: compare within one run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'colyseus.js';
import { PROTOCOL_VERSION, ROOM_HALL } from '../shared/protocol';
import { HallState } from '../shared/schema/HallState';
import type { Protocol } from './crowd/bots';
import type { BotsReply, FromServer, Mem, ServerReport, ToBots, ToServer } from './crowd/ipc';
import { BENCH_HALL, botIndex, percentile } from './crowd/world';
import { createExpoServices } from '../server/http/services';
import { readConfig } from '../server/config';
import { createLogger } from '../server/lib/logger';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.BENCH_SIZES || '50,100,200,300,500')
  .split(',')
  .map(Number)
  .filter((n) => n > 0 && n <= 2000);
const WARM_MS = Number(process.env.BENCH_WARM_MS || 3000);
// 10 s = 200 patches per run, so p99 is not just the second-worst patch.
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS || 10000);
// BENCH_PORT=p: the Ludao server listens on p and the bare one on p+1 (so two benches can share a machine).
const BASE_PORT = Number(process.env.BENCH_PORT || 3403);
const PORTS: Record<Protocol, number> = { colyseus: BASE_PORT, bare: BASE_PORT + 1 };
const TARGET = { n: 300, p99Ms: 10, kbPerS: 10, kbPerVisitor: 100 };
const ANALYTICS = analyticsRuns(process.env.BENCH_ANALYTICS);

function analyticsRuns(asked: string | undefined): boolean[] {
  if (asked === 'on') return [true];
  if (asked === 'off') return [false];
  if (asked && asked !== 'compare') throw new Error(`BENCH_ANALYTICS must be compare, on or off, got "${asked}"`);
  return [true, false];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Row {
  server: Protocol;
  /** the analytics sampler (Ludao only) */
  sampling?: boolean;
  n: number;
  p50: number;
  p99: number;
  cpuP50: number;
  cpuP99: number;
  /** the patch's wall time less the time its thread waited for a CPU, and that wait (Linux schedstat; NaN elsewhere) */
  busyP50: number;
  busyP99: number;
  waitP99: number;
  patches: number;
  cpuPctPerVisitor: number;
  kbpsPerVisitor: number;
  /** RSS growth over the settled idle server, both read after full collections (ipc.ts settledMemory) */
  rssKbPerVisitor: number;
  /** growth of live JS heap + off-heap buffers, read the same way: the steadier figure */
  liveKbPerVisitor: number;
  rssMb: number;
  /** the load bots' own CPU, % of one core */
  botsCpuPct: number;
  views?: number;
  cells?: number;
  check?: string;
  analytics?: ServerReport['analytics'];
}

/** A child process spoken to over IPC, one awaited reply at a time. */
class Child<In extends { type: string }, Out> {
  private readonly waiters: Array<(m: In) => void> = [];
  readonly exited: Promise<number | null>;

  constructor(
    readonly proc: ChildProcess,
    types: ReadonlyArray<In['type']>,
  ) {
    // Only our own messages: libraries in the child may talk over IPC too (@pm2/io does).
    proc.on('message', (m: In) => {
      if (m && types.includes(m.type)) this.waiters.shift()?.(m);
    });
    this.exited = new Promise((r) => proc.once('exit', (code) => r(code)));
    // A child that dies fails whatever is waiting on it now, not after a timeout.
    void this.exited.then((code) => {
      for (const w of this.waiters.splice(0)) w({ type: `exited with code ${code}` } as In);
    });
  }

  next<T extends In['type']>(type: T, timeoutMs = 60_000): Promise<Extract<In, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no '${type}' from the child within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push((m) => {
        clearTimeout(timer);
        if (m.type !== type) reject(new Error(`expected '${type}', got ${JSON.stringify(m)}`));
        else resolve(m as Extract<In, { type: T }>);
      });
    });
  }

  send(m: Out): void {
    this.proc.send(m as object);
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    this.send({ type: 'stop' } as Out);
    const done = await Promise.race([this.exited.then(() => true), sleep(5000).then(() => false)]);
    if (!done) this.proc.kill('SIGKILL');
  }
}

type ServerChild = Child<FromServer, ToServer>;
type BotsChild = Child<BotsReply, ToBots>;

/**
 * How the load bots are scheduled (see crowd/botsProcess.ts): SCHED_IDLE through util-linux'
 * `chrt` where there is one (a SCHED_IDLE task never preempts the server when a patch wakes it),
 * else nice 10. BENCH_BOTS_SCHED=normal runs them like the server, for comparison.
 */
const BOTS_SCHED = botsScheduling(process.env.BENCH_BOTS_SCHED);
const BOTS_NICE = 10;

function botsScheduling(asked: string | undefined): 'idle' | 'nice' | 'normal' {
  if (asked === 'normal' || asked === 'nice') return asked;
  return spawnSync('chrt', ['--version']).status === 0 ? 'idle' : 'nice';
}

function startServer(kind: Protocol, sampling: boolean): ServerChild {
  const file = path.join(here, 'crowd', kind === 'colyseus' ? 'colyseusServer.ts' : 'bareServer.ts');
  // BENCH_CPU_PROF=dir writes a V8 CPU profile of each server process there, BENCH_NODE_FLAGS adds
  // node flags to the servers (for digging, not figures).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  if (process.env.BENCH_NODE_FLAGS) prof.push(...process.env.BENCH_NODE_FLAGS.split(' '));
  const proc = spawn(process.execPath, ['--expose-gc', ...prof, '--import', 'tsx', file], {
    env: { ...process.env, PORT: String(PORTS[kind]), NODE_ENV: 'production', ANALYTICS_SAMPLING: sampling ? 'on' : 'off' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Child(proc, ['ready', 'memory', 'marked', 'report']);
}

function startBots(): BotsChild {
  const args = ['--import', 'tsx', path.join(here, 'crowd', 'botsProcess.ts')];
  // Switching oneself to SCHED_IDLE or a higher nice needs no privilege.
  const [cmd, argv] = BOTS_SCHED === 'idle' ? ['chrt', ['--idle', '0', process.execPath, ...args]] : [process.execPath, args];
  const proc = spawn(cmd, argv, { env: process.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  if (BOTS_SCHED === 'nice') {
    try {
      os.setPriority(proc.pid!, BOTS_NICE);
    } catch {
      // if the platform refuses, the bots just compete as before
    }
  }
  return new Child(proc, ['ready', 'started', 'bytes', 'failed']);
}

/**
 * A real colyseus.js client joins the bots' instance and decodes the state: every thin bot must
 * be on its roster, bots must be seen moving (their moves pass the server's checks), and its own
 * download is reported next to the thin bots' for comparison.
 */
async function observe(port: number, n: number): Promise<{ ok: boolean; text: string }> {
  const client = new Client(`ws://127.0.0.1:${port}`);
  const room = await client.joinOrCreate<HallState>(
    ROOM_HALL,
    { protocol: PROTOCOL_VERSION, hallId: BENCH_HALL, name: 'observer', color: 0, style: 0 },
    HallState,
  );
  room.onMessage('*', () => {});
  let bytes = 0;
  const ws = (room.connection as unknown as { transport: { ws: { addEventListener(t: string, f: (e: { data: ArrayBuffer }) => void): void } } }).transport.ws;
  ws.addEventListener('message', (e) => (bytes += e.data.byteLength + 2));
  try {
    const deadline = Date.now() + 5000;
    while (room.state.visitors.size < n + 1 && Date.now() < deadline) await sleep(100);
    const bots = [...room.state.visitors.values()].filter((v) => botIndex(v.name) !== null);
    const snapshot = new Map(bots.map((v) => [v.name, `${v.gx},${v.gz},${v.x},${v.z}`]));
    const b0 = bytes;
    await sleep(3000);
    const kbps = (bytes - b0) / 3 / 1024;
    let moved = 0;
    for (const v of room.state.visitors.values()) {
      const before = snapshot.get(v.name);
      if (before !== undefined && before !== `${v.gx},${v.gz},${v.x},${v.z}`) moved++;
    }
    const ok = bots.length === n && moved > n * 0.2;
    return { ok, text: `colyseus.js observer: ${bots.length}/${n} bots on the roster, ${moved} seen moving in 3 s, ${kbps.toFixed(1)} KB/s down` };
  } finally {
    await room.leave(true).catch(() => undefined);
  }
}

/**
 * The idle server's memory once it has settled: a fresh process gives back some 30 MB of
 * start-up pages over its first seconds, which would otherwise be subtracted from the visitors.
 */
async function idleMemory(server: ServerChild): Promise<Mem> {
  let last: Mem | null = null;
  const deadline = performance.now() + 15_000;
  for (;;) {
    server.send({ type: 'memory' });
    const { mem } = await server.next('memory');
    if ((last && Math.abs(mem.rss - last.rss) < 1024 * 1024) || performance.now() > deadline) return mem;
    last = mem;
    await sleep(1000);
  }
}

async function measure(kind: Protocol, n: number, sampling = false): Promise<Row> {
  const server = startServer(kind, sampling);
  const bots = startBots();
  try {
    const [ready] = await Promise.all([server.next('ready'), bots.next('ready')]);
    const idle = await idleMemory(server);
    bots.send({ type: 'start', kind, n, port: ready.port });
    await bots.next('started', 120_000);
    let check: string | undefined;
    if (kind === 'colyseus' && sampling === ANALYTICS[0] && (n === SIZES[0] || n === TARGET.n)) {
      const r = await observe(ready.port, n);
      check = `${r.ok ? 'OK' : 'FAILED'}: ${r.text}`;
      if (!r.ok) process.exitCode = 1;
    }
    await sleep(WARM_MS);
    server.send({ type: 'mark' });
    await server.next('marked');
    bots.send({ type: 'bytes' });
    const b0 = await bots.next('bytes');
    const t0 = performance.now();
    await sleep(MEASURE_MS);
    server.send({ type: 'report' });
    const rep: ServerReport = await server.next('report');
    bots.send({ type: 'bytes' });
    const b1 = await bots.next('bytes');
    const seconds = (performance.now() - t0) / 1000;
    return {
      server: kind,
      sampling: kind === 'colyseus' ? sampling : undefined,
      n,
      p50: percentile(rep.patchMs, 50),
      p99: percentile(rep.patchMs, 99),
      cpuP50: percentile(rep.patchCpuMs, 50),
      cpuP99: percentile(rep.patchCpuMs, 99),
      busyP50: percentile(rep.patchBusyMs, 50),
      busyP99: percentile(rep.patchBusyMs, 99),
      waitP99: percentile(rep.patchWaitMs, 99),
      patches: rep.patchMs.length,
      cpuPctPerVisitor: ((rep.cpuMs / rep.wallMs) * 100) / n,
      kbpsPerVisitor: (b1.bytes - b0.bytes) / seconds / n / 1024,
      rssKbPerVisitor: Math.max(0, rep.mem.rss - idle.rss) / n / 1024,
      liveKbPerVisitor: Math.max(0, rep.mem.live - idle.live) / n / 1024,
      rssMb: rep.mem.rss / 1024 / 1024,
      botsCpuPct: ((b1.cpuMs - b0.cpuMs) / (seconds * 1000)) * 100,
      views: rep.views,
      cells: rep.cells,
      check,
      analytics: rep.analytics,
    };
  } finally {
    await bots.stop();
    await server.stop();
  }
}

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const pad = (s: string, w: number) => s.padStart(w);

function printTable(rows: Row[]): void {
  const head = [
    'N',
    'server',
    'patch p50 ms',
    'patch p99 ms',
    'on-CPU p50',
    'on-CPU p99',
    'CPU %/visitor',
    'KB/s/visitor',
    'RSS KB/visitor',
    'heap KB/visitor',
    'RSS MB',
  ];
  const widths = [5, 15, 13, 13, 11, 11, 14, 13, 15, 16, 8];
  const line = (cells: string[]) => console.log(cells.map((c, i) => pad(c, widths[i])).join(' '));
  console.log('');
  line(head);
  for (const n of SIZES) {
    // the production default (sampling on) is the Ludao row compared with bare ws
    const c = rows.find((r) => r.n === n && r.server === 'colyseus' && r.sampling === ANALYTICS[0]);
    const off = ANALYTICS.length > 1 ? rows.find((r) => r.n === n && r.server === 'colyseus' && r.sampling === false) : undefined;
    const b = rows.find((r) => r.n === n && r.server === 'bare');
    for (const r of [c, off, b]) {
      if (!r) continue;
      line([
        String(n),
        r.server === 'bare' ? 'bare ws' : r.sampling ? 'ludao' : 'ludao, no stats',
        f(r.p50),
        f(r.p99),
        f(r.cpuP50),
        f(r.cpuP99),
        f(r.cpuPctPerVisitor, 3),
        f(r.kbpsPerVisitor),
        f(r.rssKbPerVisitor, 1),
        f(r.liveKbPerVisitor, 1),
        f(r.rssMb, 0),
      ]);
    }
    if (c && b) {
      line([
        String(n),
        'ratio',
        f(c.p50 / b.p50, 1) + 'x',
        f(c.p99 / b.p99, 1) + 'x',
        f(c.cpuP50 / b.cpuP50, 1) + 'x',
        f(c.cpuP99 / b.cpuP99, 1) + 'x',
        f(c.cpuPctPerVisitor / b.cpuPctPerVisitor, 1) + 'x',
        f(c.kbpsPerVisitor / b.kbpsPerVisitor, 2) + 'x',
        f(c.rssKbPerVisitor / b.rssKbPerVisitor, 1) + 'x',
        f(c.liveKbPerVisitor / b.liveKbPerVisitor, 1) + 'x',
        f(c.rssMb / b.rssMb, 1) + 'x',
      ]);
    }
    if (c && off) {
      line([
        String(n),
        'stats on / off',
        f(c.p50 / off.p50, 2) + 'x',
        f(c.p99 / off.p99, 2) + 'x',
        f(c.cpuP50 / off.cpuP50, 2) + 'x',
        f(c.cpuP99 / off.cpuP99, 2) + 'x',
        f(c.cpuPctPerVisitor / off.cpuPctPerVisitor, 2) + 'x',
        f(c.kbpsPerVisitor / off.kbpsPerVisitor, 2) + 'x',
        '',
        f(c.liveKbPerVisitor / off.liveKbPerVisitor, 1) + 'x',
        f(c.rssMb / off.rssMb, 2) + 'x',
      ]);
    }
  }
  console.log('');
  for (const r of rows) {
    const a = r.analytics;
    if (!a) continue;
    const loop = `event loop held up p99 ${f(a.loopDelayP99Ms)} / max ${f(a.loopDelayMaxMs)} ms`;
    if (!a.sampling) {
      console.log(`ludao N=${r.n}, analytics off: ${loop}`);
      continue;
    }
    console.log(
      `ludao N=${r.n}, analytics on: ${loop}; sampler p50 ${f(percentile(a.sampleMs, 50), 3)} / p99 ${f(percentile(a.sampleMs, 99), 3)} ms once a second (outside the patch); ` +
        `${a.flushes} flushes of ${a.rows} rows in all (wall time with yields, p50 ${f(percentile(a.flushMs, 50))} / max ${f(a.flushMs.at(-1) ?? NaN)} ms)`,
    );
  }
  // How much of the wall time the server's main thread was waiting for a CPU that other processes
  // had, and the rest: on a shared machine the wait is what stretches the wall p99.
  for (const r of rows) {
    if (!Number.isFinite(r.busyP50)) continue;
    const label = r.server === 'bare' ? 'bare ws' : r.sampling ? 'ludao' : 'ludao, no stats';
    console.log(
      `${label} N=${r.n}: patch less its wait for a CPU p50 ${f(r.busyP50)} / p99 ${f(r.busyP99)} ms; waiting for a CPU p99 ${f(r.waitP99)} ms (wall p99 ${f(r.p99)})`,
    );
  }
  for (const r of rows) {
    if (r.views !== undefined) console.log(`ludao N=${r.n}: ${r.patches} patches measured, ${r.views} interest views for ${r.cells} occupied cells`);
    if (r.check) console.log(`ludao N=${r.n}: ${r.check}`);
  }
  const t = rows.find((r) => r.server === 'colyseus' && r.sampling === ANALYTICS[0] && r.n === TARGET.n);
  const tOff = rows.find((r) => r.server === 'colyseus' && r.sampling === false && r.n === TARGET.n);
  if (t && tOff && t !== tOff) {
    console.log(
      `\nanalytics sampling, ${TARGET.n} visitors, same run: p99 ${f(t.p99)} ms on / ${f(tOff.p99)} ms off (x${f(t.p99 / tOff.p99)}), ` +
        `on-CPU p99 ${f(t.cpuP99)} / ${f(tOff.cpuP99)} ms: ${t.p99 <= TARGET.p99Ms ? 'within' : 'NOT within'} ${TARGET.p99Ms} ms with sampling on`,
    );
  }
  if (t) {
    // Both memory figures must hold: RSS (what the issue names) and live heap + buffers (the steady one).
    const memOk = t.liveKbPerVisitor <= TARGET.kbPerVisitor && t.rssKbPerVisitor <= TARGET.kbPerVisitor;
    const pass = t.p99 <= TARGET.p99Ms && t.kbpsPerVisitor <= TARGET.kbPerS && memOk;
    console.log(
      `\ntarget, ${TARGET.n} visitors in one instance: p99 ${f(t.p99)} ms wall / ${f(t.cpuP99)} ms on-CPU (<= ${TARGET.p99Ms}), ` +
        `${f(t.kbpsPerVisitor)} KB/s (<= ${TARGET.kbPerS}), ${f(t.rssKbPerVisitor, 1)} KB RSS and ${f(t.liveKbPerVisitor, 1)} KB live memory ` +
        `per visitor (<= ${TARGET.kbPerVisitor}): ${pass ? 'MET' : 'NOT MET'}` +
        (!pass && t.cpuP99 <= TARGET.p99Ms && t.kbpsPerVisitor <= TARGET.kbPerS && memOk ? ' on wall time; met on-CPU' : ''),
    );
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `Ludao crowd bench: N = ${SIZES.join(', ')} in one instance of ${BENCH_HALL}; warm ${WARM_MS} ms, measure ${MEASURE_MS} ms per run; node ${process.version}`,
  );
  console.log(
    `machine: ${os.cpus().length} cores, load average ${load()} (patch wall times stretch under load; on-CPU times much less); load bots in their own process, scheduled ${BOTS_SCHED === 'idle' ? 'SCHED_IDLE' : BOTS_SCHED === 'nice' ? `at nice ${BOTS_NICE}` : 'like the server'}`,
  );
  // One demo expo for every Ludao server of the run, seeded before any is measured (so no run
  // carries the seed's time or memory); each server then finds the work done.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-bench-data-'));
  process.env.BENCH_DATA_DIR = dataDir;
  const seed = createExpoServices(readConfig({ DATA_DIR: dataDir, SEED_DEMO: '1', LOG_LEVEL: 'silent' }), createLogger('silent'), () => undefined);
  await seed.prepare();
  await seed.close();
  const rows: Row[] = [];
  const runs = [...ANALYTICS.map((sampling) => ({ kind: 'colyseus' as const, sampling })), { kind: 'bare' as const, sampling: false }];
  for (const n of SIZES) {
    for (const { kind, sampling } of runs) {
      const row = await measure(kind, n, sampling);
      rows.push(row);
      const label = kind === 'bare' ? 'bare' : sampling ? 'ludao' : 'ludao-off';
      console.log(
        `  ${label.padEnd(9)} N=${String(n).padEnd(4)} p50 ${f(row.p50)} ms  p99 ${f(row.p99)} ms  ${f(row.kbpsPerVisitor)} KB/s/visitor  ${f(row.rssKbPerVisitor, 1)} KB RSS / ${f(row.liveKbPerVisitor, 1)} KB heap per visitor  (bots ${f(row.botsCpuPct, 0)}% CPU)`,
      );
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  printTable(rows);
  const out = path.join(here, 'results');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `crowd-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ sizes: SIZES, warmMs: WARM_MS, measureMs: MEASURE_MS, rows }, null, 2));
  console.log(
    `\n${rows.length} runs in ${Math.round((Date.now() - started) / 1000)} s, load average now ${load()}; figures saved to ${path.relative(process.cwd(), file)}`,
  );
}

await main();
