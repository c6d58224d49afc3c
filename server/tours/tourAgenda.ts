/**
 * Which agenda session of kind `tour` runs in a hall now (issue #12, group tours), for one hall
 * instance: read when the room opens, when the agenda says a session of this hall changed (on any
 * process), and at the next start or end of a tour session, with one timer, like the stage
 * (../rooms/stage.ts). The room's public tour (./roomTour.ts) starts and ends with it.
 */
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { AgendaSource } from '../agenda/source';
import type { Logger } from '../lib/logger';
import { serialRefresh } from '../lib/serialRefresh';
import { nextStageBoundary, STAGE_MAX_WAIT_MS, STAGE_RETRY_MS } from '../rooms/stage';

/** Wake this much after a boundary, so the read sees the session as started or ended. */
const BOUNDARY_SLACK_MS = 5;

/** Of the tour sessions on at `now`, the one that started last (a tour put on top of another takes over). */
export function tourSessionOn(sessions: readonly AgendaSessionView[], now: number): AgendaSessionView | null {
  let on: AgendaSessionView | null = null;
  for (const s of sessions) {
    if (s.kind !== 'tour' || s.startsAt > now || s.endsAt <= now) continue;
    if (!on || s.startsAt > on.startsAt) on = s;
  }
  return on;
}

export interface TourAgendaOptions {
  source: AgendaSource;
  hallId: string;
  /** the tour session on now (null: none), after every read */
  onSession(s: AgendaSessionView | null, now: number): void;
  log: Pick<Logger, 'warn'>;
  now?: () => number;
}

export class TourAgenda {
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  private closed = false;

  constructor(private readonly o: TourAgendaOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Listens for agenda changes and reads the agenda; never rejects (a failed read is retried). */
  open(): Promise<void> {
    this.unsubscribe = this.o.source.onChange(this.o.hallId, () => void this.refresh());
    return this.refresh();
  }

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
      sessions = (await this.o.source.upcoming(this.o.hallId, this.now())).filter((s) => s.kind === 'tour');
    } catch (err) {
      this.o.log.warn({ err, hall: this.o.hallId }, 'group tour: agenda read failed, keeping the current tour');
      this.schedule(this.now() + STAGE_RETRY_MS);
      return;
    }
    if (this.closed) return;
    const now = this.now();
    try {
      this.o.onSession(tourSessionOn(sessions, now), now);
    } catch (err) {
      this.o.log.warn({ err, hall: this.o.hallId }, 'group tour: could not follow the agenda');
    }
    this.schedule(nextStageBoundary(sessions, now));
  }

  private schedule(at: number | null): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (at === null || this.closed) return;
    const wait = Math.min(Math.max(at - this.now() + BOUNDARY_SLACK_MS, BOUNDARY_SLACK_MS), STAGE_MAX_WAIT_MS);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, wait);
  }
}
