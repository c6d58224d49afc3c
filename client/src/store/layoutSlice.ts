/**
 * Which overlay panels want to be on screen (ui/layout decides where, and which fold to the dock).
 * Panels report themselves through <Slot>; the visitor raises a folded one from the dock.
 */
import type { StateCreator } from 'zustand';
import type { PanelId } from '../ui/layout/panels';
import type { Store } from './index';

export interface LayoutSlice {
  /** open panels, sorted, without repeats */
  openPanels: PanelId[];
  /** the panel last raised from the dock: it wins its region until it closes */
  raisedPanel: PanelId | null;
  /** panels the visitor folded away themselves (the minimap's ×) */
  userFolded: PanelId[];
  setPanelOpen(id: PanelId, open: boolean): void;
  raisePanel(id: PanelId): void;
  foldPanel(id: PanelId): void;
}

function startFolded(): PanelId[] {
  // A phone: the map starts folded to its button, the hall stays in view.
  return typeof window !== 'undefined' && window.innerWidth <= 640 ? ['minimap'] : [];
}

export const createLayoutSlice: StateCreator<Store, [], [], LayoutSlice> = (set) => ({
  openPanels: [],
  raisedPanel: null,
  userFolded: startFolded(),
  setPanelOpen: (id, open) =>
    set((s) => {
      const has = s.openPanels.includes(id);
      if (has === open) return s;
      return {
        openPanels: open ? [...s.openPanels, id].sort() : s.openPanels.filter((p) => p !== id),
        raisedPanel: !open && s.raisedPanel === id ? null : s.raisedPanel,
      };
    }),
  raisePanel: (id) => set((s) => ({ raisedPanel: id, userFolded: s.userFolded.filter((p) => p !== id) })),
  foldPanel: (id) =>
    set((s) => ({ userFolded: s.userFolded.includes(id) ? s.userFolded : [...s.userFolded, id], raisedPanel: s.raisedPanel === id ? null : s.raisedPanel })),
});
