import type { StateCreator } from 'zustand';
import type { Store } from './index';
import { initialQuality, saveChoice } from '../scene/quality/qualityPrefs';
import type { Quality, QualityChoice } from '../scene/quality/tiers';

export type { Quality, QualityChoice };

export interface UiSlice {
  quality: Quality;
  /** true once the user picked a quality, so auto-downgrade leaves it alone */
  qualityPinned: boolean;
  /** the quality control's value: a tier picked by hand (remembered on this device), or auto */
  qualityChoice: QualityChoice;
  /** a transient message key for the toast line, and what it names (a stamp's landmark...) */
  toastKey: string | null;
  toastParams: Record<string, string> | null;
  setQuality(q: Quality, pinned?: boolean): void;
  /** the visitor's pick in the quality control: remembered on this device; 'auto' hands it back to the frame-time rule */
  chooseQuality(choice: QualityChoice): void;
  toast(key: string | null, params?: Record<string, string>): void;
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  ...initialQuality(),
  toastKey: null,
  toastParams: null,
  setQuality: (quality, pinned = false) => set((s) => ({ quality, qualityPinned: s.qualityPinned || pinned })),
  chooseQuality: (choice) => {
    saveChoice(choice);
    set(() => (choice === 'auto' ? { qualityChoice: choice, qualityPinned: false } : { qualityChoice: choice, quality: choice, qualityPinned: true }));
  },
  toast: (toastKey, params) => set({ toastKey, toastParams: params ?? null }),
});
