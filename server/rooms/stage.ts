/**
 * The hall's stage (issue #11): keeps HallState.stage set to the agenda session on now, or else the
 * next one, for one hall instance. It reads the agenda (an AgendaSource) when the room opens, when
 * the agenda says a session of this hall changed (on any process), and at the next start or end
 * boundary, with one timer: no polling per tick. Every instance of the hall reads the same agenda,
 * so every instance shows the same session; clients work out "on now", "starts in" and the video's
 * position from the session's times and their estimate of the server's clock.
 */
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { Stage } from '../../shared/schema/Stage';
import type { AgendaSource } from '../agenda/source';
import type { Logger } from '../lib/logger';
import { serialRefresh } from '../lib/serialRefresh';

/** After a failed read the stage keeps what it shows and tries again this much later. */
export const STAGE_RETRY_MS = 15_000;
/** The longest single wait (setTimeout overflows past 24.8 days); a far boundary is just re-read then. */
export const STAGE_MAX_WAIT_MS = 6 * 3600_000;
/** Wake this much after a boundary, so the read sees the session as started or ended. */
const BOUNDARY_SLACK_MS = 5;

/**
 * The session the stage shows at `now`: of those on now (started, not ended), the one that started
 * last (a session put on top of another takes the screen); else the next to start; else none.
 */
export function pickStageSession(sessions: readonly AgendaSessionView[], now: number): AgendaSessionView | null {
  let on: AgendaSessionView | null = null;
  let next: AgendaSessionView | null = null;
  for (const s of sessions) {
    if (s.endsAt <= now) continue;
    if (s.startsAt <= now) {
      if (!on || s.startsAt > on.startsAt) on = s;
    } else if (!next || s.startsAt < next.startsAt) next = s;
  }
  return on ?? next;
}

/** The first moment after `now` at which any of these sessions starts or ends (the stage may change then), or null. */
export function nextStageBoundary(sessions: readonly AgendaSessionView[], now: number): number | null {
  let at: number | null = null;
  for (const s of sessions) {
    for (const t of [s.startsAt, s.endsAt]) if (t > now && (at === null || t < at)) at = t;
  }
  return at;
}

/** Copies a session into the schema, touching only fields that differ (an unchanged stage costs no patch bytes). */
export function applyStageSession(stage: Stage, s: AgendaSessionView | null): boolean {
  const next = {
    sessionId: s?.id ?? '',
    kind: s?.kind ?? '',
    titleZh: s?.title.zh ?? '',
    titleEn: s?.title.en ?? '',
    startsAt: s?.startsAt ?? 0,
    endsAt: s?.endsAt ?? 0,
    videoUrl: s?.videoUrl ?? '',
    captionsUrl: s?.captionsUrl ?? '',
    liveUrl: s?.liveUrl ?? '',
    updatedAt: s?.updatedAt ?? 0,
  };
  let changed = false;
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (stage[key] === next[key]) continue;
    (stage as unknown as Record<string, string | number>)[key] = next[key];
    changed = true;
  }
  return changed;
}

export interface StageKeeperOptions {
  source: AgendaSource;
  hallId: string;
  stage: Stage;
  log: Pick<Logger, 'warn'>;
  now?: () => number;
  /** timers, injectable so unit tests run on fake time */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class StageKeeper {
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private timer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private closed = false;

  constructor(private readonly o: StageKeeperOptions) {
    this.now = o.now ?? Date.now;
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Listens for agenda changes and fills the stage; never rejects (a failed read is retried). */
  open(): Promise<void> {
    this.unsubscribe = this.o.source.onChange(this.o.hallId, () => void this.refresh());
    return this.refresh();
  }

  /** Reads the agenda again; calls while a read is on the way fold into one more read after it. */
  readonly refresh = serialRefresh(
    () => this.readOnce(),
    () => this.closed,
  );

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.schedule(null);
  }

  private async readOnce(): Promise<void> {
    let sessions: AgendaSessionView[];
    try {
      sessions = await this.o.source.upcoming(this.o.hallId, this.now());
    } catch (err) {
      this.o.log.warn({ err, hall: this.o.hallId }, 'stage: agenda read failed, keeping the current stage');
      this.schedule(this.now() + STAGE_RETRY_MS);
      return;
    }
    if (this.closed) return;
    // the read took time: decide with the clock as it is now
    const now = this.now();
    applyStageSession(this.o.stage, pickStageSession(sessions, now));
    this.schedule(nextStageBoundary(sessions, now));
  }

  private schedule(at: number | null): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    if (at === null || this.closed) return;
    const wait = Math.min(Math.max(at - this.now() + BOUNDARY_SLACK_MS, BOUNDARY_SLACK_MS), STAGE_MAX_WAIT_MS);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.refresh();
    }, wait);
  }
}
