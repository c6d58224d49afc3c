/**
 * The JavaScript side of a Ludao patch, without sockets or other processes (for digging, not
 * figures): N visitors walking like the crowd bench's bots (same scatter, waypoints, speed and
 * pauses, a move every 100 ms each) in one in-process hall, with the room's own interest manager
 * and serializer, and clients whose sends are counted and dropped. Prints the time of the
 * interest step and of the serializer (encoding, framing, handing each client its bytes) per
 * patch, p50/p99, all patches and the dot-refresh ones apart. What the real bench adds on top is
 * the socket writes (the kernel's share) and the noise of the machine.
 *
 *   npx tsx bench/crowd/patchCpu.ts            (BENCH_N=300 BENCH_PATCHES=2000)
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/crowd/patchCpu.ts
 *   BENCH_ALLOC_PROF=/tmp/alloc.heapprofile ...   (what the measured patches allocate, collected garbage included)
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { ClientState, type Client } from '@colyseus/core';
import { MOVE_SEND_MS, PATCH_MS } from '../../shared/constants';
import { groundHeight } from '../../shared/layout';
import { toCm, yawToByte } from '../../shared/quantize';
import { HallState } from '../../shared/schema/HallState';
import { Visitor } from '../../shared/schema/Visitor';
import { createColyseusAdapter } from '../../server/colyseus';
import { createLogger } from '../../server/lib/logger';
import { InterestManager } from '../../server/rooms/interest';
import { layout, percentile, rng, scatterPoint, waypoint } from './world';

const N = Number(process.env.BENCH_N || 300);
const PATCHES = Number(process.env.BENCH_PATCHES || 2000);
const WARM = 200;
const WALK_SPEED = 4;

interface Walker {
  id: string;
  v: Visitor;
  x: number;
  z: number;
  ry: number;
  target: { x: number; z: number } | null;
  idleUntil: number;
  r: () => number;
  slot: number;
}

const adapter = createColyseusAdapter(createLogger('silent'));
const state = new HallState();
const picked = new (await import('@colyseus/core')).SchemaSerializer<HallState>();
const ser = adapter.roomSerializer(picked, [Visitor]);
ser.reset(state);
const interest = new InterestManager();
let sends = 0;
let bytes = 0;
const clients: Client[] = [];
const walkers: Walker[] = [];

for (let i = 0; i < N; i++) {
  const id = `s${i}`;
  const p = scatterPoint(i);
  const v = new Visitor();
  v.name = `bot-${i}`;
  v.x = toCm(p.x);
  v.z = toCm(p.z);
  v.y = toCm(groundHeight(layout, p.x, p.z));
  v.ry = 0;
  v.anim = 0;
  state.visitors.set(id, v);
  const c = {
    sessionId: id,
    state: ClientState.JOINED,
    view: undefined,
    ref: undefined,
    raw(b: Uint8Array) {
      sends++;
      bytes += b.length;
    },
  } as unknown as Client;
  clients.push(c);
  interest.add(id, v, c);
  const r = rng(77 + i);
  walkers.push({ id, v, x: p.x, z: p.z, ry: 0, target: null, idleUntil: r() * 2000, r, slot: i % (MOVE_SEND_MS / PATCH_MS) });
}
// everyone's full state went out at join; from here on only patches count
interest.beforePatch();
ser.applyPatches(clients, state);
interest.afterPatch();

function walk(w: Walker, now: number): void {
  if (!w.target) {
    if (now < w.idleUntil) return;
    w.target = waypoint(w.x, w.z, w.r);
    if (!w.target) {
      w.idleUntil = now + 1000;
      return;
    }
  }
  const dx = w.target.x - w.x;
  const dz = w.target.z - w.z;
  const d = Math.hypot(dx, dz);
  const step = (WALK_SPEED * MOVE_SEND_MS) / 1000;
  let moving = true;
  if (d <= step) {
    w.x = w.target.x;
    w.z = w.target.z;
    w.target = null;
    w.idleUntil = now + 1000 + w.r() * 3000;
    moving = false;
  } else {
    w.x += (dx / d) * step;
    w.z += (dz / d) * step;
    w.ry = Math.atan2(dx, dz);
  }
  // what applyMove writes for an accepted step
  w.v.x = toCm(w.x);
  w.v.z = toCm(w.z);
  w.v.y = toCm(groundHeight(layout, w.x, w.z));
  w.v.ry = yawToByte(w.ry);
  w.v.anim = moving ? 1 : 0;
  interest.moved(w.id);
}

// GC pauses, to tell the patch's own time from the collections that land in it (back to back,
// with no idle time between patches, every collection lands in one)
const gcs: { start: number; end: number }[] = [];
let measuring = false;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (measuring) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ entryTypes: ['gc'] });
const spans: { start: number; end: number }[] = [];

const interestMs: number[] = [];
/** process CPU time of each patch (all threads: a collection's helpers too), which a busy machine stretches far less than wall time */
const cpuMs: number[] = [];
const serMs: number[] = [];
const totalMs: number[] = [];
const dotTotalMs: number[] = [];
// BENCH_ALLOC_PROF: V8's sampling heap profiler over the measured patches, keeping samples of
// objects already collected (the garbage is what matters here)
const allocProf = process.env.BENCH_ALLOC_PROF;
const inspector = allocProf ? new Session() : null;
inspector?.connect();
let viewChanges = 0;
let changedViews = 0;
let measuredSends = 0;
let measuredBytes = 0;
for (let k = 0; k < WARM + PATCHES; k++) {
  const now = k * PATCH_MS;
  const slot = k % (MOVE_SEND_MS / PATCH_MS);
  for (const w of walkers) if (w.slot === slot) walk(w, now);
  const s0 = sends;
  const b0 = bytes;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  interest.beforePatch();
  const t1 = performance.now();
  if (k >= WARM) {
    // outside the timing: how much visibility bookkeeping the views carry into this patch
    const seen = new Set<unknown>();
    for (const c of clients) {
      const view = c.view as { changes: Map<number, unknown> } | undefined;
      if (!view || seen.has(view)) continue;
      seen.add(view);
      viewChanges += view.changes.size;
      if (view.changes.size > 0) changedViews++;
    }
  }
  const t1b = performance.now();
  ser.applyPatches(clients, state);
  interest.afterPatch();
  const t2 = performance.now();
  const c = process.cpuUsage(c0);
  if (k < WARM) continue;
  cpuMs.push((c.user + c.system) / 1000);
  if (!measuring && inspector) {
    await inspector.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }
  measuring = true;
  spans.push({ start: t0, end: t2 });
  void t1b;
  measuredSends += sends - s0;
  measuredBytes += bytes - b0;
  interestMs.push(t1 - t0);
  serMs.push(t2 - t1b);
  totalMs.push(t1 - t0 + t2 - t1b);
  // the patch whose interest step refreshed every dot (interest.ts resets its counter then)
  if ((interest as unknown as { patches: number }).patches === 0) dotTotalMs.push(t2 - t0);
}
if (inspector && allocProf) {
  const { profile } = await inspector.post('HeapProfiler.stopSampling');
  fs.writeFileSync(allocProf, JSON.stringify(profile));
}
// the observer reports asynchronously
await new Promise((r) => setTimeout(r, 50));
const clean = spans.map((s) => !gcs.some((g) => g.end > s.start && g.start < s.end));
const cleanTotal = totalMs.filter((_, i) => clean[i]);
const gcMs = gcs.reduce((a, g) => a + g.end - g.start, 0);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pp = (xs: number[]) =>
  `p50 ${percentile(sorted(xs), 50).toFixed(3)} / p99 ${percentile(sorted(xs), 99).toFixed(3)} / max ${Math.max(...xs).toFixed(3)} ms`;
