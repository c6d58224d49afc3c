/**
 * The hall's stage (issue #11): keeps HallState.stage set to the agenda session on now, or else the
 * next one, for one hall instance. It reads the agenda (an AgendaSource) when the room opens, when
 * the agenda says a session of this hall changed (on any process), and at the next start or end
 * boundary, with one timer: no polling per tick (../agenda/follower.ts). Every instance of the hall reads the same agenda,
 * so every instance shows the same session; clients work out "on now", "starts in" and the video's
 * position from the session's times and their estimate of the server's clock.
 */
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { Stage } from '../../shared/schema/Stage';
import { AGENDA_RETRY_MS, AgendaFollower, nextBoundary, type AgendaFollowerOptions } from '../agenda/follower';

/** After a failed read the stage keeps what it shows and tries again this much later. */
export const STAGE_RETRY_MS = AGENDA_RETRY_MS;

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
export const nextStageBoundary = nextBoundary;

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

export interface StageKeeperOptions extends Pick<AgendaFollowerOptions, 'source' | 'hallId' | 'log' | 'now' | 'setTimer' | 'clearTimer'> {
  stage: Stage;
}

/** Keeps the stage schema on the session on now (or next) of the hall's stage sessions (a group tour walks the hall: not a stage session). */
export class StageKeeper extends AgendaFollower {
  constructor(o: StageKeeperOptions) {
    super({
      ...o,
      what: 'stage',
      follows: (s) => s.kind !== 'tour',
      onSessions: (sessions, now) => void applyStageSession(o.stage, pickStageSession(sessions, now)),
    });
  }
}
