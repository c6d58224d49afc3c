/** The proximity machine (proximity.ts) as a store slice: which desk the visitor is at, which card is open. */
import type { StateCreator } from 'zustand';
import { closedCard, forgotDesk, NO_PROXIMITY, openedCard, walkedTo, type CardVia, type DeskRef, type ProximityState } from './proximity';
import type { Store } from './index';

export interface ProximitySlice extends ProximityState {
  /** called by the tracker only when the nearest desk changes */
  walkTo(next: DeskRef | null): void;
  openCard(desk: DeskRef, via: CardVia): void;
  closeCard(): void;
  forgetDesk(desk: DeskRef): void;
  /** a fresh hall: nothing near, nothing open */
  resetProximity(): void;
}

const pick = (s: ProximityState): ProximityState => ({ near: s.near, card: s.card, dismissed: s.dismissed });

export const createProximitySlice: StateCreator<Store, [], [], ProximitySlice> = (set) => ({
  ...NO_PROXIMITY,
  walkTo: (next) => set((s) => pick(walkedTo(s, next))),
  openCard: (desk, via) => set((s) => pick(openedCard(s, desk, via))),
  closeCard: () => set((s) => pick(closedCard(s))),
  forgetDesk: (desk) => set((s) => pick(forgotDesk(s, desk))),
  resetProximity: () => set(NO_PROXIMITY),
});
