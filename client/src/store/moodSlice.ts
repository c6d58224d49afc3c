/**
 * Time-of-day mood for halls that have more than one (Shapowei: day and evening):
 * `?mood=day|evening` wins, else the visitor's last choice, else the local clock.
 */
import type { StateCreator } from 'zustand';
import type { Store } from './index';

export type MoodId = 'day' | 'evening';

const MOOD_KEY = 'ludao.mood';

export interface MoodSlice {
  mood: MoodId;
  setMood(m: MoodId): void;
}

function initialMood(): MoodId {
  if (typeof window === 'undefined') return 'day';
  const q = new URLSearchParams(window.location.search).get('mood');
  if (q === 'day' || q === 'evening') return q;
  try {
    const saved = localStorage.getItem(MOOD_KEY);
    if (saved === 'day' || saved === 'evening') return saved;
  } catch {
    /* private mode: fall back to the clock */
  }
  const h = new Date().getHours();
  return h >= 18 || h < 6 ? 'evening' : 'day';
}

export const createMoodSlice: StateCreator<Store, [], [], MoodSlice> = (set) => ({
  mood: initialMood(),
  setMood(mood) {
    try {
      localStorage.setItem(MOOD_KEY, mood);
    } catch {
      /* private mode: the choice is not remembered */
    }
    set({ mood });
  },
});
