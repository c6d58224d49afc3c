/**
 * Hall-local UI state shared by the 3D markers and the DOM overlay: which hotspot card is open,
 * and whether we are travelling to another hall. Module-level, so it survives the HallPage
 * remount that travel causes (the loading veil stays up until the new hall is in).
 */
import { create } from 'zustand';
import type { HallId } from '../../../../shared/halls';

export interface HotspotUi {
  /** the hotspot whose card is open */
  open: string | null;
  /** a hotspot the visitor closed: it does not pop up again until they walk away */
  dismissed: string | null;
  /** the hall we are travelling to, from the moment the ferry/portal is taken until it has loaded */
  travelling: HallId | null;
  travelStartedAt: number;
  openCard(id: string | null): void;
  dismiss(id: string): void;
  setTravelling(to: HallId | null): void;
}

export const useHotspots = create<HotspotUi>()((set) => ({
  open: null,
  dismissed: null,
  travelling: null,
  travelStartedAt: 0,
  openCard: (open) => set({ open }),
  dismiss: (id) => set({ open: null, dismissed: id }),
  setTravelling: (travelling) => set({ travelling, travelStartedAt: travelling ? Date.now() : 0 }),
}));
