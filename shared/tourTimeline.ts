/**
 * The public tour's timeline (issue #12, group tours), the same on the server and on every page:
 * a tour is a run of legs, each a walk from where the guide set off to a stop (along planPath, at
 * the guide's pace) and then the telling of that stop. From a leg's start point, its stop and the
 * seconds since it began, anyone works out where the guide is, which way it faces and what it says,
 * so every page in an instance draws the same guide at the same place with the same caption, and a
 * late joiner catches up from the snapshot alone. The server moves the tour from leg to leg; an
 * agenda tour's legs follow from its session's start, so every instance runs the same tour too.
 *
 * Pure and deterministic: no clocks, no randomness; unit-tested on the real layouts.
 */
import type { HallLayout } from './layout';
import { isWalkable } from './layout';
import { pathLength, planPath, type Point } from './tourPath';

/** metres a second: the guide's easy pace (the private tour's too, client/src/scene/guide/tourDriver) */
export const GUIDE_WALK_SPEED = 1.4;
/** Speaking rates, syllables a second (client/src/scene/guide/lipSync: the mouth uses the same) */
const RATE_ZH = 4;
const RATE_EN = 3.5;
const PAUSE_SHORT = 0.22;
const PAUSE_LONG = 0.45;
/** the point before the talk, and a breath after the last syllable before walking on, seconds */
const POINT_LEAD_S = 0.6;
const AFTER_TALK_S = 1.5;
/** a stop with next to nothing to say still holds the group this long */
const TELL_MIN_S = 4;
/** A stop tells a hotspot's story when it stands inside the hotspot's circle, or this close to its edge, metres. */
const NEAR_M = 3;

type Hotspot = HallLayout['hotspots'][number];

