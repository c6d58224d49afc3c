/**
 * One hall instance's sampler: once a second it reads every visitor's pose from the room's own
 * state (the server's clamped positions, never what a client claims), adds one visitor-second to
 * the grid cell each stands in, and follows who is at which booth to count visits, unique
 * visitors and dwell. It keeps per visitor only the booth they stand at, since when, and which
 * booths they have been to today, in memory, for as long as they are in the room; what reaches
 * the database are counts (pending.ts).
 *
 * Unique visitors are counted here, in memory, rather than with a table of hashed ids: a hall
 * session lives in exactly one room of one process, so "first time this session reached this booth
 * today" is exact without storing anything about the session, and the per-minute counts of first
 * visits add up across processes and instances. A visitor who reloads the page is a new session
 * and counts again; that is the price of keeping nothing that could follow a person.
 */
import { BOOTH_LEAVE_PAD_M, BOOTH_REACH_PAD_M, CELL_M, DAY_MS, DAY_OFFSET_MS, dwellBucket } from '../../shared/api/analytics';
import { SLOT_RADIUS, type HallLayout } from '../../shared/layout';
import { POS_SCALE } from '../../shared/constants';
import { cellKey, minuteOf, type Pending } from './pending';

export interface BoothReach {
  boothId: string;
  x: number;
  z: number;
  /** squared reach in m² to arrive, and to stay */
  enter2: number;
  leave2: number;
}

/** A placed booth's reach, from its slot in the hall layout. */
export function boothReaches(layout: HallLayout, placed: { boothId: string; slotId: string }[]): BoothReach[] {
  const slots = new Map(layout.boothSlots.map((s) => [s.id, s]));
  const out: BoothReach[] = [];
  for (const p of placed) {
    const s = slots.get(p.slotId);
    if (!s) continue;
    const r = SLOT_RADIUS[s.size];
    out.push({ boothId: p.boothId, x: s.x, z: s.z, enter2: (r + BOOTH_REACH_PAD_M) ** 2, leave2: (r + BOOTH_LEAVE_PAD_M) ** 2 });
  }
  return out;
}

/** What the sampler reads of a visitor: the schema's own fields (centimetres). */
export interface PoseLike {
  x: number;
  z: number;
  connected: boolean;
}

export interface VisitorsLike<V extends PoseLike = PoseLike> {
  forEach(cb: (v: V, sessionId: string) => void): void;
}

interface Track {
  boothId: string | null;
  since: number;
  /** booths this session has been counted at on `day` */
  seen: Set<string> | null;
  day: number;
  mark: number;
}

const CELL_CM = CELL_M * POS_SCALE;

export class HallSampler {
  private expoId: string | null = null;
  private booths: BoothReach[] = [];
  private readonly tracks = new Map<string, Track>();
  private mark = 0;

  constructor(
    readonly hallId: string,
    private readonly pending: () => Pending,
  ) {}

  /** The running expo and its booths in this hall (reloaded when a booth moves). */
  setPlacement(expoId: string | null, booths: BoothReach[], now: number): void {
    const ids = new Set(booths.map((b) => b.boothId));
    const expoChanged = expoId !== this.expoId;
    for (const t of this.tracks.values()) {
      if (t.boothId && (expoChanged || !ids.has(t.boothId))) this.endVisit(t, now);
      if (expoChanged) t.seen = null;
    }
    this.expoId = expoId;
    this.booths = booths;
  }

  /** One look at everyone in the room. */
  sample(visitors: VisitorsLike, now: number): void {
    const mark = ++this.mark;
    const expoId = this.expoId;
    const pending = this.pending();
    const minute = minuteOf(now);
    const day = Math.floor((now + DAY_OFFSET_MS) / DAY_MS);
    // Without a running expo there is nothing to attribute a visit or a cell to.
    const cells = expoId ? pending.cellsOf(expoId, this.hallId, minute) : null;
    visitors.forEach((v, id) => {
      let t = this.tracks.get(id);
      if (!t) this.tracks.set(id, (t = { boothId: null, since: now, seen: null, day, mark }));
      t.mark = mark;
      // A dropped connection holds its seat for the reconnection window: it stands nowhere.
      if (!cells || !v.connected || typeof v.x !== 'number' || typeof v.z !== 'number') return;
      pending.addCell(cells, cellKey(Math.floor(v.x / CELL_CM), Math.floor(v.z / CELL_CM)), 1);
      const at = this.boothAt(v.x / POS_SCALE, v.z / POS_SCALE, t.boothId);
      if (at === t.boothId) return;
      if (t.boothId) this.endVisit(t, now);
      if (at) this.startVisit(t, at, now, minute, day, pending);
    });
    // Whoever was not in the state has left the room: their visit ends and their track goes.
    for (const [id, t] of this.tracks) {
      if (t.mark === mark) continue;
      if (t.boothId) this.endVisit(t, now);
      this.tracks.delete(id);
    }
  }

  /** The room closes (or the process stops): open visits end now. */
  close(now: number): void {
    for (const t of this.tracks.values()) if (t.boothId) this.endVisit(t, now);
    this.tracks.clear();
  }

  /** Visitors being followed right now (tests, diagnostics). */
  tracked(): number {
    return this.tracks.size;
  }

  private boothAt(x: number, z: number, current: string | null): string | null {
    let best: string | null = null;
    let bestScore = Infinity;
    for (const b of this.booths) {
      const dx = x - b.x;
      const dz = z - b.z;
      const d2 = dx * dx + dz * dz;
      // The booth one stands at keeps them until they are past its wider leave reach.
      if (b.boothId === current && d2 < b.leave2) return current;
      if (d2 < b.enter2 && d2 / b.enter2 < bestScore) {
        best = b.boothId;
        bestScore = d2 / b.enter2;
      }
    }
    return best;
  }

  private startVisit(t: Track, boothId: string, now: number, minute: number, day: number, pending: Pending): void {
    t.boothId = boothId;
    t.since = now;
    const c = pending.booth(boothId, minute);
    c.visits++;
    if (t.day !== day || !t.seen) {
      t.day = day;
      t.seen = new Set();
    }
    if (!t.seen.has(boothId)) {
      t.seen.add(boothId);
      c.uniques++;
    }
  }

  private endVisit(t: Track, now: number): void {
    const seconds = Math.max(0, Math.round((now - t.since) / 1000));
    this.pending().addDwell(t.boothId!, minuteOf(now), dwellBucket(seconds), seconds);
    t.boothId = null;
  }
}
