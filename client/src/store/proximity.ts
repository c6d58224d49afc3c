/**
 * "Walk up, a card opens": the one state machine behind booths, landmark hotspots and every later
 * desk (the guide, the stage...). Pure functions over plain data, unit-tested in
 * tests/unit/proximity.test.ts; the per-frame tracker (scene/proximity/) only reports which desk
 * the visitor stands at, and only when that changes.
 */

/** What can be walked up to. Reserved now so later desks reuse the same machine. */
export type DeskKind = 'booth' | 'hotspot' | 'guide' | 'stage';

export interface DeskRef {
  kind: DeskKind;
  id: string;
}

/** How a card was opened: only one opened by walking up closes by walking away. */
export type CardVia = 'near' | 'click' | 'directory';

export interface Card extends DeskRef {
  via: CardVia;
}

export interface ProximityState {
  /** the desk the visitor stands at */
  near: DeskRef | null;
  /** the one desk card open (a booth panel, a landmark card...) */
  card: Card | null;
  /** a desk whose card the visitor closed: it stays closed until they walk away from it */
  dismissed: DeskRef | null;
}

export const NO_PROXIMITY: ProximityState = { near: null, card: null, dismissed: null };

export function sameDesk(a: DeskRef | null | undefined, b: DeskRef | null | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.id === b.id;
}

/** The visitor now stands at `next` (or at nothing). */
export function walkedTo(s: ProximityState, next: DeskRef | null): ProximityState {
  if (sameDesk(s.near, next) || (!s.near && !next)) return s;
  let { card, dismissed } = s;
  if (dismissed && !sameDesk(dismissed, next)) dismissed = null;
  if (card?.via === 'near' && !sameDesk(card, next)) card = null;
  // A card opened on purpose (a click, the directory) is not replaced by walking past a desk.
  if (next && !card && !sameDesk(dismissed, next)) card = { kind: next.kind, id: next.id, via: 'near' };
  return { near: next && { kind: next.kind, id: next.id }, card, dismissed };
}

export function openedCard(s: ProximityState, desk: DeskRef, via: CardVia): ProximityState {
  return { ...s, card: { kind: desk.kind, id: desk.id, via }, dismissed: sameDesk(s.dismissed, desk) ? null : s.dismissed };
}

/** The visitor closed the card: if they stand at its desk, it stays closed until they walk away. */
export function closedCard(s: ProximityState): ProximityState {
  if (!s.card) return s;
  return { ...s, card: null, dismissed: sameDesk(s.card, s.near) ? s.near : s.dismissed };
}

/** A desk went away (a booth left the hall): forget it everywhere. */
export function forgotDesk(s: ProximityState, desk: DeskRef): ProximityState {
  if (!sameDesk(s.card, desk) && !sameDesk(s.near, desk) && !sameDesk(s.dismissed, desk)) return s;
  return {
    near: sameDesk(s.near, desk) ? null : s.near,
    card: sameDesk(s.card, desk) ? null : s.card,
    dismissed: sameDesk(s.dismissed, desk) ? null : s.dismissed,
  };
}
