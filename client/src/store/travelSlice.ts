/**
 * Travel between halls. Part of the module-level store, so it survives the HallPage remount that
 * travel causes: the loading veil stays up until the new hall is in.
 */
import type { StateCreator } from 'zustand';
import type { HallId } from '../../../shared/halls';
import type { Store } from './index';

export interface TravelSlice {
  /** the hall we are travelling to, from the moment the ferry/portal is taken until it has loaded */
  travelling: HallId | null;
  travelStartedAt: number;
  setTravelling(to: HallId | null): void;
}

export const createTravelSlice: StateCreator<Store, [], [], TravelSlice> = (set) => ({
  travelling: null,
  travelStartedAt: 0,
  setTravelling: (travelling) => set({ travelling, travelStartedAt: travelling ? Date.now() : 0 }),
});
