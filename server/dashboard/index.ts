/**
 * The organizers' live dashboard, one per process (issue #11).
 *
 * - Live figures (visitors per hall and instance, the stage's audience) never touch a table: every
 *   process publishes what its own hall rooms hold every REPORT_MS on the presence channel, and every
 *   process sums the latest report of each (a process that stops reporting drops out after
 *   STALE_MS). With one process this is LocalPresence; with REDIS_URL every process sees every other.
 * - Joins, chat lines and reports are counted in memory per hall and minute and added into
 *   dashboard_minutes before each push (every DASHBOARD_PUSH_MS); the day's peak and each minute's peak are raised by one
 *   process (the one with the smallest id among those reporting), from the summed live figures.
 * - An open dashboard gets a snapshot every DASHBOARD_PUSH_MS over server-sent events: one snapshot
 *   per process per push, however many dashboards are open, from one small table and the live
 *   reports (the booth ranking, from the analytics table, is read at most every TOP_BOOTHS_MS).
 */
import crypto from 'node:crypto';
import type { Presence } from '@colyseus/core';
import { DASHBOARD_PUSH_MS, DASHBOARD_SERIES_MINUTES, type DashboardSnapshot } from '../../shared/api/dashboard';
import { DAY_MS, DAY_OFFSET_MS, MINUTE_MS } from '../../shared/api/analytics';
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { Kdb } from '../db/types';
import type { Logger } from '../lib/logger';
import { dashboardRepository, type DashboardRepository, type MinuteCounts, type MinutePeaks } from './repository';

const REPORT_MS = 2000;
const STALE_MS = 3 * REPORT_MS;
const TOP_BOOTHS_MS = 30_000;
const TOP_BOOTHS = 10;
/** Counts waiting for a database that is away are kept up to this many hall-minutes. */
const MAX_PENDING = 20_000;

/** One hall instance of this process, as it is now. */
export interface RoomReport {
  hallId: string;
  instance: number;
  visitors: number;
  atStage: number;
}

interface ProcessReport {
  kind: 'dashboard-rooms';
  pid: string;
  at: number;
  rooms: RoomReport[];
}

export interface DashboardOptions {
  presence: () => Presence | undefined;
  prefix: string;
  db: () => Kdb;
  log: Logger;
  /** this process's hall instances now */
  rooms: () => RoomReport[];
  /** the running expo, for the booth ranking */
  activeExpoId: () => Promise<string | null>;
  /** the agenda's sessions that overlap [from, to), for their audiences (absent: no sessions) */
  sessions?: (from: number, to: number) => Promise<AgendaSessionView[]>;
  now?: () => number;
}

