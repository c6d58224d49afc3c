import type { StateCreator } from 'zustand';
import type { Store } from './index';

export type Quality = 'high' | 'low';

export interface UiSlice {
  quality: Quality;
  /** true once the user picked a quality, so auto-downgrade leaves it alone */
  qualityPinned: boolean;
  /** a transient message key for the toast line, and what it names (a stamp's landmark...) */
  toastKey: string | null;
  toastParams: Record<string, string> | null;
  setQuality(q: Quality, pinned?: boolean): void;
  toast(key: string | null, params?: Record<string, string>): void;
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  quality: 'high',
  qualityPinned: false,
  toastKey: null,
  toastParams: null,
  setQuality: (quality, pinned = false) => set((s) => ({ quality, qualityPinned: s.qualityPinned || pinned })),
  toast: (toastKey, params) => set({ toastKey, toastParams: params ?? null }),
});
