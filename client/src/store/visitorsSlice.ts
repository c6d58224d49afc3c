import type { StateCreator } from 'zustand';
import type { Store } from './index';

/** What React needs about a visitor (poses live in transient.ts). */
export interface VisitorInfo {
  id: string;
  name: string;
  color: number;
  style: number;
  connected: boolean;
  /** the booth id a staff member on duty stands for, '' for everyone else */
  staff: string;
  /** browsing the 2D catalog (issue #13): seated at the hall entrance, drawn seated, marked in the roster */
  seated: boolean;
  /** has proximity voice on (issue #13) */
  voice: boolean;
}

export interface VisitorsSlice {
  visitors: Record<string, VisitorInfo>;
  upsertVisitor(v: VisitorInfo): void;
  removeVisitor(id: string): void;
  clearVisitors(): void;
}

export const createVisitorsSlice: StateCreator<Store, [], [], VisitorsSlice> = (set) => ({
  visitors: {},
  upsertVisitor: (v) => set((s) => ({ visitors: { ...s.visitors, [v.id]: v } })),
  removeVisitor: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.visitors;
      return { visitors: rest };
    }),
  clearVisitors: () => set({ visitors: {} }),
});
