/**
 * Time-of-day mood for halls that have more than one (Shapowei: day and evening). A tiny store of
 * its own: `?mood=day|evening` wins, else the visitor's choice, else the local clock.
 */
import { create } from 'zustand';

export type MoodId = 'day' | 'evening';

function initial(): MoodId {
  if (typeof window === 'undefined') return 'day';
  const q = new URLSearchParams(window.location.search).get('mood');
  if (q === 'day' || q === 'evening') return q;
  try {
    const saved = localStorage.getItem('ludao.mood');
    if (saved === 'day' || saved === 'evening') return saved;
  } catch {
    /* ignore */
  }
  const h = new Date().getHours();
  return h >= 18 || h < 6 ? 'evening' : 'day';
}

export const useMood = create<{ mood: MoodId; setMood(m: MoodId): void }>()((set) => ({
  mood: initial(),
  setMood(mood) {
    try {
      localStorage.setItem('ludao.mood', mood);
    } catch {
      /* ignore */
    }
    set({ mood });
  },
}));
