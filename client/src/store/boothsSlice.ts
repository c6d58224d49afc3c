/** Booths of the hall being visited (from the API, kept fresh by the hall's event stream) and the booth UI state. */
import type { StateCreator } from 'zustand';
import type { BoothView } from '../../../shared/api/schemas';
import type { Store } from './index';

export type BoothPanelVia = 'click' | 'near' | 'directory';

export interface BoothsSlice {
  /** booths placed in the current hall, by id */
  booths: Record<string, BoothView>;
  boothsHall: string | null;
  boothsStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** the booth whose panel is open, and how it was opened (walking away closes a 'near' panel) */
  boothPanel: { id: string; via: BoothPanelVia } | null;
  /** the booth the visitor stands at, if any */
  nearBoothId: string | null;
  directoryOpen: boolean;
  setBooths(hallId: string, list: BoothView[]): void;
  setBoothsStatus(s: BoothsSlice['boothsStatus']): void;
  upsertBooth(b: BoothView): void;
  removeBooth(id: string): void;
  openBoothPanel(id: string, via: BoothPanelVia): void;
  closeBoothPanel(): void;
  setNearBooth(id: string | null): void;
  setDirectoryOpen(open: boolean): void;
}

export const createBoothsSlice: StateCreator<Store, [], [], BoothsSlice> = (set) => ({
  booths: {},
  boothsHall: null,
  boothsStatus: 'idle',
  boothPanel: null,
  nearBoothId: null,
  directoryOpen: false,
  setBooths: (hallId, list) => set({ boothsHall: hallId, booths: Object.fromEntries(list.map((b) => [b.id, b])), boothsStatus: 'ready' }),
  setBoothsStatus: (boothsStatus) => set({ boothsStatus }),
  upsertBooth: (b) =>
    set((s) => {
      // A booth moved to another hall (or unplaced) leaves this one.
      if (b.hallId !== s.boothsHall || !b.slotId) {
        if (!s.booths[b.id]) return s;
        const { [b.id]: _gone, ...rest } = s.booths;
        return { booths: rest, boothPanel: s.boothPanel?.id === b.id ? null : s.boothPanel };
      }
      return { booths: { ...s.booths, [b.id]: b } };
    }),
  removeBooth: (id) =>
    set((s) => {
      if (!s.booths[id]) return s;
      const { [id]: _gone, ...rest } = s.booths;
      return { booths: rest, boothPanel: s.boothPanel?.id === id ? null : s.boothPanel, nearBoothId: s.nearBoothId === id ? null : s.nearBoothId };
    }),
  openBoothPanel: (id, via) => set({ boothPanel: { id, via }, directoryOpen: false }),
  closeBoothPanel: () => set({ boothPanel: null }),
  setNearBooth: (nearBoothId) => set({ nearBoothId }),
  setDirectoryOpen: (directoryOpen) => set({ directoryOpen }),
});
