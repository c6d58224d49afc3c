/**
 * Analytics for one process (issue #10): the hall rooms' samplers, the counted links, and the
 * flush that adds their counts into the database.
 *
 * - Sampling runs on one timer for the whole process, once a second (SAMPLE_MS), never inside a
 *   patch: each open hall instance's sampler reads its room's state and adds to the pending counts.
 * - Every `flushMs` the pending counts go to the database in one transaction, without waiting in
 *   any room: a kill -9 loses at most that window. A failed flush keeps its counts for the next
 *   one (up to `maxPending` rows, then it drops the oldest batch and says so).
 * - Which booths stand where comes from the hall layout's slots and the database's placements,
 *   reloaded when a booth of the hall changes (the booth event bus, from any process) and every
 *   minute in any case.
 */
import type { HallId } from '../../shared/halls';
import { getLayout } from '../../shared/halls';
import { SAMPLE_MS } from '../../shared/api/analytics';
import type { Kdb } from '../db/types';
import type { BoothEvents } from '../events';
import type { Logger } from '../lib/logger';
import { minuteOf, Pending } from './pending';
import { analyticsRepository, type AnalyticsRepository } from './repository';
import { boothReaches, HallSampler, type VisitorsLike } from './sampler';

/** Placements are reloaded at least this often, even without a booth event. */
const PLACEMENT_REFRESH_MS = 60_000;
/** Booth events come in bursts (an edit, a move): one reload for a burst. */
const PLACEMENT_DEBOUNCE_MS = 250;
const MAX_PENDING_ROWS = 200_000;

export interface AnalyticsOptions {
  /** the database, opened on first use */
  db: () => Kdb;
  events: BoothEvents;
  log: Logger;
  /** ANALYTICS_FLUSH_S, in ms */
  flushMs: number;
  /** ANALYTICS_SAMPLING: off leaves hall rooms alone (links, questions, cards and meetings are still counted) */
  sampling: boolean;
  now?: () => number;
  maxPendingRows?: number;
}

export interface HallAnalytics {
  /** the room is closing: open visits end now */
  close(): void;
}

export interface AnalyticsStats {
  flushes: number;
  rows: number;
  failures: number;
  /** wall time of each flush, ms */
  flushMs: number[];
  pendingRows: number;
}

export interface Analytics {
  readonly sampling: boolean;
  /** A hall instance opened: its visitors are sampled until close(). Null when sampling is off. */
  openHall(hallId: HallId, visitors: VisitorsLike): HallAnalytics | null;
  /** A counted brochure download or website click. */
  count(boothId: string, what: 'brochure' | 'website'): void;
  /** Writes what is pending now. The consoles call it before they read, so this process's figures are current. */
  flush(): Promise<void>;
  /** Samples every open hall now (tests; the timer does it once a second). */
  sampleNow(): void;
  /** Reloads every open hall's booth placements now (tests). */
  reloadPlacements(): Promise<void>;
  readonly repo: AnalyticsRepository;
  stats(): AnalyticsStats;
  /** Ends open visits and writes the last counts (graceful shutdown). */
  stop(): Promise<void>;
}

interface HallPlacement {
  hallId: HallId;
  samplers: Set<HallSampler>;
  visitors: Map<HallSampler, VisitorsLike>;
  expoId: string | null;
  reaches: ReturnType<typeof boothReaches>;
  loadedAt: number;
  loading: Promise<void> | null;
  debounce: NodeJS.Timeout | null;
  unsubscribe: () => void;
}

