import type { StateCreator } from 'zustand';
import type { HallId } from '../../../shared/halls';
import type { Store } from './index';

export type ConnectionStatus = 'idle' | 'joining' | 'joined' | 'reconnecting' | 'error' | 'outdated';

export interface Profile {
  name: string;
  color: number;
  style: number;
}

export interface SessionSlice {
  profile: Profile | null;
  hallId: HallId | null;
  status: ConnectionStatus;
  /** an i18n key describing the last error */
  errorKey: string | null;
  sessionId: string | null;
  instance: number;
  setProfile(p: Profile): void;
  setHall(id: HallId | null): void;
  setStatus(status: ConnectionStatus, errorKey?: string | null): void;
  setJoined(sessionId: string): void;
  setInstance(n: number): void;
}

const PROFILE_KEY = 'ludao.profile';

function loadProfile(): Profile | null {
  try {
    const raw = localStorage.getItem(PROFILE_KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as Profile;
    return typeof p.name === 'string' ? p : null;
  } catch {
    return null;
  }
}

export const createSessionSlice: StateCreator<Store, [], [], SessionSlice> = (set) => ({
  profile: loadProfile(),
  hallId: null,
  status: 'idle',
  errorKey: null,
  sessionId: null,
  instance: 1,
  setProfile(p) {
    try {
      localStorage.setItem(PROFILE_KEY, JSON.stringify(p));
    } catch {
      // private mode: the profile just is not remembered
    }
    set({ profile: p });
  },
  setHall: (hallId) => set({ hallId }),
  setStatus: (status, errorKey = null) => set({ status, errorKey }),
  setJoined: (sessionId) => set({ sessionId, status: 'joined', errorKey: null }),
  setInstance: (instance) => set({ instance }),
});
