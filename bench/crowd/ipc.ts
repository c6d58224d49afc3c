import fs from 'node:fs';

/** Messages between the bench (parent) and a measured server (child process). */
export type ToServer = { type: 'memory' } | { type: 'mark' } | { type: 'report' } | { type: 'stop' };

export interface ServerReport {
  type: 'report';
  /** broadcastPatch durations since the mark (wall clock), ms, sorted */
  patchMs: number[];
  /** the same patches' CPU time (process user+system), ms, sorted: what the patch costs on a loaded machine */
  patchCpuMs: number[];
  /**
   * The same patches as the kernel's scheduler saw the main thread (Linux schedstat; empty elsewhere),
   * ms, sorted: the time it was runnable but waiting for a CPU that other processes had, and the
   * rest of the wall time (its own work: the patch never sleeps). The scheduler adds up waiting
   * exactly at every switch; its running total lags by up to a tick, so it is not used.
   */
  patchBusyMs: number[];
  patchWaitMs: number[];
  /** user+system CPU since the mark, ms */
  cpuMs: number;
  wallMs: number;
  /** memory after a full GC, so garbage waiting for collection does not count as a visitor's */
  mem: Mem;
  visitors: number;
  /** interest-management views / occupied cells (Colyseus only) */
  views?: number;
  cells?: number;
  /** the analytics sampler and its flushes over the whole run (Colyseus only), ms sorted */
  analytics?: { sampling: boolean; flushes: number; rows: number; flushMs: number[]; sampleMs: number[]; loopDelayP99Ms: number; loopDelayMaxMs: number };
}

export type FromServer = { type: 'ready'; port: number } | { type: 'memory'; mem: Mem } | { type: 'marked' } | ServerReport;

/** What a server process holds: resident set, and live JS heap plus off-heap buffers. */
export interface Mem {
  rss: number;
  live: number;
}

/**
 * Memory after full collections (the servers run with --expose-gc), so garbage waiting for the
 * next collection is not counted as a visitor's. V8 hands freed pages back to the system on a
 * background thread after a collection, so RSS is read after a few rounds of collect-and-wait:
 * a single collection leaves RSS wherever the previous ones left it (tens of MB either way).
 */
export async function settledMemory(): Promise<Mem> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3 && gc; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 100));
  }
  // and one last collection right before reading: a busy server makes new garbage while it waits
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, live: m.heapUsed + m.external };
}

/** The calling thread's schedstat (ns waiting for a CPU so far), read through a descriptor kept open. */
export class ThreadSched {
  private readonly fd: number | null;
  private readonly buf = Buffer.alloc(96);
  wait = 0;
  /** times the thread was switched back onto a CPU */
  slices = 0;

  constructor() {
    let fd: number | null = null;
    try {
      fd = fs.openSync('/proc/thread-self/schedstat', 'r');
    } catch {
      // not Linux, or no schedstat: the figures stay empty
    }
    this.fd = fd;
  }

  get available(): boolean {
    return this.fd !== null;
  }

  read(): void {
    if (this.fd === null) return;
    const n = fs.readSync(this.fd, this.buf, 0, this.buf.length, 0);
    // "<ns on a CPU> <ns runnable, waiting> <time slices>"
    const [, wait, slices] = this.buf.toString('latin1', 0, n).split(' ');
    this.wait = Number(wait);
    this.slices = Number(slices);
  }
}

/** Patch-time recorder and CPU/RSS meter shared by both servers. */
export class Meter {
  private samples: number[] = [];
  private cpuSamples: number[] = [];
  private busySamples: number[] = [];
  private waitSamples: number[] = [];
  private readonly sched = new ThreadSched();
  private startWait = 0;
  private cpu = process.cpuUsage();
  private t0 = performance.now();
  private startWall = 0;
  private startCpu: NodeJS.CpuUsage = { user: 0, system: 0 };

  /** Around one patch: begin() ... end(). */
  begin(): void {
    this.sched.read();
    this.startWait = this.sched.wait;
    this.startCpu = process.cpuUsage();
    this.startWall = performance.now();
  }

  end(): void {
    const wall = performance.now() - this.startWall;
    const c = process.cpuUsage(this.startCpu);
    this.sched.read();
    if (this.samples.length < 100_000) {
      this.samples.push(wall);
      this.cpuSamples.push((c.user + c.system) / 1000);
      if (this.sched.available) {
        const wait = (this.sched.wait - this.startWait) / 1e6;
        this.waitSamples.push(wait);
        this.busySamples.push(Math.max(0, wall - wait));
      }
    }
  }

  mark(): void {
    this.samples = [];
    this.cpuSamples = [];
    this.busySamples = [];
    this.waitSamples = [];
    this.cpu = process.cpuUsage();
    this.t0 = performance.now();
  }

  async report(visitors: number, extra: Partial<ServerReport> = {}): Promise<ServerReport> {
    const c = process.cpuUsage(this.cpu);
    const wallMs = performance.now() - this.t0;
    const patchMs = [...this.samples].sort((a, b) => a - b);
    const patchCpuMs = [...this.cpuSamples].sort((a, b) => a - b);
    const patchBusyMs = [...this.busySamples].sort((a, b) => a - b);
    const patchWaitMs = [...this.waitSamples].sort((a, b) => a - b);
    // after the samples are copied: these collections are not part of any measured patch
    const mem = await settledMemory();
    return { type: 'report', patchMs, patchCpuMs, patchBusyMs, patchWaitMs, cpuMs: (c.user + c.system) / 1000, wallMs, mem, visitors, ...extra };
  }
}

/** Wires a child process's IPC to a meter. */
export function serveIpc(meter: Meter, visitors: () => number, extra: () => Partial<ServerReport> = () => ({})): void {
  // A failure here ends the child, which the parent sees as an exit: nothing to catch locally.
  process.on('message', (m: ToServer) => void onMessage(m));
  async function onMessage(m: ToServer): Promise<void> {
    if (m.type === 'memory') {
      process.send?.({ type: 'memory', mem: await settledMemory() } satisfies FromServer);
    } else if (m.type === 'mark') {
      meter.mark();
      process.send?.({ type: 'marked' } satisfies FromServer);
    } else if (m.type === 'report') {
      process.send?.((await meter.report(visitors(), extra())) satisfies FromServer);
    } else if (m.type === 'stop') {
      process.exit(0);
    }
  }
  process.on('disconnect', () => process.exit(0));
}

/** Bench (parent) -> load-bot process. */
export type ToBots = { type: 'start'; kind: 'colyseus' | 'bare'; n: number; port: number } | { type: 'bytes' } | { type: 'stop' };

/** Load-bot process -> bench. `cpuMs` is the bot process's own CPU time so far. */
export type BotsReply =
  { type: 'ready' } | { type: 'started'; cpuMs: number } | { type: 'bytes'; bytes: number; cpuMs: number } | { type: 'failed'; error: string };
