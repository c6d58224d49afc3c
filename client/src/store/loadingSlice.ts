/** How far the hall has loaded: its code (bytes), then the connection (session slice), then the first frame. */
import type { StateCreator } from 'zustand';
import type { Store } from './index';

export type HallCode = 'idle' | 'loading' | 'ready' | 'failed';

export interface LoadingSlice {
  /** bytes of the hall's files read so far and in all; total 0 when the build lists none (dev server) */
  hallBytes: { loaded: number; total: number };
  hallCode: HallCode;
  /** the scene has drawn its first frame */
  hallDrawn: boolean;
  /** the loading screen has finished for this hall page: later reconnects are the status overlay's */
  hallShown: boolean;
  setHallBytes(loaded: number, total: number): void;
  setHallCode(state: HallCode): void;
  setHallDrawn(drawn: boolean): void;
  setHallShown(shown: boolean): void;
}

export const createLoadingSlice: StateCreator<Store, [], [], LoadingSlice> = (set) => ({
  hallBytes: { loaded: 0, total: 0 },
  hallCode: 'idle',
  hallDrawn: false,
  hallShown: false,
  setHallBytes: (loaded, total) => set({ hallBytes: { loaded, total } }),
  setHallCode: (hallCode) => set({ hallCode }),
  setHallDrawn: (hallDrawn) => set({ hallDrawn }),
  setHallShown: (hallShown) => set({ hallShown }),
});
