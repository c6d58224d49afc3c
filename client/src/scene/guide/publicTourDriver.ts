/**
 * The guide on a public tour led by the guide (issue #12, group tours): unlike the private tour's
 * driver, it does not decide anything. Each frame it puts the guide where the shared timeline has it
 * at the server's time now (scene/guide/publicTour), so every page in the instance shows it at the
 * same place; it picks the clip from the leg's phase and runs the stop's mouth track from the
 * telling's start, and it faces the way it walks, then the visitor while telling. Same surface as
 * TourDriver for Guide.tsx (x, z, yaw, clip, track, mouthTime, remaining). No allocation per frame.
 */
import type { TourSnapshot } from '../../../../shared/api/tour';
import type { HallLayout } from '../../../../shared/layout';
import type { Point } from '../../../../shared/tourPath';
import { mouthTrack, type MouthTrack } from './lipSync';
import { publicTourClock } from './publicTour';
import { POINT_S, type GuideClip, type Visitor } from './tourDriver';
import { serverClock } from '../../net/clock';
import { useGroupTour } from '../../ui/guide/group/groupTourStore';

/** radians a second the guide turns (as the private tour's driver) */
const TURN_RATE = 3.5;
/** a jump larger than this (a late joiner, a host's "next") is taken at once, not turned into */
const SNAP_M = 0.5;

const NONE: readonly Point[] = [];

export class PublicTourDriver {
  x = 0;
  z = 0;
  yaw = 0;
  clip: GuideClip = 'idle';
  track: MouthTrack | null = null;
  speechT = 0;
  private next: Point | null = null;
  private trackKey = '';
  private readonly one: Point[] = [{ x: 0, z: 0 }];

  constructor(
    readonly layout: HallLayout,
    /** the text spoken at a stop, in the visitor's language at the time */
    private readonly say: (stop: number) => string,
  ) {}

  /** seconds into the mouth track, else -1 (the argument: TourDriver's signature, unused) */
  mouthTime(_tour?: unknown): number {
    return this.track && this.clip !== 'walk' && this.speechT >= 0 && this.speechT < this.track.duration ? this.speechT : -1;
  }

  remaining(): readonly Point[] {
    if (!this.next) return NONE;
    this.one[0].x = this.next.x;
    this.one[0].z = this.next.z;
    return this.one;
  }

  step(dt: number, tour: TourSnapshot, serverNow: number, visitor: Visitor | null): void {
    const clock = publicTourClock(this.layout);
    const p = clock.guideAt(tour, serverNow);
    const jump = Math.hypot(p.x - this.x, p.z - this.z);
    this.x = p.x;
    this.z = p.z;
    this.next = p.next;
    if (p.phase === 'walking') {
      this.track = null;
      this.trackKey = '';
      this.speechT = 0;
      this.clip = 'walk';
      if (jump > SNAP_M) this.yaw = p.heading;
      else this.turnToward(p.heading, dt);
      return;
    }
    // telling: the stop's caption track, restarted per leg (a replayed loop tells it again)
    const key = `${tour.id}:${tour.stop}:${tour.legStartedAt}`;
    if (key !== this.trackKey) {
      this.trackKey = key;
      this.track = mouthTrack(this.say(tour.stop));
    }
    this.speechT = p.tellT;
    const track = this.track;
    this.clip = p.tellT < POINT_S ? 'point' : track && p.tellT < track.duration ? 'talk' : 'idle';
    if (visitor) {
      const dx = visitor.x - this.x;
      const dz = visitor.z - this.z;
      if (dx * dx + dz * dz > 0.04) this.turnToward(Math.atan2(dx, dz), dt);
    }
  }

  private turnToward(target: number, dt: number): void {
    if (!Number.isFinite(target)) return;
    const d = Math.atan2(Math.sin(target - this.yaw), Math.cos(target - this.yaw));
    const max = TURN_RATE * dt;
    this.yaw = Math.atan2(Math.sin(this.yaw + Math.max(-max, Math.min(max, d))), Math.cos(this.yaw + Math.max(-max, Math.min(max, d))));
  }
}

const drivers = new WeakMap<HallLayout, PublicTourDriver>();

/** This page's public guide for a hall (one per layout): Guide.tsx steps it, the probe reads it. */
export function publicGuide(layout: HallLayout, say: (stop: number) => string): PublicTourDriver {
  let d = drivers.get(layout);
  if (!d) {
    d = new PublicTourDriver(layout, say);
    drivers.set(layout, d);
  }
  return d;
}

/**
 * One frame of the guide on a public tour: the public driver, stepped, while the guide leads one in
 * this instance; null otherwise (the private tour's driver runs the guide then).
 */
export function stepPublicGuide(layout: HallLayout, dt: number, visitor: Visitor | null, say: (stop: number) => string): PublicTourDriver | null {
  const tour = useGroupTour.getState().tour;
  if (!tour || tour.mode !== 'guide') return null;
  const d = publicGuide(layout, say);
  d.step(dt, tour, serverClock.now(), visitor);
  return d;
}
