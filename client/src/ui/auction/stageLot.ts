/**
 * Which lot the hall's stage screen shows (issue #12 item 7), picked from the same auction
 * snapshot as the panel on the server's clock, so every instance shows the same one; and what the
 * screen last drew of it, for the debug probe (`__ludao.stage().auction`). Pure and small: the
 * 3D stage (scene/stage) imports it, and so does the stage's probe.
 */
import type { LotView } from '../../../../shared/api/auction';

/** A closed lot stays on the screen this long with its result ("成交 Sold"), like the panel keeps it. */
export const STAGE_LOT_AFTER_MS = 60_000;

/**
 * The lot for the screen at `now` (server time), or null: a lot of the auction session on stage
 * first, then the open lot that closes soonest, then the one that closed last (within a minute).
 */
export function pickStageLot(lots: readonly LotView[], now: number, sessionId: string | null): LotView | null {
  const shown = lots.filter((l) => l.opensAt <= now && now - l.closesAt < STAGE_LOT_AFTER_MS);
  if (!shown.length) return null;
  const rank = (l: LotView) => (now < l.closesAt ? 0 : 1);
  const ordered = [...shown].sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? a.closesAt - b.closesAt : b.closesAt - a.closesAt) || (a.id < b.id ? -1 : 1));
  return (sessionId && ordered.find((l) => l.sessionId === sessionId)) || ordered[0];
}

export interface StageLotDrawn {
  lotId: string;
  phase: 'open' | 'closed';
  price: number | null;
  leader: string | null;
  title: string;
  /** the status line as drawn: the countdown, or the result */
  clock: string;
  /** the lot's picture is drawn (loaded) */
  picture: boolean;
}

/** What the stage card drew last of the auction; null while it shows no lot. */
export const stageLot: { drawn: StageLotDrawn | null } = { drawn: null };
