/** Booths of the hall being visited (from the API, kept fresh by the hall's event stream) and the booth UI state. */
import type { StateCreator } from 'zustand';
import type { BoothView } from '../../../shared/api/schemas';
import type { CardVia } from './proximity';
import type { Store } from './index';
import type { PresentItem, ReactionKind } from '../../../shared/messages';

const REACTION_WINDOW_MS = 60_000;

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
  /** visitors at each booth slot, summed over every instance of the hall (the server's count) */
  boothCounts: Record<string, number>;
  setBoothCounts(counts: Record<string, number>): void;
  /** reactions at each slot in the last minute, for the booth panel's tally */
  reactions: { slotId: string; kind: ReactionKind; at: number }[];
  addReaction(slotId: string, kind: ReactionKind): void;
  /** what staff present at each slot right now (every instance of the hall) */
  presenting: Record<string, { item: PresentItem; by: string }>;
  setPresenting(slotId: string, item: PresentItem | null, by: string): void;
}

export const createBoothsSlice: StateCreator<Store, [], [], BoothsSlice> = (set, get) => ({
  booths: {},
  boothsHall: null,
  boothsStatus: 'idle',
  directoryOpen: false,
  boothCounts: {},
  setBoothCounts: (boothCounts) => set({ boothCounts }),
  reactions: [],
  presenting: {},
  setPresenting: (slotId, item, by) =>
    set((s) => {
      const { [slotId]: _old, ...rest } = s.presenting;
      return { presenting: item ? { ...rest, [slotId]: { item, by } } : rest };
    }),
  addReaction: (slotId, kind) => {
    const at = Date.now();
    set((s) => ({ reactions: [...s.reactions.filter((r) => at - r.at < REACTION_WINDOW_MS).slice(-199), { slotId, kind, at }] }));
  },
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
