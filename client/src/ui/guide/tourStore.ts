/**
 * The private tour (issue #12): client-side only, so only this visitor sees it. The buttons (HUD,
 * caption box) change it; the 3D guide (scene/guide/tourDriver) reads it every frame and moves the
 * story on — arriving at a stop, finishing a telling — through `advance`/`arrive`. React re-renders
 * only on those changes, never per frame.
 */
import { create } from 'zustand';

/**
 * - `walking`: towards `stop`;
 * - `waiting`: for the visitor, who fell behind (on the way or at the stop);
 * - `telling`: at stop `told`: turns to the visitor, points, talks, with the caption up;
 * - `toBooths`: the last stop told, on to the booth district (scene/guide/tourEnd.ts);
 * - `done`: at the booth district, the caption offering a booth's staff or its card until the visitor ends the tour.
 */
export type TourPhase = 'off' | 'walking' | 'waiting' | 'telling' | 'toBooths' | 'done';

export interface TourState {
  active: boolean;
  paused: boolean;
  phase: TourPhase;
  /** the stop the guide walks to or waits for (index into the layout's tourStops) */
  stop: number;
  /** the stop whose caption shows, null when none */
  told: number | null;
  /** bumped on every telling (arrival or replay): restarts the mouth and the point-then-talk */
  take: number;
  /** bumped on every start: the guide comes to the visitor and plans afresh */
  run: number;
  /** how many stops the hall has (set by the guide when it loads) */
  count: number;
  /** the guide's name, from its model's extras (set when it loads) */
  guide: { zh: string; en: string } | null;

  start(): void;
  togglePause(): void;
  /** on to the next stop (the caption of this one goes) */
  skip(): void;
  /** tell the last stop's story again, where the guide stands */
  replay(): void;
  end(): void;

  // the guide's side
  setCount(count: number): void;
  setGuide(guide: { zh: string; en: string }): void;
  setPhase(phase: 'walking' | 'waiting'): void;
  /** arrived at `stop` with the visitor near: tell it */
  arrive(): void;
  /** the telling of `told` finished: walk to the next stop, or on to the booth district */
  advance(): void;
  /** arrived at the booth district: the tour is done */
  finish(): void;
}

const OFF = { active: false, paused: false, phase: 'off' as TourPhase, stop: 0, told: null };

export const useTour = create<TourState>((set, get) => ({
  ...OFF,
  take: 0,
  run: 0,
  count: 0,
  guide: null,

  start: () => set((s) => ({ active: true, paused: false, phase: 'walking', stop: 0, told: null, run: s.run + 1 })),
  togglePause: () => {
    if (get().active) set((s) => ({ paused: !s.paused }));
  },
  skip: () => {
    const s = get();
    if (!s.active) return;
    // skipping on the way to the booths ends the tour where the guide stands; past the last stop, on to the booths
    if (s.phase === 'toBooths') return set({ phase: 'done', paused: false });
    const from = s.phase === 'telling' || s.phase === 'done' ? (s.told ?? s.stop) : s.stop;
    if (from + 1 >= s.count) set({ phase: 'toBooths', paused: false, told: null, stop: from });
    else set({ phase: 'walking', paused: false, stop: from + 1, told: null });
  },
  replay: () => {
    const s = get();
    if (!s.active) return;
    const at = s.told ?? Math.max(0, s.phase === 'walking' || s.phase === 'waiting' ? s.stop - 1 : s.stop);
    set({ phase: 'telling', paused: false, told: at, stop: at, take: s.take + 1 });
  },
  end: () => set({ ...OFF }),

  setCount: (count) => set({ count }),
  setGuide: (guide) => set({ guide }),
  setPhase: (phase) => {
    if (get().phase !== phase) set({ phase });
  },
  arrive: () => set((s) => ({ phase: 'telling', told: s.stop, take: s.take + 1 })),
  advance: () => {
    const s = get();
    const at = s.told ?? s.stop;
    if (at + 1 >= s.count) set({ phase: 'toBooths', stop: at, told: null });
    else set({ phase: 'walking', stop: at + 1 });
  },
  finish: () => {
    if (get().active) set({ phase: 'done', paused: false, told: null });
  },
}));
