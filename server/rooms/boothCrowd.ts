/**
 * Who stands at which booth, hall-wide, and the reactions at booths (issue #10, "booth
 * interactions everyone at the booth shares"). Each hall instance counts its own visitors per booth
 * slot once a second from the server's poses and publishes the counts on the hall's presence
 * channel; every instance, on any process, sums the latest counts of all instances and writes the
 * sum into its room state when it changes (one patch entry for everyone, not a message each).
 * Reactions and presentations go over the same channel to every instance. "At the booth" is
 * shared/boothReach.ts, the booth panel's rule too.
 */
import type { Presence } from '@colyseus/core';
import type { HallLayout } from '../../shared/layout';
import { slotAt } from '../../shared/boothReach';
import { POS_SCALE } from '../../shared/constants';
import type { PresentItem, ReactionKind, ServerPayload } from '../../shared/messages';

/** An instance's counts older than this are dropped (its room closed or its process died). */
const STALE_MS = 3500;

interface PoseLike {
  x: number;
  z: number;
  connected: boolean;
}

type Presenting = ServerPayload<'presenting'>;
type Wire =
  | { kind: 'counts'; room: string; counts: Record<string, number>; at: number }
  | { kind: 'reaction'; slotId: string; reaction: ReactionKind; at: number }
  // a live presentation, repeated every tick by the presenter's instance (a heartbeat: a presenter
  // whose process died is dropped after STALE_MS); item null ends it at once
  | { kind: 'present'; slotId: string; item: PresentItem | null; by: string; at: number };

export const boothChannel = (prefix: string, hallId: string) => `${prefix}booths:${hallId}`;

/** Visitors per slot in one instance (connected ones; a dropped connection is not standing there). */
export function countAtBooths(layout: HallLayout, visitors: { forEach(cb: (v: PoseLike) => void): void }): Record<string, number> {
  const out: Record<string, number> = {};
  visitors.forEach((v) => {
    if (!v.connected || v.x === undefined || v.z === undefined) return;
    const slot = slotAt(layout, v.x / POS_SCALE, v.z / POS_SCALE);
    if (slot) out[slot] = (out[slot] ?? 0) + 1;
  });
  return out;
}

export interface BoothCrowdDeps {
  presence: Presence;
  channel: string;
  room: string;
  layout: HallLayout;
  visitors: { forEach(cb: (v: PoseLike) => void): void };
  send: <N extends 'reaction' | 'presenting'>(name: N, payload: ServerPayload<N>) => void;
  /** the hall-wide counts changed: into the room state (HallState.booths) */
  onTotals: (counts: Record<string, number>) => void;
  onError: (err: unknown) => void;
  now?: () => number;
}

export class BoothCrowd {
  private readonly byRoom = new Map<string, { counts: Record<string, number>; at: number }>();
  private lastSent = '';
  /** presentations this instance's staff are giving: slot → who and what */
  private readonly mine = new Map<string, { sessionId: string; item: PresentItem; by: string; since: number }>();
  /** every live presentation of the hall as last heard: slot → payload and when heard */
  private readonly shown = new Map<string, { p: Presenting; heard: number }>();
  private readonly now: () => number;
  private readonly onWire = (raw: unknown) => this.receive(raw as Wire);

  constructor(private readonly d: BoothCrowdDeps) {
    this.now = d.now ?? Date.now;
  }

  async open(): Promise<void> {
    await this.d.presence.subscribe(this.d.channel, this.onWire);
  }

  close(): void {
    Promise.resolve(this.d.presence.unsubscribe(this.d.channel, this.onWire)).catch(this.d.onError);
    // the others drop this room's counts when they go stale
  }

  /** Once a second: this instance's counts to every instance. */
  tick(): void {
    const msg: Wire = { kind: 'counts', room: this.d.room, counts: countAtBooths(this.d.layout, this.d.visitors), at: this.now() };
    this.publish(msg);
    for (const [slotId, m] of this.mine) this.publish({ kind: 'present', slotId, item: m.item, by: m.by, at: m.since });
    // presentations whose heartbeat stopped (their process died) end for everyone here
    const now = this.now();
    for (const [slotId, e] of this.shown) {
      if (now - e.heard <= STALE_MS) continue;
      this.shown.delete(slotId);
      this.d.send('presenting', { slotId, item: null, by: e.p.by, at: now });
    }
  }

  /** Staff at `slotId` start (or change, or with null stop) what everyone at the booth sees. */
  present(sessionId: string, slotId: string, item: PresentItem | null, by: string): void {
    const now = this.now();
    if (item) this.mine.set(slotId, { sessionId, item, by, since: now });
    else this.mine.delete(slotId);
    this.publish({ kind: 'present', slotId, item, by, at: now });
  }

  /** A presenter left: their presentations end. */
  stopBy(sessionId: string): void {
    for (const [slotId, m] of this.mine) if (m.sessionId === sessionId) this.present(sessionId, slotId, null, m.by);
  }

  /** Live presentations, for a visitor who just joined. */
  presentations(): Presenting[] {
    return [...this.shown.values()].map((e) => e.p);
  }

  private publish(msg: Wire): void {
    Promise.resolve(this.d.presence.publish(this.d.channel, msg)).catch(this.d.onError);
  }

  /** A reaction at a booth, to every instance of the hall. */
  react(slotId: string, reaction: ReactionKind): void {
    this.publish({ kind: 'reaction', slotId, reaction, at: this.now() });
  }

  /** The hall-wide sum, now (also sent to a visitor who just joined). */
  totals(): Record<string, number> {
    const now = this.now();
    const sum: Record<string, number> = {};
    for (const [room, e] of this.byRoom) {
      if (now - e.at > STALE_MS) {
        this.byRoom.delete(room);
        continue;
      }
      for (const [slot, n] of Object.entries(e.counts)) sum[slot] = (sum[slot] ?? 0) + n;
    }
    return sum;
  }

  private receive(w: Wire): void {
    if (!w || typeof w !== 'object') return;
    if (w.kind === 'reaction' && typeof w.slotId === 'string') {
      this.d.send('reaction', { slotId: w.slotId, kind: w.reaction, at: w.at });
      return;
    }
    if (w.kind === 'present' && typeof w.slotId === 'string') {
      const p: Presenting = { slotId: w.slotId, item: w.item ?? null, by: String(w.by ?? ''), at: w.at };
      const before = this.shown.get(w.slotId);
      if (!p.item) {
        if (!before) return;
        this.shown.delete(w.slotId);
      } else {
        this.shown.set(w.slotId, { p, heard: this.now() });
        // a heartbeat of what is already shown is news to nobody
        if (before && JSON.stringify(before.p.item) === JSON.stringify(p.item) && before.p.by === p.by) return;
      }
      this.d.send('presenting', p);
      return;
    }
    if (w.kind !== 'counts' || typeof w.room !== 'string') return;
    this.byRoom.set(w.room, { counts: w.counts ?? {}, at: w.at });
    const totals = this.totals();
    const key = JSON.stringify(Object.entries(totals).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.d.onTotals(totals);
  }
}
