/**
 * The server's clock as this page estimates it, NTP style: the client sends its time t0, the
 * server answers with its own time, and on arrival (t1) the offset is server - (t0 + t1) / 2, good
 * to half the round trip. Of several samples the one with the shortest round trip is the most
 * trustworthy (least queueing on the way), so that one is kept. A burst of samples on joining,
 * then one every 30 s; samples older than two minutes drop out, so a drifting clock is followed.
 * The stage plays premieres at (serverNow() - startsAt): every page in every instance at one moment.
 */
import type { Room } from 'colyseus.js';
import { onServerMessage, sendMessage } from './messages';

export interface ClockSample {
  /** round trip, ms */
  rtt: number;
  /** server time minus local time, ms */
  offset: number;
  /** local time the answer arrived */
  at: number;
}

export const CLOCK_BURST = 5;
export const CLOCK_BURST_GAP_MS = 300;
export const CLOCK_RESAMPLE_MS = 30_000;
export const CLOCK_KEEP_MS = 120_000;

export class ClockEstimator {
  private samples: ClockSample[] = [];

  constructor(private readonly keepMs = CLOCK_KEEP_MS) {}

  /** One answered sample: sent at local t0, answered with the server's time, arrived at local t1. */
  add(t0: number, server: number, t1: number): ClockSample | null {
    if (!Number.isFinite(t0) || !Number.isFinite(server) || !Number.isFinite(t1) || t1 < t0) return null;
    const sample = { rtt: t1 - t0, offset: server - (t0 + t1) / 2, at: t1 };
    this.samples.push(sample);
    // the newest sample always stays, however old the clock says it is
    this.samples = this.samples.filter((s) => s === sample || t1 - s.at <= this.keepMs);
    return sample;
  }

  /** The kept sample with the shortest round trip, or null before the first answer. */
  best(): ClockSample | null {
    let best: ClockSample | null = null;
    for (const s of this.samples) if (!best || s.rtt < best.rtt) best = s;
    return best;
  }

  /** ms to add to the local clock for the server's; 0 until a sample arrives */
  offset(): number {
    return this.best()?.offset ?? 0;
  }

  count(): number {
    return this.samples.length;
  }

  reset(): void {
    this.samples = [];
  }
}

/** This page's estimate, shared by the stage and the debug probe. */
export const serverClock = {
  estimator: new ClockEstimator(),
  /** the server's time now, as far as this page can tell (ms since epoch) */
  now(): number {
    return Date.now() + this.estimator.offset();
  },
};

/** Samples the room's clock while joined: a burst now, one more every 30 s. Returns stop. */
export function syncClock(room: Room, clock = serverClock.estimator): () => void {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const sample = () => sendMessage(room, 'clock', { t0: Date.now() });
  // The arrival time is stamped as the frame arrives: checked messages are delivered once the
  // schemas have loaded, which can be later, and that wait is no part of the round trip.
  const arrivals = new Map<number, number>();
  const offRaw = room.onMessage('clock', (raw: unknown) => {
    const t0 = (raw as { t0?: unknown } | null)?.t0;
    if (typeof t0 === 'number') arrivals.set(t0, Date.now());
  });
  const off = onServerMessage(room, 'clock', (m) => {
    const t1 = arrivals.get(m.t0) ?? Date.now();
    arrivals.delete(m.t0);
    clock.add(m.t0, m.server, t1);
  });
  for (let i = 0; i < CLOCK_BURST; i++) timers.push(setTimeout(sample, i * CLOCK_BURST_GAP_MS));
  const every = setInterval(sample, CLOCK_RESAMPLE_MS);
  return () => {
    offRaw();
    off();
    clearInterval(every);
    for (const t of timers) clearTimeout(t);
  };
}
