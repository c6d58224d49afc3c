/**
 * Which agenda session of kind `tour` runs in a hall now (issue #12, group tours), for one hall
 * instance: read when the room opens, when the agenda says a session of this hall changed (on any
 * process), and at the next start or end of a tour session, with one timer, like the stage
 * (../agenda/follower.ts). The room's public tour (./roomTour.ts) starts and ends with it.
 */
import type { AgendaSessionView } from '../../shared/api/agenda';
import { AgendaFollower, type AgendaFollowerOptions } from '../agenda/follower';

/** Of the tour sessions on at `now`, the one that started last (a tour put on top of another takes over). */
export function tourSessionOn(sessions: readonly AgendaSessionView[], now: number): AgendaSessionView | null {
  let on: AgendaSessionView | null = null;
  for (const s of sessions) {
    if (s.kind !== 'tour' || s.startsAt > now || s.endsAt <= now) continue;
    if (!on || s.startsAt > on.startsAt) on = s;
  }
  return on;
}

export interface TourAgendaOptions extends Pick<AgendaFollowerOptions, 'source' | 'hallId' | 'log' | 'now'> {
  /** the tour session on now (null: none), after every read */
  onSession(s: AgendaSessionView | null, now: number): void;
}

export class TourAgenda extends AgendaFollower {
  constructor(o: TourAgendaOptions) {
    super({ ...o, what: 'group tour', follows: (s) => s.kind === 'tour', onSessions: (sessions, now) => o.onSession(tourSessionOn(sessions, now), now) });
  }
}
