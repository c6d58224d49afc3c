/** Messages between the bench (parent) and a measured server (child process). */
export type ToServer = { type: 'memory' } | { type: 'mark' } | { type: 'report' } | { type: 'stop' };

export interface ServerReport {
  type: 'report';
  /** broadcastPatch durations since the mark (wall clock), ms, sorted */
  patchMs: number[];
  /** the same patches' CPU time (process user+system), ms, sorted: what the patch costs on a loaded machine */
  patchCpuMs: number[];
  /** user+system CPU since the mark, ms */
  cpuMs: number;
  wallMs: number;
  /** memory after a full GC, so garbage waiting for collection does not count as a visitor's */
  mem: Mem;
  visitors: number;
  /** interest-management views / occupied cells (Colyseus only) */
  views?: number;
  cells?: number;
}

export type FromServer = { type: 'ready'; port: number } | { type: 'memory'; mem: Mem } | { type: 'marked' } | ServerReport;

/** What a server process holds: resident set, and live JS heap plus off-heap buffers. */
export interface Mem {
  rss: number;
  live: number;
}

/**
 * Memory after a full collection (the servers run with --expose-gc), so garbage waiting for the
 * next collection is not counted as a visitor's. RSS still moves with how many free pages V8 and
 * malloc keep (tens of MB between runs); the live figure (heap used + off-heap buffers) does not.
 */
export function settledMemory(): Mem {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, live: m.heapUsed + m.external };
}

/** Patch-time recorder and CPU/RSS meter shared by both servers. */
export class Meter {
  private samples: number[] = [];
  private cpuSamples: number[] = [];
  private cpu = process.cpuUsage();
  private t0 = performance.now();
  private startWall = 0;
  private startCpu: NodeJS.CpuUsage = { user: 0, system: 0 };

  /** Around one patch: begin() ... end(). */
  begin(): void {
    this.startCpu = process.cpuUsage();
    this.startWall = performance.now();
  }

  end(): void {
    const wall = performance.now() - this.startWall;
    const c = process.cpuUsage(this.startCpu);
    if (this.samples.length < 100_000) {
      this.samples.push(wall);
      this.cpuSamples.push((c.user + c.system) / 1000);
    }
  }

  mark(): void {
    this.samples = [];
    this.cpuSamples = [];
    this.cpu = process.cpuUsage();
    this.t0 = performance.now();
  }

  report(visitors: number, extra: Partial<ServerReport> = {}): ServerReport {
    const c = process.cpuUsage(this.cpu);
    const wallMs = performance.now() - this.t0;
    return {
      type: 'report',
      patchMs: [...this.samples].sort((a, b) => a - b),
      patchCpuMs: [...this.cpuSamples].sort((a, b) => a - b),
      cpuMs: (c.user + c.system) / 1000,
      wallMs,
      // after the samples are copied: this full GC is not part of any measured patch
      mem: settledMemory(),
      visitors,
      ...extra,
    };
  }
}

/** Wires a child process's IPC to a meter. */
export function serveIpc(meter: Meter, visitors: () => number, extra: () => Partial<ServerReport> = () => ({})): void {
  process.on('message', (m: ToServer) => {
    if (m.type === 'memory') {
      process.send?.({ type: 'memory', mem: settledMemory() } satisfies FromServer);
    } else if (m.type === 'mark') {
      meter.mark();
      process.send?.({ type: 'marked' } satisfies FromServer);
    } else if (m.type === 'report') {
      process.send?.(meter.report(visitors(), extra()) satisfies FromServer);
    } else if (m.type === 'stop') {
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/** Bench (parent) -> load-bot process. */
export type ToBots = { type: 'start'; kind: 'colyseus' | 'bare'; n: number; port: number } | { type: 'bytes' } | { type: 'stop' };

/** Load-bot process -> bench. `cpuMs` is the bot process's own CPU time so far. */
export type BotsReply =
  | { type: 'ready' }
  | { type: 'started'; cpuMs: number }
  | { type: 'bytes'; bytes: number; cpuMs: number }
  | { type: 'failed'; error: string };
