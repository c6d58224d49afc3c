/** Messages between the bench (parent) and a measured server (child process). */
export type ToServer = { type: 'mark' } | { type: 'report' } | { type: 'stop' };

export interface ServerReport {
  type: 'report';
  /** broadcastPatch durations since the mark (wall clock), ms, sorted */
  patchMs: number[];
  /** the same patches' CPU time (process user+system), ms, sorted: what the patch costs on a loaded machine */
  patchCpuMs: number[];
  /** user+system CPU since the mark, ms */
  cpuMs: number;
  wallMs: number;
  rss: number;
  heapUsed: number;
  visitors: number;
  /** interest-management views / occupied cells (Colyseus only) */
  views?: number;
  cells?: number;
}

export type FromServer = { type: 'ready'; port: number; rss: number } | { type: 'marked'; rss: number } | ServerReport;

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
    const m = process.memoryUsage();
    return {
      type: 'report',
      patchMs: [...this.samples].sort((a, b) => a - b),
      patchCpuMs: [...this.cpuSamples].sort((a, b) => a - b),
      cpuMs: (c.user + c.system) / 1000,
      wallMs: performance.now() - this.t0,
      rss: m.rss,
      heapUsed: m.heapUsed,
      visitors,
      ...extra,
    };
  }
}

/** Wires a child process's IPC to a meter. */
export function serveIpc(meter: Meter, visitors: () => number, extra: () => Partial<ServerReport> = () => ({})): void {
  process.on('message', (m: ToServer) => {
    if (m.type === 'mark') {
      meter.mark();
      process.send?.({ type: 'marked', rss: process.memoryUsage().rss } satisfies FromServer);
    } else if (m.type === 'report') {
      process.send?.(meter.report(visitors(), extra()) satisfies FromServer);
    } else if (m.type === 'stop') {
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
}
