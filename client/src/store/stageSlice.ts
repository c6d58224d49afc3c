/** The hall's stage (issue #11): the session from the room state, and the visitor's stage choices. */
import type { StateCreator } from 'zustand';
import type { Store } from './index';
import { serverClock } from '../net/clock';
import type { LiveState } from '../media/liveStream';

/** A plain copy of HallState.stage (bindRoom): null while nothing is scheduled. */
export interface StageView {
  sessionId: string;
  kind: string;
  title: { zh: string; en: string };
  startsAt: number;
  endsAt: number;
  /** '' when the session has none */
  videoUrl: string;
  captionsUrl: string;
  liveUrl: string;
  updatedAt: number;
}

const SOUND_KEY = 'ludao.stageSound';

function loadSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === '1';
  } catch {
    return false;
  }
}

export interface StageSlice {
  stage: StageView | null;
  setStage(stage: StageView | null): void;
  /** the session that was on the stage before and has ended ("ended · next: ..."), or null */
  stageEnded: StageView | null;
  /** the hall's one stage <video> (ui/stage/StageLayer creates and disposes it); the 3D screen draws it */
  stageVideo: HTMLVideoElement | null;
  setStageVideo(v: HTMLVideoElement | null): void;
  /** the visitor turned the stage's sound on (remembered: one click, once) */
  stageSound: boolean;
  setStageSound(on: boolean): void;
  /** sound is on but the browser refused to play it without a click on this page: the video plays muted meanwhile */
  stageSoundBlocked: boolean;
  setStageSoundBlocked(blocked: boolean): void;
  /** the full-screen 2D player is open */
  stageWatch2D: boolean;
  setStageWatch2D(open: boolean): void;
  /** the 3D screen shows the video (scene/stage/Stage), not the title card */
  stageScreenVideo: boolean;
  setStageScreenVideo(on: boolean): void;
  /** a live session's stream on the stage video: connecting, playing, waiting for the encoder; null when none plays */
  stageLive: LiveState | null;
  setStageLive(state: LiveState | null): void;
  /** the caption cue showing now ('' for none), read from the video's captions track */
  stageCaption: string;
  setStageCaption(text: string): void;
}

export const createStageSlice: StateCreator<Store, [], [], StageSlice> = (set, get) => ({
  stage: null,
  stageEnded: null,
  setStage(stage) {
    const prev = get().stage;
    // the server moves on once a session ends: remember it, so the stage can say it has ended
    if (prev && prev.sessionId !== stage?.sessionId) {
      set({ stage, stageEnded: prev.endsAt <= serverClock.now() + 2000 ? prev : null });
    } else set({ stage });
  },
  stageVideo: null,
  setStageVideo: (stageVideo) => set({ stageVideo }),
  stageSound: loadSound(),
  setStageSound(on) {
    try {
      localStorage.setItem(SOUND_KEY, on ? '1' : '0');
    } catch {
      // private mode: the choice lasts for this page only
    }
    set({ stageSound: on, stageSoundBlocked: false });
  },
  stageSoundBlocked: false,
  setStageSoundBlocked: (stageSoundBlocked) => set({ stageSoundBlocked }),
  stageWatch2D: false,
  setStageWatch2D: (stageWatch2D) => set({ stageWatch2D }),
  stageScreenVideo: false,
  setStageScreenVideo: (stageScreenVideo) => {
    if (get().stageScreenVideo !== stageScreenVideo) set({ stageScreenVideo });
  },
  stageLive: null,
  setStageLive: (stageLive) => {
    if (get().stageLive !== stageLive) set({ stageLive });
  },
  stageCaption: '',
  setStageCaption: (stageCaption) => set({ stageCaption }),
});
