/**
 * Who is earning which stamp (issue #12 item 5), from the room's own poses: once a second it looks
 * at where each visitor stands (the server's clamped position, in centimetres, as the room state
 * holds it), and a visitor who has stayed within reach of one landmark for the dwell earns its
 * stamp. It keeps, per visitor in the room, only the stamp they are at and since when. The stamps
 * can change while the room is open (booths are placed and taken away during an expo).
 */
import { STAMP_DWELL_MS, type StampDef } from '../../shared/passport';
import { POS_SCALE } from '../../shared/constants';

export interface PoseCm {
  x: number;
  z: number;
  connected: boolean;
  /** a 2D catalog visitor (issue #13): seated at the entrance, earns no stamp by being there */
  seated?: boolean;
}

interface At {
  stampId: string | null;
  since: number;
}

export class StampWatcher {
  private readonly at = new Map<string, At>();

  constructor(
    private stamps: readonly StampDef[],
    private readonly dwellMs = STAMP_DWELL_MS,
  ) {}

  /** A new list (booths placed or taken away); a visitor at a stamp that stays keeps their dwell. */
  setStamps(stamps: readonly StampDef[]): void {
    this.stamps = stamps;
  }

  /** The stamp within reach of a position in metres, if any (where reaches overlap, the one nearest relative to its reach). */
  stampAt(x: number, z: number): StampDef | null {
    let best: StampDef | null = null;
    let bestD = 1;
    for (const s of this.stamps) {
      const d = ((s.x - x) ** 2 + (s.z - z) ** 2) / (s.reach * s.reach);
      if (d <= bestD) {
        best = s;
        bestD = d;
      }
    }
    return best;
  }

  /**
   * One look at every visitor. `has(sessionId, stampId)` says whether they hold it already;
   * returns the stamps earned on this look.
   */
  tick(now: number, visitors: { forEach(cb: (v: PoseCm, sessionId: string) => void): void }, has: (sessionId: string, stampId: string) => boolean) {
    const earned: { sessionId: string; stampId: string }[] = [];
    const present = new Set<string>();
    visitors.forEach((v, sessionId) => {
      present.add(sessionId);
      // someone away (reconnecting) is not standing anywhere
      const stamp = v.connected && !v.seated ? this.stampAt(v.x / POS_SCALE, v.z / POS_SCALE) : null;
      const id = stamp?.id ?? null;
      const cur = this.at.get(sessionId);
      if (!cur || cur.stampId !== id) {
        this.at.set(sessionId, { stampId: id, since: now });
        return;
      }
      if (id && now - cur.since >= this.dwellMs && !has(sessionId, id)) earned.push({ sessionId, stampId: id });
    });
    for (const id of this.at.keys()) if (!present.has(id)) this.at.delete(id);
    return earned;
  }

  forget(sessionId: string): void {
    this.at.delete(sessionId);
  }
}
