/**
 * The guide's voice: the browser's own speech synthesis, with voices whose `localService` is true
 * and no other. A voice that is not local sends the text to a cloud service, off our origin (see
 * DESIGN.md 6 and 9), so with no local voice for the caption's language the guide tells by captions
 * alone. A visitor can mute the voice (the captions stay); that choice is remembered on this
 * device. Nothing here touches `speechSynthesis` where the browser has none. The mouth keeps in
 * step through the engine's boundary events (voiceClock.ts).
 */
import { create } from 'zustand';
import type { MouthTrack } from './lipSync';
import { VoiceClock, type VoiceLink } from './voiceClock';

/** The few fields of a SpeechSynthesisVoice the choice reads. */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

/** Normalized BCP 47: engines write zh_CN, zh-cn or cmn-Hans-CN. */
function tag(lang: string): string {
  return lang.replace(/_/g, '-').toLowerCase();
}

/**
 * How well a voice fits the caption's language, 0 = not at all. Chinese captions are Mandarin in
 * simplified characters: a mainland voice first, then any Mandarin one (Taiwan's reads them too);
 * a Cantonese voice (zh-HK, yue) would read them in another language and is never taken.
 */
function fit(voiceLang: string, lang: string): number {
  const v = tag(voiceLang);
  if (tag(lang).startsWith('zh')) {
    if (/^(yue|zh-hk|zh-mo)/.test(v) || v.includes('yue')) return 0;
    if (v === 'zh-cn' || v === 'cmn-cn' || v === 'cmn-hans-cn' || v === 'zh-hans-cn' || v === 'zh-hans') return 3;
    if (v === 'zh' || v === 'cmn' || v.startsWith('cmn-') || v.startsWith('zh-hans') || v === 'zh-sg') return 2;
    return v.startsWith('zh') ? 1 : 0;
  }
  if (!v.startsWith('en')) return 0;
  return v === 'en-us' || v === 'en-gb' ? 2 : 1;
}

/** The local voice that reads `lang` best (the engine's default among equals), or null: captions only. */
export function pickVoice<V extends VoiceInfo>(voices: readonly V[], lang: string): V | null {
  let best: V | null = null;
  let bestScore = 0;
  for (const v of voices) {
    if (v.localService !== true) continue;
    const score = fit(v.lang, lang) * 2 + (v.default ? 1 : 0);
    if (fit(v.lang, lang) > 0 && score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}

const MUTE_KEY = 'ludao.guide.voice';

function loadMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === 'off';
  } catch {
    return false;
  }
}

function engine(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : null;
}

interface VoiceState {
  /** the visitor turned the voice off (remembered on this device) */
  muted: boolean;
  /** a local voice reads the caption language: the mute button shows only then */
  available: boolean;
  setMuted(muted: boolean): void;
}

export const useGuideVoice = create<VoiceState>((set) => ({
  muted: loadMuted(),
  available: false,
  setMuted: (muted) => {
    try {
      localStorage.setItem(MUTE_KEY, muted ? 'off' : 'on');
    } catch {
      /* private mode: muted for this page only */
    }
    set({ muted });
  },
}));

/** What the probe reports about the voice. */
export interface VoiceReport {
  /** the voice chosen for the caption language, null when none is local (captions only) */
  name: string | null;
  lang: string | null;
  local: boolean | null;
  muted: boolean;
  /** utterances handed to the engine, and every voice name they carried */
  utterances: number;
  voicesUsed: string[];
  boundaries: number;
  last: { char: number; syllable: number; t: number } | null;
  /** an engine error other than our own cancel, else null */
  error: string | null;
}

/**
 * One per loaded guide. `lang()` is the caption language at the time of a telling; `now()` is
 * seconds on any steady clock.
 */
