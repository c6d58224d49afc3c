/**
 * The Ludao server as the bench measures it: the real createApp in its own process, with the
 * patch timed and bench bots placed at their scatter points on join (server-side, as a guided
 * tour would), so a run starts from a spread-out crowd instead of everyone at the pier.
 *
 * The expo is real too: the demo expo is seeded into BENCH_DATA_DIR (once per bench run, shared by
 * its servers), so the analytics sampler (ANALYTICS_SAMPLING=on|off, set by the bench) finds the
 * hall's booths, counts visits and cells, and flushes them to SQLite every BENCH_ANALYTICS_FLUSH_S
 * (5 s: a dozen times more often than the default, so flushes fall inside every measured window).
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@colyseus/core';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { createLogger } from '../../server/lib/logger';
import { HallRoom, liveRooms } from '../../server/rooms/HallRoom';
import { HallSampler } from '../../server/analytics/sampler';
import type { JoinAuth } from '../../server/rooms/handlers/join';
import { Meter, serveIpc, type FromServer } from './ipc';
import { botIndex, scatterPoint } from './world';
import { installPatchParts } from './patchParts';

const meter = new Meter();

// How long the event loop was held up (a flush to SQLite runs on it): reset at the mark, like the patch times.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const mark = meter.mark.bind(meter);
// BENCH_PARTS=1: each patch's make-up, printed at the report (patchParts.ts; for digging)
const parts = process.env.BENCH_PARTS === '1' ? installPatchParts() : null;
// BENCH_ALLOC_PROF=file: what the server allocates from the mark to the report, garbage included
// (V8's sampling heap profiler, keeping samples of collected objects; open it in DevTools' Memory tab)
const allocProf = process.env.BENCH_ALLOC_PROF ? new Session() : null;
allocProf?.connect();
meter.mark = () => {
  loop.reset();
  parts?.mark();
  void allocProf?.post('HeapProfiler.startSampling', {
    samplingInterval: 8192,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  mark();
};
const stopAllocProf = async () => {
  if (!allocProf) return;
  const { profile } = await allocProf.post('HeapProfiler.stopSampling');
  fs.writeFileSync(process.env.BENCH_ALLOC_PROF!, JSON.stringify(profile));
};

// The sampler's own cost per second, timed like the patch (it runs outside it, between patches).
const sampleMs: number[] = [];
const sample = HallSampler.prototype.sample;
HallSampler.prototype.sample = function (this: HallSampler, visitors, now) {
  const t0 = performance.now();
  sample.call(this, visitors, now);
  if (sampleMs.length < 100_000) sampleMs.push(performance.now() - t0);
};

const proto = HallRoom.prototype as unknown as {
  broadcastPatch(): boolean;
  onJoin(client: Client, options: unknown, auth: JoinAuth): void;
};
const patch = proto.broadcastPatch;
proto.broadcastPatch = function (this: HallRoom) {
  meter.begin();
  parts?.begin(this as unknown as { clock: object });
  const r = patch.call(this);
  parts?.end();
  meter.end();
  return r;
};
const onJoin = proto.onJoin;
proto.onJoin = function (this: HallRoom, client, options, auth) {
  onJoin.call(this, client, options, auth);
  const i = botIndex(auth.name);
  if (i !== null) {
    const p = scatterPoint(i);
    this.place(client.sessionId, p.x, p.z);
  }
};

const port = Number(process.env.PORT || 3403);
const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-bench-'));
const config = readConfig({
  ...process.env,
  LOG_LEVEL: 'silent',
  DIST_DIR: distDir,
  REDIS_URL: '',
  DATABASE_URL: '',
  HALL_CAPACITY: process.env.HALL_CAPACITY || '1000',
  DATA_DIR: process.env.BENCH_DATA_DIR || path.join(distDir, 'data'),
  SEED_DEMO: '1',
  ANALYTICS_FLUSH_S: process.env.BENCH_ANALYTICS_FLUSH_S || '5',
});
const app = createApp(config, createLogger('silent'));
await app.expo.prepare();
await app.listen(port, '127.0.0.1');

let visitors = 0;
serveIpc(
  meter,
  () => {
    visitors = 0;
    for (const r of liveRooms) visitors += r.clients.length;
    return visitors;
  },
  () => {
    let views = 0;
    let cells = 0;
    for (const r of liveRooms) {
      const s = r.interestStats();
      views += s.views;
      cells += s.cells;
    }
    parts?.print();
    void stopAllocProf();
    const a = app.analytics.stats();
    const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
    return {
      views,
      cells,
      analytics: {
        sampling: app.analytics.sampling,
        flushes: a.flushes,
        rows: a.rows,
        flushMs: sorted(a.flushMs),
        sampleMs: sorted(sampleMs),
        loopDelayP99Ms: loop.percentile(99) / 1e6,
        loopDelayMaxMs: loop.max / 1e6,
      },
    };
  },
);
process.on('exit', () => fs.rmSync(distDir, { recursive: true, force: true }));
process.send?.({ type: 'ready', port } satisfies FromServer);
