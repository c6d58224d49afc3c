/**
 * Proximity voice's state that the hall's first bytes carry (issue #13): on, connecting, muted,
 * push-to-talk, the last error, and who is speaking now (for the indicators over heads). The
 * engine itself (WebRTC, Web Audio) is the lazy chunk client/src/voice/, loaded on the first
 * "voice on".
 */
import { create } from 'zustand';

export type VoiceError = 'unsupported' | 'wechat' | 'insecure' | 'denied' | 'noMic' | 'busy' | 'muted' | 'failed';
export type VoiceStatus = 'off' | 'starting' | 'on';

const PTT_KEY = 'ludao.voice.ptt';

function loadPtt(): boolean {
  try {
    return localStorage.getItem(PTT_KEY) === '1';
  } catch {
    return false;
  }
}

interface VoiceState {
  status: VoiceStatus;
  muted: boolean;
  /** push-to-talk (desktop): the mic sends only while V is held */
  ptt: boolean;
  /** V is held now */
  talking: boolean;
  error: VoiceError | null;
  /** session ids speaking now (the own id too), refreshed ~10×/s by the engine */
  speaking: ReadonlySet<string>;
  setStatus(status: VoiceStatus): void;
  setMuted(muted: boolean): void;
  setPtt(ptt: boolean): void;
  setTalking(talking: boolean): void;
  setError(error: VoiceError | null): void;
  setSpeaking(ids: ReadonlySet<string>): void;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

export const useVoice = create<VoiceState>()((set, get) => ({
  status: 'off',
  muted: false,
  ptt: loadPtt(),
  talking: false,
  error: null,
  speaking: new Set(),
  setStatus: (status) => set({ status, ...(status === 'off' ? { speaking: new Set<string>(), talking: false } : {}) }),
  setMuted: (muted) => set({ muted }),
  setPtt: (ptt) => {
    try {
      localStorage.setItem(PTT_KEY, ptt ? '1' : '0');
    } catch {
      // private mode: the choice lasts for the page
    }
    set({ ptt, talking: false });
  },
  setTalking: (talking) => set({ talking }),
  setError: (error) => set({ error }),
  setSpeaking: (ids) => {
    if (!sameSet(get().speaking, ids)) set({ speaking: ids });
  },
}));

/** Why voice cannot work on this page at all, before asking for the microphone (null: it may). */
export function voiceBlocker(): VoiceError | null {
  if (typeof window === 'undefined') return 'unsupported';
  if (!window.isSecureContext) return 'insecure';
  if (!navigator.mediaDevices?.getUserMedia || typeof RTCPeerConnection === 'undefined' || typeof AudioContext === 'undefined') {
    return /MicroMessenger/i.test(navigator.userAgent) ? 'wechat' : 'unsupported';
  }
  return null;
}
