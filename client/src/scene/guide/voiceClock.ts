/**
 * Keeps the mouth in step with the voice. The mouth track (lipSync.ts) guesses when each syllable
 * falls at a measured rate; a speech engine that sends `boundary` events says where it really is
 * (the character a word starts at), so the track's clock jumps to that syllable and, from how far
 * it had come in how long, runs at the voice's own rate until the next one. An engine without
 * boundary events leaves the measured rate. While the voice speaks the telling waits for it, and
 * when it ends the mouth closes. No DOM: the browser side is speech.ts, and this is unit-tested.
 */
import { syllableAtChar, type MouthTrack } from './lipSync';

/** What the tour driver asks of the guide's voice (speech.ts; null: captions only). */
export interface VoiceLink {
  /** a telling starts: say `text`, whose mouth track is `track` */
  say(text: string, track: MouthTrack): void;
  /** the tour is paused or not (called every frame: cheap when unchanged) */
  hold(paused: boolean): void;
  /** silence now: a skip, the end, the next telling */
  stop(): void;
  /** where the mouth is in `track` this frame, from `t` a frame of `dt` seconds ago */
  advance(track: MouthTrack, t: number, dt: number): number;
  /** still saying `track`: the telling does not move on meanwhile */
  speaking(track: MouthTrack): boolean;
}

/** the voice's pace against the measured one is kept within these: a stray event cannot freeze or race the mouth */
const RATE_MIN = 0.6;
const RATE_MAX = 1.7;
/** a boundary this early says little about the pace (the engine's start-up is in it), seconds */
const RATE_AFTER_S = 0.4;
/** an engine that takes longer than this to start is not waited for, seconds */
const START_GRACE_S = 2;
/** nor one that talks far past the measured length (an `end` event that never comes) */
const OVERRUN = (duration: number) => duration * 2 + 5;

export interface BoundarySync {
  /** the character the engine named, and the syllable the mouth jumped to */
  char: number;
  syllable: number;
  /** the track's seconds at that syllable */
  t: number;
}

export class VoiceClock {
  private track: MouthTrack | null = null;
  /** seconds (now()) when said and when the voice began; -1 until then */
  private saidAt = -1;
  private startedAt = -1;
  private pausedAt = -1;
  private pausedFor = 0;
  private done = false;
  private jumpTo = -1;
  /** track seconds per second of the voice */
  rate = 1;
  boundaries = 0;
  last: BoundarySync | null = null;

  constructor(private readonly now: () => number) {}

  /** `track` was handed to the engine */
  said(track: MouthTrack): void {
    this.track = track;
    this.saidAt = this.now();
    this.startedAt = -1;
    this.pausedAt = -1;
    this.pausedFor = 0;
    this.done = false;
    this.jumpTo = -1;
    this.rate = 1;
    this.boundaries = 0;
    this.last = null;
  }

  /** the engine's `start` */
  started(): void {
    if (this.track && this.startedAt < 0) this.startedAt = this.now();
  }

  /** the engine's `boundary`, with the index into the whole text (not one utterance's) */
  boundary(charIndex: number): void {
    const track = this.track;
    if (!track || this.done) return;
    if (this.startedAt < 0) this.started();
    const i = syllableAtChar(track, charIndex);
    if (i < 0) return;
    const t = track.syllables[i].start;
    const voiced = this.voiced();
    if (voiced > RATE_AFTER_S && t > 0) this.rate = Math.min(RATE_MAX, Math.max(RATE_MIN, t / voiced));
    this.jumpTo = t;
    this.boundaries++;
    this.last = { char: charIndex, syllable: i, t };
  }

  /** the engine's `end` (or an error: the measured rate takes over) */
  ended(): void {
    if (this.track) this.done = true;
  }

  pause(): void {
    if (this.pausedAt < 0) this.pausedAt = this.now();
  }

  resume(): void {
    if (this.pausedAt < 0) return;
    this.pausedFor += this.now() - this.pausedAt;
    this.pausedAt = -1;
  }

  /** forget the telling: the mouth runs at the measured rate again */
  reset(): void {
    this.track = null;
    this.done = false;
    this.jumpTo = -1;
  }

  /** seconds the voice has been sounding, pauses left out */
  private voiced(): number {
    if (this.startedAt < 0) return 0;
    const end = this.pausedAt >= 0 ? this.pausedAt : this.now();
    return end - this.startedAt - this.pausedFor;
  }

  advance(track: MouthTrack, t: number, dt: number): number {
    if (track !== this.track) return t + dt;
    if (this.done) return Math.max(t + dt, track.duration);
    if (this.jumpTo >= 0) {
      const to = this.jumpTo;
      this.jumpTo = -1;
      return to;
    }
    if (this.startedAt < 0) {
      // said, not sounding yet: the mouth waits for the voice (unless the engine never starts)
      return this.now() - this.saidAt > START_GRACE_S ? t + dt : t;
    }
    return t + dt * this.rate;
  }

  speaking(track: MouthTrack): boolean {
    if (track !== this.track || this.done) return false;
    if (this.startedAt < 0) return this.now() - this.saidAt <= START_GRACE_S;
    return this.voiced() < OVERRUN(track.duration);
  }
}
