/**
 * Follows one hall's agenda for one hall instance: reads it when the room opens, when the agenda
 * says a session of this hall changed (on any process), and at the next start or end of one of the
 * sessions it follows, with one timer — no polling per tick. What the stage (../rooms/stage.ts)
 * and the group tours (../tours/tourAgenda.ts) each build on, with their own choice of session.
 */
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { Logger } from '../lib/logger';
import { serialRefresh } from '../lib/serialRefresh';
import type { AgendaSource } from './source';

/** After a failed read the follower keeps what it has and tries again this much later. */
export const AGENDA_RETRY_MS = 15_000;
/** The longest single wait (setTimeout overflows past 24.8 days); a far boundary is just re-read then. */
export const AGENDA_MAX_WAIT_MS = 6 * 3600_000;
/** Wake this much after a boundary, so the read sees the session as started or ended. */
const BOUNDARY_SLACK_MS = 5;

/** The first moment after `now` at which any of these sessions starts or ends, or null. */
export function nextBoundary(sessions: readonly AgendaSessionView[], now: number): number | null {
  let at: number | null = null;
  for (const s of sessions) {
    for (const t of [s.startsAt, s.endsAt]) if (t > now && (at === null || t < at)) at = t;
  }
  return at;
}

export interface AgendaFollowerOptions {
  source: AgendaSource;
  hallId: string;
  /** which sessions this follower cares about (their boundaries wake it) */
  follows(s: AgendaSessionView): boolean;
  /** after every read, with the clock as it is then; a throw is logged */
  onSessions(sessions: AgendaSessionView[], now: number): void;
  /** what the log lines name ("stage", "group tour") */
  what: string;
  log: Pick<Logger, 'warn'>;
  now?: () => number;
  /** timers, injectable so unit tests run on fake time */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class AgendaFollower {
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private timer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private closed = false;

  constructor(private readonly o: AgendaFollowerOptions) {
    this.now = o.now ?? Date.now;
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Listens for agenda changes and reads the agenda; never rejects (a failed read is retried). */
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
      sessions = (await this.o.source.upcoming(this.o.hallId, this.now())).filter((s) => this.o.follows(s));
    } catch (err) {
      this.o.log.warn({ err, hall: this.o.hallId }, `${this.o.what}: agenda read failed, keeping what is on`);
      this.schedule(this.now() + AGENDA_RETRY_MS);
      return;
    }
    if (this.closed) return;
    // the read took time: decide with the clock as it is now
    const now = this.now();
    try {
      this.o.onSessions(sessions, now);
    } catch (err) {
      this.o.log.warn({ err, hall: this.o.hallId }, `${this.o.what}: could not follow the agenda`);
    }
    this.schedule(nextBoundary(sessions, now));
  }

  private schedule(at: number | null): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    if (at === null || this.closed) return;
    const wait = Math.min(Math.max(at - this.now() + BOUNDARY_SLACK_MS, BOUNDARY_SLACK_MS), AGENDA_MAX_WAIT_MS);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.refresh();
    }, wait);
  }
}
