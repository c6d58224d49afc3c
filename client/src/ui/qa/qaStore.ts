/**
 * Q&A in the hall (issue #11): the session's questions as the server last sent them (every instance
 * of the hall gets the same), this visitor's own standing, and whether the panel is folded. Fed by
 * net/bindRoom; read by the hall panel (./HallQa) and the stage screen (scene/stage/Stage).
 */
import { create } from 'zustand';
import type { QaMine, QaSnapshot } from '../../../../shared/api/qa';

const EMPTY: QaSnapshot = { sessionId: '', approved: [], pending: [] };

export interface QaResult {
  action: 'ask' | 'vote';
  ok: boolean;
  code?: string;
  /** increases with every answer, so the same answer twice still shows */
  seq: number;
}

interface QaStore {
  snapshot: QaSnapshot;
  /** this visitor's standing in `snapshot.sessionId` (null: not known yet) */
  mine: QaMine | null;
  result: QaResult | null;
  expanded: boolean;
  setSnapshot(s: QaSnapshot): void;
  setMine(m: QaMine): void;
  setExpanded(open: boolean): void;
  reset(): void;
}

let seq = 0;

export const useQa = create<QaStore>((set, get) => ({
  snapshot: EMPTY,
  mine: null,
  result: null,
  expanded: false,
  setSnapshot: (snapshot) => {
    const prev = get();
    // another session: what this visitor asked and voted for belongs to the last one
    const keepMine = prev.mine && prev.mine.sessionId === snapshot.sessionId;
    set({ snapshot, ...(keepMine ? {} : { mine: null, result: null }) });
  },
  setMine: (m) => {
    const prev = get().mine;
    // a partial answer (the server could not read the standing) keeps the standing we have
    const mine = m.partial && prev && prev.sessionId === m.sessionId ? prev : m;
    set({ mine, result: m.result ? { ...m.result, seq: ++seq } : get().result });
  },
  setExpanded: (expanded) => set({ expanded }),
  reset: () => set({ snapshot: EMPTY, mine: null, result: null }),
}));

/** What the stage card drew last: written by scene/stage/Stage each time it draws, read by the page's probe. */
export const cardQuestions = { drawn: [] as string[] };

/** The approved questions with the most votes, for the stage screen. */
export function topApproved(s: QaSnapshot, n: number): string[] {
  return s.approved.slice(0, n).map((q) => q.text);
}