export interface Dashboard {
  /** a visitor joined a hall instance of this process */
  joined(hallId: string): void;
  /** a chat line was said in a hall */
  chatted(hallId: string): void;
  /** a visitor reported a message or a person in a hall */
  reported(hallId: string): void;
  snapshot(): Promise<DashboardSnapshot>;
  /** Gets a snapshot every DASHBOARD_PUSH_MS while subscribed; returns the unsubscribe function. */
  subscribe(listener: (s: DashboardSnapshot) => void): () => void;
  /** Reports, flushes and pushes right now (tests; the timers do it on their own). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;
/** Today's bounds, in China time (as the analytics console counts days). */
export function dayOf(ms: number): { from: number; to: number } {
  const from = Math.floor((ms + DAY_OFFSET_MS) / DAY_MS) * DAY_MS - DAY_OFFSET_MS;
  return { from, to: from + DAY_MS };
}

export function createDashboard(o: DashboardOptions): Dashboard {
  const now = o.now ?? Date.now;
  const pid = crypto.randomBytes(6).toString('hex');
  const channel = `${o.prefix}dashboard`;
  const processes = new Map<string, { at: number; rooms: RoomReport[] }>();
  let counts = new Map<string, MinuteCounts>();
  let peaks = new Map<string, MinutePeaks>();
  const listeners = new Set<(s: DashboardSnapshot) => void>();
  let repo: DashboardRepository | null = null;
  let repoDb: Kdb | null = null;
  let subscribedTo: Presence | null = null;
  let top: { at: number; rows: DashboardSnapshot['topBooths'] } | null = null;
  let failing = false;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();

  const repository = (): DashboardRepository => {
    const db = o.db();
    if (!repo || db !== repoDb) {
      repo = dashboardRepository(db);
      repoDb = db;
    }
    return repo;
  };

  const onReport = (raw: unknown) => {
    const r = raw as ProcessReport;
    if (!r || r.kind !== 'dashboard-rooms' || typeof r.pid !== 'string' || !Array.isArray(r.rooms)) return;
    processes.set(r.pid, { at: now(), rooms: r.rooms });
  };

  const ensureSubscribed = () => {
    const p = o.presence();
    if (!p || p === subscribedTo) return;
    subscribedTo = p;
    Promise.resolve(p.subscribe(channel, onReport)).catch((err: unknown) => o.log.warn({ err }, 'dashboard: cannot subscribe'));
  };

  const bump = (hallId: string, what: keyof MinuteCounts) => {
    const k = `${hallId}|${minuteOf(now())}`;
    let c = counts.get(k);
    if (!c) {
      if (counts.size >= MAX_PENDING) return;
      counts.set(k, (c = { joins: 0, chat: 0, reports: 0 }));
    }
    c[what]++;
  };

  /** Fresh reports of every process, this one's own as of now. */
  const liveRooms = (): RoomReport[] => {
    const t = now();
    processes.set(pid, { at: t, rooms: o.rooms() });
    const out: RoomReport[] = [];
    for (const [id, p] of processes) {
      if (t - p.at > STALE_MS) processes.delete(id);
      else out.push(...p.rooms);
    }
    return out;
  };

  const isLeader = (): boolean => {
    for (const id of processes.keys()) if (id < pid) return false;
    return true;
  };

  function report(): void {
    ensureSubscribed();
    const rooms = o.rooms();
    const p = o.presence();
    if (p) Promise.resolve(p.publish(channel, { kind: 'dashboard-rooms', pid, at: now(), rooms } satisfies ProcessReport)).catch(() => undefined);
    // the minute's peaks, from everyone's figures, raised by one process
    const all = liveRooms();
    if (!isLeader()) return;
    const minute = minuteOf(now());
    const byHall = new Map<string, MinutePeaks>();
    for (const r of all) {
      const h = byHall.get(r.hallId) ?? { visitors: 0, stage: 0 };
      h.visitors += r.visitors;
      h.stage += r.atStage;
      byHall.set(r.hallId, h);
    }
    for (const [hallId, h] of byHall) {
      const k = `${hallId}|${minute}`;
      const was = peaks.get(k);
      if (!was) peaks.set(k, { ...h });
      else {
        was.visitors = Math.max(was.visitors, h.visitors);
        was.stage = Math.max(was.stage, h.stage);
      }
    }
  }

  async function writePending(): Promise<void> {
    if (!counts.size && !peaks.size) return;
    const c = counts;
    const p = peaks;
    counts = new Map();
    peaks = new Map();
    try {
      await repository().write(c, p);
      if (failing) o.log.info('dashboard: writing again');
      failing = false;
    } catch (err) {
      if (!failing) o.log.warn({ err }, 'dashboard: write failed; the counts are kept for the next one');
      failing = true;
      // back in for the next try, unless that would grow without bound
      if (c.size + counts.size <= MAX_PENDING) {
        for (const [k, v] of counts) {
          const into = c.get(k);
          if (into) {
            into.joins += v.joins;
            into.chat += v.chat;
            into.reports += v.reports;
          } else c.set(k, v);
        }
        counts = c;
      }
      for (const [k, v] of p) {
        const cur = peaks.get(k);
        peaks.set(k, cur ? { visitors: Math.max(cur.visitors, v.visitors), stage: Math.max(cur.stage, v.stage) } : v);
      }
    }
  }

  const flush = (): Promise<void> => {
    chain = chain.then(writePending);
    return chain;
  };

  async function topBooths(t: number): Promise<DashboardSnapshot['topBooths']> {
    if (top && t - top.at < TOP_BOOTHS_MS) return top.rows;
    const expoId = await o.activeExpoId();
    const rows = expoId ? await repository().topBooths(expoId, dayOf(t).from, TOP_BOOTHS) : [];
    top = { at: t, rows };
    return rows;
  }

  async function snapshot(): Promise<DashboardSnapshot> {
    const t = now();
    const rooms = liveRooms();
    const halls = new Map<string, DashboardSnapshot['halls'][number]>();
    for (const r of rooms) {
      let h = halls.get(r.hallId);
      if (!h) halls.set(r.hallId, (h = { hallId: r.hallId, visitors: 0, instances: [] }));
      h.visitors += r.visitors;
      h.instances.push({ instance: r.instance, visitors: r.visitors, atStage: r.atStage });
    }
    for (const h of halls.values()) h.instances.sort((a, b) => a.instance - b.instance);
    const total = rooms.reduce((s, r) => s + r.visitors, 0);
    const to = minuteOf(t) + MINUTE_MS;
    const from = to - DASHBOARD_SERIES_MINUTES * MINUTE_MS;
    const day = dayOf(t);
    const r = repository();
    const [stored, today, booths, sessions] = await Promise.all([
      r.series(from, to),
      r.day(day.from, day.to),
      topBooths(t),
      o.sessions?.(day.from, day.to) ?? [],
    ]);
    const byMinute = new Map(stored.map((p) => [p.minute, p]));
    const series = [];
    for (let m = from; m < to; m += MINUTE_MS) series.push(byMinute.get(m) ?? { minute: m, joins: 0, chat: 0, reports: 0, visitors: 0 });
    const started = sessions.filter((s) => s.startsAt <= t).sort((a, b) => a.startsAt - b.startsAt);
    const audiences = await Promise.all(started.map((s) => r.hallPeaks(s.hallId, minuteOf(s.startsAt), Math.min(s.endsAt, t) + 1)));
    const peakToday = total > today.peak ? { visitors: total, at: t } : { visitors: today.peak, at: today.peakAt };
    return {
      at: t,
      total,
      halls: [...halls.values()].sort((a, b) => a.hallId.localeCompare(b.hallId)),
      peakToday,
      today: { joins: today.joins, chat: today.chat, reports: today.reports },
      series,
      sessions: started.map((s, i) => ({
        id: s.id,
        hallId: s.hallId,
        title: s.title,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        peakAudience: audiences[i].stage,
        hallPeak: audiences[i].visitors,
      })),
      topBooths: booths,
    };
  }

  async function push(): Promise<void> {
    await flush();
    if (!listeners.size) return;
    let s: DashboardSnapshot;
    try {
      s = await snapshot();
    } catch (err) {
      o.log.warn({ err }, 'dashboard: snapshot failed');
      return;
    }
    for (const l of listeners) {
      try {
        l(s);
      } catch (err) {
        o.log.warn({ err }, 'dashboard: listener failed');
      }
    }
  }

  const reportTimer = setInterval(() => {
    try {
      report();
    } catch (err) {
      o.log.warn({ err }, 'dashboard: report failed');
    }
  }, REPORT_MS);
  reportTimer.unref();
  const pushTimer = setInterval(() => void push(), DASHBOARD_PUSH_MS);
  pushTimer.unref();

  return {
    joined: (hallId) => bump(hallId, 'joins'),
    chatted: (hallId) => bump(hallId, 'chat'),
    reported: (hallId) => bump(hallId, 'reports'),
    async snapshot() {
      await flush();
      return snapshot();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async tick() {
      report();
      await push();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(reportTimer);
      clearInterval(pushTimer);
      listeners.clear();
      if (subscribedTo) await Promise.resolve(subscribedTo.unsubscribe(channel, onReport)).catch(() => undefined);
      await flush().catch(() => undefined);
    },
  };
}
