/**
 * What the stage needs from the agenda (issue #11): the sessions of a hall, and word when they
 * change on any process. The agenda service implements it over the database and the presence; the
 * hall room's stage reads it, so the room never touches tables.
 */
import type { AgendaSessionView } from '../../shared/api/agenda';

export interface AgendaSource {
  /** The running expo's sessions in this hall that have not ended by `now`, by start time. */
  upcoming(hallId: string, now: number): Promise<AgendaSessionView[]>;
  /** Calls `listener` whenever a session of this hall is created, edited or removed (any process). Returns the unsubscribe function. */
  onChange(hallId: string, listener: () => void): () => void;
}
