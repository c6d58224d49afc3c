/**
 * The rules that keep a premiere in step on every page (issue #11), as pure functions: the
 * video's position is (serverNow - startsAt) / 1000 s; about once a second the player compares
 * its currentTime with that and, past 0.25 s, nudges playbackRate within 0.95..1.05 (invisible,
 * inaudible), or past 1 s seeks. Sound fades with the distance from the stage.
 */
import type { StageView } from '../../store/stageSlice';

export type StagePhase = 'none' | 'before' | 'on' | 'after';

export const NUDGE_BEYOND_S = 0.25;
export const SEEK_BEYOND_S = 1;
/** a nudge stops once the player is this close again */
export const SETTLED_S = 0.05;
export const RATE_MIN = 0.95;
export const RATE_MAX = 1.05;

export function stagePhase(stage: StageView | null, serverNow: number): StagePhase {
  if (!stage) return 'none';
  if (serverNow < stage.startsAt) return 'before';
  return serverNow < stage.endsAt ? 'on' : 'after';
}

/** The banner announces a session this long before it starts; further ahead it is the agenda's business, and the banner would only take the arrival card's place. */
export const STAGE_BANNER_LEAD_MS = 30 * 60_000;

/** Whether the "now on stage" banner shows: a session on now, one starting within the lead time, or one that just ended. */
export function bannerShown(stage: StageView | null, serverNow: number, justEnded: boolean): boolean {
  const phase = stagePhase(stage, serverNow);
  if (phase === 'on') return true;
  if (phase === 'before') return justEnded || stage!.startsAt - serverNow <= STAGE_BANNER_LEAD_MS;
  return justEnded;
}

/** Where the premiere is at `serverNow`, in seconds from its start (negative before it). */
export function premierePosition(stage: Pick<StageView, 'startsAt'>, serverNow: number): number {
  return (serverNow - stage.startsAt) / 1000;
}

/** Only our own files play on the stage: a path on this origin, never another host. */
export function isOwnMediaUrl(url: string): boolean {
  return /^\/(?!\/)[^\s\\]*$/.test(url);
}

export interface Correction {
  /** set when the player should jump there (s) */
  seekTo: number | null;
  rate: number;
}

/**
 * What to do about the gap between `currentTime` and `target` (both s), given the rate playing
 * now. Ahead: slower; behind: faster. Between SETTLED_S and NUDGE_BEYOND_S a running nudge goes on
 * (so it ends near zero rather than at the threshold) and none starts.
 */
export function correction(currentTime: number, target: number, rate: number): Correction {
  const ahead = currentTime - target;
  const gap = Math.abs(ahead);
  if (gap > SEEK_BEYOND_S) return { seekTo: target, rate: 1 };
  if (gap > NUDGE_BEYOND_S) return { seekTo: null, rate: ahead > 0 ? RATE_MIN : RATE_MAX };
  if (gap <= SETTLED_S || rate === 1) return { seekTo: null, rate: 1 };
  // a running nudge that would now push the wrong way has overshot: stop it
  const pushing = rate < 1 ? 'slower' : 'faster';
  return { seekTo: null, rate: ahead > 0 === (pushing === 'slower') ? rate : 1 };
}

/** Full sound within FULL_M of the stage, silent beyond SILENT_M, falling off (squared) in between. */
export const FULL_M = 6;
export const SILENT_M = 40;

export function stageVolume(distanceM: number): number {
  if (!(distanceM >= 0)) return 0;
  if (distanceM <= FULL_M) return 1;
  if (distanceM >= SILENT_M) return 0;
  const k = 1 - (distanceM - FULL_M) / (SILENT_M - FULL_M);
  return k * k;
}

/** "12:05" or "1:02:03" for a countdown (s, rounded up so 0:00 shows only at the start). */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