export class GuideVoice implements VoiceLink {
  private readonly synth = engine();
  private readonly clock: VoiceClock;
  /** kept referenced while queued: Chrome drops the events of an utterance the page no longer holds */
  private queue: SpeechSynthesisUtterance[] = [];
  private paused = false;
  private voicesUsed = new Set<string>();
  private utterances = 0;
  private error: string | null = null;
  private chosen: VoiceInfo | null = null;
  /** muting mid-telling silences the voice at once (the captions and the mouth go on) */
  private readonly unmute = useGuideVoice.subscribe((s, prev) => {
    if (s.muted && !prev.muted) this.stop();
  });

  constructor(
    private readonly lang: () => string,
    now: () => number = () => performance.now() / 1000,
  ) {
    this.clock = new VoiceClock(now);
    if (this.synth) {
      this.synth.addEventListener('voiceschanged', this.onVoices);
      this.onVoices();
    }
  }

  private readonly onVoices = () => {
    this.chosen = this.synth ? pickVoice(this.synth.getVoices(), this.lang()) : null;
    useGuideVoice.setState({ available: this.chosen !== null });
  };

  /** the caption language changed: choose again */
  relang(): void {
    if (this.synth) this.onVoices();
  }

  say(text: string, track: MouthTrack): void {
    this.stop();
    const synth = this.synth;
    if (!synth || useGuideVoice.getState().muted || !text.trim()) return;
    const voice = pickVoice(synth.getVoices(), this.lang());
    this.chosen = voice;
    useGuideVoice.setState({ available: voice !== null });
    // never the engine's default: it may be a cloud voice
    if (!voice) return;
    this.clock.said(track);
    // a paragraph an utterance: some engines cut one long utterance short
    const parts: { text: string; at: number }[] = [];
    let at = 0;
    for (const p of text.split('\n')) {
      if (p.trim()) parts.push({ text: p, at });
      at += p.length + 1;
    }
    this.queue = parts.map((p, i) => {
      const u = new SpeechSynthesisUtterance(p.text);
      u.voice = voice;
      u.lang = voice.lang;
      u.addEventListener('start', () => this.queue.includes(u) && this.clock.started());
      u.addEventListener('boundary', (e) => this.queue.includes(u) && this.clock.boundary(p.at + e.charIndex));
      u.addEventListener('end', () => {
        if (this.queue.includes(u) && i === parts.length - 1) this.clock.ended();
      });
      u.addEventListener('error', (e) => {
        if (!this.queue.includes(u)) return;
        // our own cancel and pause are not failures; anything else leaves the captions and the measured rate
        if (e.error !== 'interrupted' && e.error !== 'canceled') this.error = e.error;
        this.clock.ended();
      });
      return u;
    });
    // a previous page's pause can leave the engine paused
    synth.cancel();
    synth.resume();
    for (const u of this.queue) {
      this.voicesUsed.add(voice.name);
      this.utterances++;
      synth.speak(u);
    }
  }

  hold(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!this.synth || this.queue.length === 0) return;
    if (paused) {
      this.synth.pause();
      this.clock.pause();
    } else {
      this.synth.resume();
      this.clock.resume();
    }
  }

  stop(): void {
    this.clock.reset();
    if (this.queue.length === 0) return;
    this.queue = [];
    this.paused = false;
    this.synth?.cancel();
  }

  advance(track: MouthTrack, t: number, dt: number): number {
    return this.clock.advance(track, t, dt);
  }

  speaking(track: MouthTrack): boolean {
    return this.clock.speaking(track);
  }

  report(): VoiceReport {
    const v = this.chosen;
    return {
      name: v?.name ?? null,
      lang: v?.lang ?? null,
      local: v ? v.localService : null,
      muted: useGuideVoice.getState().muted,
      utterances: this.utterances,
      voicesUsed: [...this.voicesUsed],
      boundaries: this.clock.boundaries,
      last: this.clock.last,
      error: this.error,
    };
  }

  dispose(): void {
    this.stop();
    this.synth?.removeEventListener('voiceschanged', this.onVoices);
    this.unmute();
  }
}