const stats = interest.stats();
console.log(`patch CPU without sockets: ${N} walking visitors, ${PATCHES} patches, ${stats.views} views over ${stats.cells} cells, patch path ${adapter.path}`);
console.log(`  interest   ${pp(interestMs)}`);
console.log(`  serializer ${pp(serMs)}`);
console.log(`  total      ${pp(totalMs)}   mean ${(totalMs.reduce((a, b) => a + b, 0) / totalMs.length).toFixed(3)} ms`);
console.log(`  on-CPU     ${pp(cpuMs)}   mean ${(cpuMs.reduce((a, b) => a + b, 0) / cpuMs.length).toFixed(3)} ms`);
console.log(
  `  without GC ${pp(cleanTotal)}   (${totalMs.length - cleanTotal.length} patches had a collection in them; ${gcs.length} collections, ${gcMs.toFixed(0)} ms, ${(gcMs / PATCHES).toFixed(3)} ms per patch)`,
);
console.log(`  dot patches ${pp(dotTotalMs)}`);
console.log(
  `  ${(measuredSends / PATCHES).toFixed(0)} sends and ${(measuredBytes / PATCHES / 1024).toFixed(1)} KB per patch; ` +
    `${(changedViews / PATCHES).toFixed(1)} views with visibility changes per patch, ${(viewChanges / PATCHES).toFixed(1)} changed records in them`,
);
