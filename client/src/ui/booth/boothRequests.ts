/**
 * Asks the booth panel, from elsewhere in the hall, to open one of its own flows: the guide's tour
 * ends with "leave a card" at a booth (ui/guide/GuideFinale), and the panel then opens its
 * leave-card dialog just as its own button does (sign-in and consent included).
 */
import { create } from 'zustand';

interface BoothRequests {
  /** the booth whose leave-card dialog should open once its panel shows */
  leaveCard: string | null;
  requestLeaveCard(boothId: string): void;
  /** the panel took the request */
  taken(): void;
}

export const useBoothRequests = create<BoothRequests>((set) => ({
  leaveCard: null,
  requestLeaveCard: (leaveCard) => set({ leaveCard }),
  taken: () => set({ leaveCard: null }),
}));
