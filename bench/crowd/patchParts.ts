/**
 * BENCH_PARTS=1 (for digging, not figures): where the time of each measured patch goes, in the
 * bench's Ludao server. Wraps the parts of HallRoom.broadcastPatch (interest bookkeeping, the room
 * clock's timers, which Colyseus runs inside the patch, the serializer, and within it the socket
 * writes), watches GC pauses, and prints at each report the average make-up of all patches, of the
 * dot-refresh and clock-tick ones, and of the slowest. The wrappers cost microseconds per patch:
 * compare runs with it on only with each other.
 */
import net from 'node:net';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { InterestManager } from '../../server/rooms/interest';
import { InterestSerializer } from '../../server/colyseus/interestSerializer';
import { SharedViewEncoder } from '../../server/colyseus/viewEncoder';
import { ThreadSched } from './ipc';

interface Parts {
  t0: number;
  total: number;
  interest: number;
  clock: number;
  /** applyPatches, socket writes included */
  serializer: number;
  /** encoding the views (SharedViewEncoder.encodeView), within the serializer */
  views: number;
  writes: number;
  writeMs: number;
  gcMs: number;
  /** the main thread runnable but waiting for a CPU (schedstat), and the wall time less that */
  busy: number;
  wait: number;
  /** times the thread got a CPU back during the patch (after waiting for one, or after sleeping) */
  switches: number;
  dots: boolean;
}
const FIELDS = ['total', 'busy', 'wait', 'switches', 'interest', 'clock', 'serializer', 'views', 'writes', 'writeMs', 'gcMs'] as const;
const fresh = (): Parts => ({
  t0: 0,
  total: 0,
  busy: 0,
  wait: 0,
  switches: 0,
  interest: 0,
  clock: 0,
  serializer: 0,
  views: 0,
  writes: 0,
  writeMs: 0,
  gcMs: 0,
  dots: false,
});
const sched = new ThreadSched();

let cur: Parts | null = null;

function wrap<T extends object>(proto: T, key: string, add: (p: Parts, ms: number) => void): void {
  const obj = proto as Record<string, unknown>;
  const fn = obj[key] as (this: unknown, ...a: unknown[]) => unknown;
  obj[key] = function (this: unknown, ...a: unknown[]) {
    const p = cur;
    if (!p) return fn.apply(this, a);
    const s = performance.now();
    try {
      return fn.apply(this, a);
    } finally {
      add(p, performance.now() - s);
    }
  };
}

export interface PatchParts {
  /** `room`: the room whose patch starts (its clock's class is wrapped the first time) */
  begin(room: { clock: object }): void;
  end(): void;
  mark(): void;
  print(): void;
}

export function installPatchParts(): PatchParts {
  const parts: Parts[] = [];
  // GC entries reach the observer after the patch that they fell into: they are matched at print
  const gcs: PerformanceEntry[] = [];
  new PerformanceObserver((list) => {
    if (gcs.length < 100_000) gcs.push(...list.getEntries());
  }).observe({ entryTypes: ['gc'] });
  wrap(InterestManager.prototype, 'beforePatch', (p, ms) => (p.interest += ms));
  wrap(InterestManager.prototype, 'afterPatch', (p, ms) => (p.interest += ms));
  // the dot refresh runs when the patch counter wraps (interest.ts)
  const before = InterestManager.prototype.beforePatch;
  InterestManager.prototype.beforePatch = function (this: InterestManager) {
    before.call(this);
    if (cur && (this as unknown as { patches: number }).patches === 0) cur.dots = true;
  };
  wrap(InterestSerializer.prototype, 'applyPatches', (p, ms) => (p.serializer += ms));
  wrap(SharedViewEncoder.prototype, 'encodeView', (p, ms) => (p.views += ms));
  wrap(net.Socket.prototype, 'write', (p, ms) => {
    p.writes++;
    p.writeMs += ms;
  });

  const avg = (ps: Parts[]): Parts => {
    const a = fresh();
    for (const p of ps) for (const k of FIELDS) a[k] += p[k] / ps.length;
    return a;
  };
  const f = (x: number) => x.toFixed(2).padStart(6);
  const row = (p: Parts) =>
    `total ${f(p.total)}  busy ${f(p.busy)}  waiting ${f(p.wait)} (${p.switches.toFixed(1)}x)  interest ${f(p.interest)}  clock ${f(p.clock)}  encode ${f(p.serializer - p.writeMs)} (views ${f(p.views)})  ` +
    `${p.writes.toFixed(0).padStart(4)} writes ${f(p.writeMs)}  gc ${f(p.gcMs)}${p.dots ? '  dots' : ''}`;

  let clockWrapped = false;
  return {
    begin(room) {
      if (!clockWrapped) {
        clockWrapped = true;
        wrap(Object.getPrototypeOf(room.clock) as object, 'tick', (p, ms) => (p.clock += ms));
      }
      cur = fresh();
      sched.read();
      cur.wait = -sched.wait;
      cur.switches = -sched.slices;
      cur.t0 = performance.now();
    },
    end() {
      const p = cur;
      if (!p) return;
      cur = null;
      p.total = performance.now() - p.t0;
      sched.read();
      p.wait = (p.wait + sched.wait) / 1e6;
      p.busy = p.total - p.wait;
      p.switches += sched.slices;
      if (parts.length < 100_000) parts.push(p);
    },
    mark() {
      parts.length = 0;
      gcs.length = 0;
    },
    print() {
      for (const p of parts) {
        p.gcMs = 0;
        for (const g of gcs) {
          const overlap = Math.min(g.startTime + g.duration, p.t0 + p.total) - Math.max(g.startTime, p.t0);
          if (overlap > 0) p.gcMs += overlap;
        }
      }
      const gcTotal = gcs.reduce((a, g) => a + g.duration, 0);
      const dots = parts.filter((p) => p.dots);
      const clocked = parts.filter((p) => !p.dots && p.clock > 0.05);
      const plain = parts.filter((p) => !p.dots && p.clock <= 0.05);
      const lines = [
        `patch parts (ms), ${parts.length} patches; ${gcs.length} GC pauses of ${gcTotal.toFixed(1)} ms in all, max ${Math.max(0, ...gcs.map((g) => g.duration)).toFixed(2)}`,
        `  all     ${row(avg(parts))}`,
      ];
      if (dots.length) lines.push(`  dots    ${row(avg(dots))}  (${dots.length} patches)`);
      if (clocked.length) lines.push(`  clocked ${row(avg(clocked))}  (${clocked.length} patches)`);
      if (plain.length) lines.push(`  plain   ${row(avg(plain))}  (${plain.length} patches)`);
      if (process.env.BENCH_PARTS_DEBUG) {
        for (const g of [...gcs].sort((a, b) => b.duration - a.duration).slice(0, 3)) {
          const near = parts.reduce((b, p) => (Math.abs(p.t0 - g.startTime) < Math.abs(b.t0 - g.startTime) ? p : b), parts[0]);
          lines.push(`  gc at ${g.startTime.toFixed(1)} for ${g.duration.toFixed(2)}; nearest patch at ${near?.t0.toFixed(1)} for ${near?.total.toFixed(2)}`);
        }
      }
      lines.push('  slowest:');
      for (const p of [...parts].sort((a, b) => b.total - a.total).slice(0, 8)) lines.push(`    ${row(p)}`);
      lines.push('  busiest (wall less waiting for a CPU):');
      for (const p of [...parts].sort((a, b) => b.busy - a.busy).slice(0, 8)) lines.push(`    ${row(p)}`);
      console.error(lines.join('\n'));
    },
  };
}