/** The hotspot a stop stands at: the nearest one whose circle (plus a margin) holds it. */
export function hotspotAt(layout: HallLayout, x: number, z: number): Hotspot | null {
  let best: Hotspot | null = null;
  let bestD = Infinity;
  for (const h of layout.hotspots) {
    const d = Math.hypot(h.x - x, h.z - z);
    if (d <= h.radius + NEAR_M && d < bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}

/** What the guide says at a stop in one language: the stop's line, then the story of the hotspot it stands at. */
export function stopSpeech(layout: HallLayout, index: number, lang: 'zh' | 'en'): string {
  const stop = layout.tourStops[index];
  if (!stop) return '';
  const spot = hotspotAt(layout, stop.x, stop.z);
  return [stop.say[lang], spot ? spot.body[lang] : ''].filter((p) => p.length > 0).join('\n');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SHORT = /[,，、;；:：\n]/;
const LONG = /[.。!！?？…]/;

/**
 * Seconds it takes to say `text` at the guide's rates: one syllable per Chinese character or digit,
 * one per vowel group of an English word (at least one per word), rests at punctuation. Never less
 * than the mouth track the page plays for it, so the mouth has finished when the tour moves on.
 */
export function speakingSeconds(text: string): number {
  let t = 0;
  let word = '';
  const flush = () => {
    if (!word) return;
    t += Math.max(1, word.match(/[aeiouy]+/gi)?.length ?? 0) / RATE_EN;
    word = '';
  };
  for (const ch of text) {
    if (/[a-z']/i.test(ch)) {
      word += ch;
      continue;
    }
    flush();
    if (CJK.test(ch) || /[0-9]/.test(ch)) t += 1 / RATE_ZH;
    else if (LONG.test(ch)) t += PAUSE_LONG;
    else if (SHORT.test(ch)) t += PAUSE_SHORT;
  }
  flush();
  return t;
}

/** How long the guide holds the group at a stop: the longer of the Chinese and English telling, with the point before and a breath after. */
export function stopTellSeconds(layout: HallLayout, index: number): number {
  const talk = Math.max(speakingSeconds(stopSpeech(layout, index, 'zh')), speakingSeconds(stopSpeech(layout, index, 'en')));
  return Math.max(TELL_MIN_S, POINT_LEAD_S + talk + AFTER_TALK_S);
}

/**
 * Where the guide stands before any tour: at the first stop, facing the spawn (where visitors
 * arrive). If the first stop is the spawn itself, a few steps in front of it instead, so the guide
 * does not stand inside the arriving visitor.
 */
export function homeSpot(layout: HallLayout): { x: number; z: number; yaw: number } {
  const spawn = layout.spawns[0];
  const stop = layout.tourStops[0] ?? spawn;
  let x = stop.x;
  let z = stop.z;
  if (Math.hypot(x - spawn.x, z - spawn.z) < 2) {
    for (const turn of [0, 0.5, -0.5, 1, -1]) {
      const a = spawn.ry + turn;
      const sx = spawn.x + Math.sin(a) * 3.5;
      const sz = spawn.z + Math.cos(a) * 3.5;
      if (isWalkable(layout, sx, sz)) {
        x = sx;
        z = sz;
        break;
      }
    }
  }
  return { x, z, yaw: Math.atan2(spawn.x - x, spawn.z - z) };
}

/** One leg: from a start point to a stop, then its telling. */
export interface TourLeg {
  stop: number;
  from: Point;
  /** waypoints after `from`; the last one is the stop */
  path: Point[];
  walkS: number;
  tellS: number;
}

/** Legs planned lately, per layout: the legs from stop to stop are the same for every tour (A* takes 5-30 ms a leg). */
const LEG_CACHE_MAX = 64;
const legCache = new WeakMap<HallLayout, Map<string, TourLeg>>();

/** The leg from `from` to stop `stop`. Treat it as read-only: it may be shared with other tours of the hall. */
export function planLeg(layout: HallLayout, from: Point, stop: number): TourLeg {
  let cache = legCache.get(layout);
  if (!cache) {
    cache = new Map();
    legCache.set(layout, cache);
  }
  const key = `${from.x},${from.z}>${stop}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const to = layout.tourStops[stop];
  const path = to ? planPath(layout, from, to) : [];
  const leg = { stop, from: { x: from.x, z: from.z }, path, walkS: pathLength(from, path) / GUIDE_WALK_SPEED, tellS: stopTellSeconds(layout, stop) };
  if (cache.size >= LEG_CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, leg);
  return leg;
}

export const legSeconds = (leg: TourLeg): number => leg.walkS + leg.tellS;

/** The guide at one moment of a leg: where, facing which way, and whether it walks or tells (how far into the telling). */
export interface LegPose {
  x: number;
  z: number;
  /** the direction of travel while walking (forward is (sin yaw, cos yaw)); NaN once standing */
  heading: number;
  phase: 'walking' | 'telling';
  /** seconds into the telling (0 while walking); past leg.tellS the telling is over and the guide waits for the next leg */
  tellT: number;
  /** the waypoint walked to next (null once at the stop) */
  next: Point | null;
}

/** Fills `out` with the guide's pose `t` seconds into `leg` (t < 0 counts as 0). No allocation. */
export function poseOnLeg(leg: TourLeg, t: number, out: LegPose): LegPose {
  let left = Math.max(0, t) * GUIDE_WALK_SPEED;
  let px = leg.from.x;
  let pz = leg.from.z;
  for (const q of leg.path) {
    const d = Math.hypot(q.x - px, q.z - pz);
    if (left < d) {
      const k = left / d;
      out.x = px + (q.x - px) * k;
      out.z = pz + (q.z - pz) * k;
      out.heading = Math.atan2(q.x - px, q.z - pz);
      out.phase = 'walking';
      out.tellT = 0;
      out.next = q;
      return out;
    }
    left -= d;
    px = q.x;
    pz = q.z;
  }
  out.x = px;
  out.z = pz;
  out.heading = NaN;
  out.phase = 'telling';
  out.tellT = Math.max(0, t - leg.walkS);
  out.next = null;
  return out;
}

/** The leg after the one to `stop`: the next stop from there, round to the first on a looping tour, or null at the end. */
export function nextStop(layout: HallLayout, stop: number, loop: boolean): number | null {
  const n = layout.tourStops.length;
  if (stop + 1 < n) return stop + 1;
  return loop && n > 0 ? 0 : null;
}

/** Where a leg to `stop` sets off when the one before it ended at its stop. */
export function stopPoint(layout: HallLayout, stop: number): Point {
  const s = layout.tourStops[stop];
  return { x: s.x, z: s.z };
}

/**
 * A looping tour that set off from the guide's home spot `elapsedMs` ago with no one skipping:
 * which leg it is on and how long ago that leg began. First the walk from home to stop 1, then round
 * the stops (the last one back to the first) for as long as the session runs.
 */
export function loopAt(layout: HallLayout, elapsedMs: number): { stop: number; from: Point; legAgoMs: number } | null {
  const n = layout.tourStops.length;
  if (n === 0) return null;
  const first = planLeg(layout, homeSpot(layout), 0);
  let t = Math.max(0, elapsedMs);
  const firstMs = legSeconds(first) * 1000;
  if (t < firstMs) return { stop: 0, from: first.from, legAgoMs: t };
  t -= firstMs;
  const round = roundLegs(layout);
  const periodMs = round.reduce((a, l) => a + legSeconds(l) * 1000, 0);
  if (periodMs > 0) t %= periodMs;
  for (const leg of round) {
    const ms = legSeconds(leg) * 1000;
    if (t < ms) return { stop: leg.stop, from: leg.from, legAgoMs: t };
    t -= ms;
  }
  const last = round[round.length - 1];
  return { stop: last.stop, from: last.from, legAgoMs: t };
}

/** One round of a looping tour after the first leg: stop 1 → 2, ..., the last → stop 1 again (planned once per layout). */
const rounds = new WeakMap<HallLayout, TourLeg[]>();
function roundLegs(layout: HallLayout): TourLeg[] {
  let legs = rounds.get(layout);
  if (!legs) {
    const n = layout.tourStops.length;
    legs = [];
    for (let i = 1; i <= n; i++) legs.push(planLeg(layout, stopPoint(layout, i - 1), i % n));
    rounds.set(layout, legs);
  }
  return legs;
}
