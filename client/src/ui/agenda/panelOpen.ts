/**
 * Whether the hall's agenda panel is open: the one piece of agenda state the hall's first bytes
 * carry (the HUD button sets it; the panel itself is a lazy chunk).
 */
import { create } from 'zustand';

export const useAgendaPanel = create<{ open: boolean; setOpen: (open: boolean) => void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
