import type { StateCreator } from 'zustand';
import type { Store } from './index';

export type Quality = 'high' | 'low';

export interface UiSlice {
  quality: Quality;
  /** true once the user picked a quality, so auto-downgrade leaves it alone */
  qualityPinned: boolean;
  /** a transient message key for the toast line */
  toastKey: string | null;
  setQuality(q: Quality, pinned?: boolean): void;
  toast(key: string | null): void;
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  quality: 'high',
  qualityPinned: false,
  toastKey: null,
  setQuality: (quality, pinned = false) => set((s) => ({ quality, qualityPinned: s.qualityPinned || pinned })),
  toast: (toastKey) => set({ toastKey }),
});
