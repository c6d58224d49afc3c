/** Booths of the hall being visited (from the API, kept fresh by the hall's event stream) and the booth UI state. */
import type { StateCreator } from 'zustand';
import type { BoothView } from '../../../shared/api/schemas';
import type { CardVia } from './proximity';
import type { Store } from './index';

export interface BoothsSlice {
  /** booths placed in the current hall, by id */
  booths: Record<string, BoothView>;
  boothsHall: string | null;
  boothsStatus: 'idle' | 'loading' | 'ready' | 'error';
  directoryOpen: boolean;
  setBooths(hallId: string, list: BoothView[]): void;
  setBoothsStatus(s: BoothsSlice['boothsStatus']): void;
  upsertBooth(b: BoothView): void;
  removeBooth(id: string): void;
  /** the booth panel is the booth desk's card (proximitySlice): one card open at a time */
  openBoothPanel(id: string, via: CardVia): void;
  closeBoothPanel(): void;
  setDirectoryOpen(open: boolean): void;
}

export const createBoothsSlice: StateCreator<Store, [], [], BoothsSlice> = (set, get) => ({
  booths: {},
  boothsHall: null,
  boothsStatus: 'idle',
  directoryOpen: false,
  setBooths: (hallId, list) => set({ boothsHall: hallId, booths: Object.fromEntries(list.map((b) => [b.id, b])), boothsStatus: 'ready' }),
  setBoothsStatus: (boothsStatus) => set({ boothsStatus }),
  upsertBooth: (b) => {
    const s = get();
    // A booth moved to another hall (or unplaced) leaves this one.
    if (b.hallId !== s.boothsHall || !b.slotId) return s.removeBooth(b.id);
    set({ booths: { ...s.booths, [b.id]: b } });
  },
  removeBooth: (id) => {
    const s = get();
    if (!s.booths[id]) return;
    const { [id]: _gone, ...rest } = s.booths;
    set({ booths: rest });
    s.forgetDesk({ kind: 'booth', id });
  },
  openBoothPanel: (id, via) => {
    set({ directoryOpen: false });
    get().openCard({ kind: 'booth', id }, via);
    // asked for (a click, the directory): it wins its area on a small screen, even over a raised map
    if (via !== 'near') get().raisePanel('boothPanel');
  },
  closeBoothPanel: () => {
    if (get().card?.kind === 'booth') get().closeCard();
  },
  setDirectoryOpen: (directoryOpen) => set({ directoryOpen }),
});