export function createAnalytics(o: AnalyticsOptions): Analytics {
  const now = o.now ?? Date.now;
  const maxPending = o.maxPendingRows ?? MAX_PENDING_ROWS;
  let repo: AnalyticsRepository | null = null;
  let repoDb: Kdb | null = null;
  // follows the database the app has open now (it is opened on first use, and reopened after a close)
  const repository = (): AnalyticsRepository => {
    const db = o.db();
    if (!repo || db !== repoDb) {
      repo = analyticsRepository(db);
      repoDb = db;
    }
    return repo;
  };
  let pending = new Pending();
  const halls = new Map<HallId, HallPlacement>();
  const stats: AnalyticsStats = { flushes: 0, rows: 0, failures: 0, flushMs: [], pendingRows: 0 };
  let sampleTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  let placementFailing = false;
  let flushFailing = false;
  let chain: Promise<void> = Promise.resolve();

  const flushTimer = setInterval(() => void flush(), Math.max(100, o.flushMs));
  flushTimer.unref();

  function load(h: HallPlacement): Promise<void> {
    h.loading ??= (async () => {
      try {
        const p = await repository().placements(h.hallId);
        h.expoId = p?.expoId ?? null;
        h.reaches = p ? boothReaches(getLayout(h.hallId), p.booths) : [];
        if (placementFailing) o.log.info({ hall: h.hallId }, 'analytics: booth placements readable again');
        placementFailing = false;
      } catch (err) {
        // A database not migrated yet (or gone for a moment): try again at the next refresh.
        if (!placementFailing) o.log.warn({ err, hall: h.hallId }, 'analytics: cannot read booth placements');
        placementFailing = true;
      } finally {
        h.loadedAt = now();
        h.loading = null;
      }
      for (const s of h.samplers) s.setPlacement(h.expoId, h.reaches, now());
    })();
    return h.loading;
  }

  function sampleAll(): void {
    const t = now();
    for (const h of halls.values()) {
      if (!h.loading && t - h.loadedAt >= PLACEMENT_REFRESH_MS) void load(h);
      for (const [s, visitors] of h.visitors) {
        try {
          s.sample(visitors, t);
        } catch (err) {
          // Contained: analytics must never take a hall down.
          o.log.error({ err, hall: h.hallId }, 'analytics: sampling failed');
        }
      }
    }
  }

  function startSampling(): void {
    if (sampleTimer) return;
    sampleTimer = setInterval(sampleAll, SAMPLE_MS);
    sampleTimer.unref();
  }

  async function writePending(): Promise<void> {
    if (pending.empty()) return;
    const batch = pending;
    pending = new Pending();
    const t0 = performance.now();
    try {
      const { rows } = await repository().write(batch);
      stats.flushes++;
      stats.rows += rows;
      if (stats.flushMs.length < 10_000) stats.flushMs.push(performance.now() - t0);
      if (flushFailing) o.log.info('analytics: flushing again');
      flushFailing = false;
    } catch (err) {
      stats.failures++;
      if (!flushFailing) o.log.warn({ err }, 'analytics: flush failed; the counts are kept for the next one');
      flushFailing = true;
      if (batch.size() + pending.size() <= maxPending) {
        batch.merge(pending);
        pending = batch;
      } else {
        o.log.warn({ dropped: batch.size() }, 'analytics: too many counts waiting for the database; dropped the oldest');
      }
    }
  }

  function flush(): Promise<void> {
    // One flush at a time: a second caller waits for the first and then writes what came since.
    chain = chain.then(writePending);
    return chain;
  }

  return {
    sampling: o.sampling,
    get repo() {
      return repository();
    },

    openHall(hallId, visitors) {
      if (!o.sampling || stopped) return null;
      let h = halls.get(hallId);
      if (!h) {
        const placement: HallPlacement = {
          hallId,
          samplers: new Set(),
          visitors: new Map(),
          expoId: null,
          reaches: [],
          loadedAt: 0,
          loading: null,
          debounce: null,
          unsubscribe: () => {},
        };
        placement.unsubscribe = o.events.subscribe(hallId, () => {
          if (placement.debounce) return;
          placement.debounce = setTimeout(() => {
            placement.debounce = null;
            void load(placement);
          }, PLACEMENT_DEBOUNCE_MS);
        });
        halls.set(hallId, (h = placement));
        void load(h);
      }
      const hall = h;
      const sampler = new HallSampler(hallId, () => pending);
      sampler.setPlacement(hall.expoId, hall.reaches, now());
      hall.samplers.add(sampler);
      hall.visitors.set(sampler, visitors);
      startSampling();
      return {
        close() {
          if (!hall.samplers.delete(sampler)) return;
          hall.visitors.delete(sampler);
          sampler.close(now());
          if (hall.samplers.size === 0) {
            hall.unsubscribe();
            if (hall.debounce) clearTimeout(hall.debounce);
            halls.delete(hallId);
          }
          if (halls.size === 0 && sampleTimer) {
            clearInterval(sampleTimer);
            sampleTimer = null;
          }
        },
      };
    },

    count(boothId, what) {
      pending.booth(boothId, minuteOf(now()))[what]++;
    },

    flush,
    sampleNow: sampleAll,
    async reloadPlacements() {
      await Promise.all([...halls.values()].map((h) => load(h)));
    },

    stats() {
      return { ...stats, flushMs: [...stats.flushMs], pendingRows: pending.size() };
    },

    async stop() {
      stopped = true;
      clearInterval(flushTimer);
      if (sampleTimer) clearInterval(sampleTimer);
      sampleTimer = null;
      const t = now();
      for (const h of halls.values()) {
        h.unsubscribe();
        if (h.debounce) clearTimeout(h.debounce);
        for (const s of h.samplers) s.close(t);
        h.samplers.clear();
        h.visitors.clear();
      }
      halls.clear();
      await flush();
    },
  };
}

export type { VisitorsLike } from './sampler';
