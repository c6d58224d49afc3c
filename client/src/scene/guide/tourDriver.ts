/**
 * The guide's feet and timing, frame by frame: where it stands, which way it faces, which clip it
 * plays and how far into its caption it is. It follows the private tour (ui/guide/tourStore): walks
 * the planned legs to each stop, waits when the visitor falls behind, turns to them, points, talks,
 * and moves the tour on when the telling is over. No three.js and no allocation per frame, so it is
 * unit-tested as it runs.
 */
import { isWalkable, type HallLayout } from '../../../../shared/layout';
import type { TourState } from '../../ui/guide/tourStore';
import { mouthTrack, type MouthTrack } from './lipSync';
import { clearLine, planPath, type Point } from './tourPath';
import type { VoiceLink } from './voiceClock';

export type GuideClip = 'idle' | 'walk' | 'talk' | 'point' | 'wave';

/** metres a second: an easy walking pace, which a visitor (5 m/s at most) keeps up with */
export const WALK_SPEED = 1.4;
/** the guide stops and waits when the visitor is farther than this, metres */
export const WAIT_FAR = 10;
/** ...and walks on once they are this close again (less than WAIT_FAR, so it does not stutter at the edge) */
export const RESUME_NEAR = 7;
/** `point` is raised by 0.6 s and held until 2.2 s (assets/guide/README.md); then `talk` */
export const POINT_S = 2.2;
/** a breath after the last syllable before walking on, seconds */
const AFTER_TALK_S = 1.5;
/** how long a wave lasts (greeting, or calling a visitor who fell behind), seconds */
const WAVE_S = 2.6;
/** radians a second the guide turns on the spot */
const TURN_RATE = 3.5;
/** a visitor this close (metres) to a guide not on tour is greeted with a wave, once per approach */
const GREET_NEAR = 6;
const GREET_RESET = 12;

export interface Visitor {
  x: number;
  z: number;
  /** which way they face (radians, forward is (sin ry, cos ry)) */
  ry: number;
}

/** The tour store's state and actions, as the driver reads and calls them. */
export type TourView = Pick<TourState, 'active' | 'paused' | 'phase' | 'stop' | 'told' | 'take' | 'run' | 'setPhase' | 'arrive' | 'advance' | 'finish'>;

/** `pathStop` while the guide walks to the booth district (tourEnd.ts) after the last stop */
const TO_BOOTHS = -2;

function wrapAngle(a: number): number {
  return Math.atan2(Math.sin(a), Math.cos(a));
}

export class TourDriver {
  x: number;
  z: number;
  /** facing, radians: forward is (sin yaw, cos yaw), as for avatars */
  yaw: number;
  clip: GuideClip = 'idle';
  /** the caption being spoken, and how far into it (seconds); null when silent */
  track: MouthTrack | null = null;
  speechT = 0;
  /** the guide's voice (speech.ts); null: captions only, the mouth at the measured rate */
  voice: VoiceLink | null = null;
  /** where the tour ends, from where the guide stands after the last stop (tourEnd.ts); null: it ends there */
  endSpot: ((from: Point) => Point | null) | null = null;

  private path: Point[] = [];
  private pathStop = -1;
  private take = 0;
  private run = 0;
  private tellT = 0;
  private waitT = 0;
  private greetT = WAVE_S;
  private greeted = false;
  private lastPhase = '';

  constructor(
    readonly layout: HallLayout,
    home: { x: number; z: number; yaw: number },
    /** the text spoken at a stop, in the visitor's language at the time */
    private readonly say: (stop: number) => string,
  ) {
    this.x = home.x;
    this.z = home.z;
    this.yaw = home.yaw;
  }

  /** Seconds into the caption's mouth track while the guide speaks, else -1 (mouth at rest). */
  mouthTime(tour: TourView): number {
    return tour.active && !tour.paused && tour.phase === 'telling' && this.track ? this.speechT : -1;
  }

  /** the waypoints left to walk (for the probe and tests) */
  remaining(): readonly Point[] {
    return this.path;
  }

  step(dt: number, visitor: Visitor | null, tour: TourView): void {
    let far = visitor ? Math.hypot(visitor.x - this.x, visitor.z - this.z) : 0;
    if (!tour.active) {
      this.track = null;
      this.voice?.stop();
      this.idle(dt, visitor, far);
      return;
    }
    if (tour.run !== this.run) {
      this.run = tour.run;
      this.path = [];
      this.pathStop = -1;
      if (visitor && far > WAIT_FAR) {
        this.comeTo(visitor);
        far = Math.hypot(visitor.x - this.x, visitor.z - this.z);
      }
    }
    if (tour.take !== this.take) {
      this.take = tour.take;
      this.tellT = 0;
      this.speechT = 0;
      const text = tour.told === null ? '' : this.say(tour.told);
      this.track = tour.told === null ? null : mouthTrack(text);
      this.voice?.stop();
      if (this.track) this.voice?.say(text, this.track);
    }
    if (tour.phase !== this.lastPhase) {
      this.lastPhase = tour.phase;
      this.waitT = 0;
      if (tour.phase !== 'telling') this.voice?.stop();
    }
    this.voice?.hold(tour.paused);
    if (tour.paused) {
      this.clip = 'idle';
      return;
    }
    switch (tour.phase) {
      case 'walking':
        this.walk(dt, visitor, far, tour);
        break;
      case 'waiting':
        this.waitT += dt;
        this.clip = this.waitT < WAVE_S ? 'wave' : 'idle';
        if (visitor) this.turnTo(visitor, dt);
        if (far < RESUME_NEAR) {
          if (this.arrived(tour)) tour.arrive();
          else tour.setPhase('walking');
        }
        break;
      case 'telling': {
        this.tellT += dt;
        // the voice's clock where it speaks (boundary events), else the measured rate
        this.speechT = this.voice && this.track ? this.voice.advance(this.track, this.speechT, dt) : this.speechT + dt;
        const speaking = !!this.track && !!this.voice?.speaking(this.track);
        if (visitor) this.turnTo(visitor, dt);
        if (!this.track || (!speaking && this.speechT > this.track.duration + AFTER_TALK_S)) {
          this.clip = 'idle';
          tour.advance();
        } else this.clip = this.tellT < POINT_S ? 'point' : speaking || this.speechT < this.track.duration ? 'talk' : 'idle';
        break;
      }
      case 'toBooths':
        this.toBooths(dt, visitor, far, tour);
        break;
      default:
        this.clip = 'idle';
        if (visitor) this.turnTo(visitor, dt);
    }
  }

  private arrived(tour: TourView): boolean {
    return this.pathStop === tour.stop && this.path.length === 0;
  }

  private walk(dt: number, visitor: Visitor | null, far: number, tour: TourView): void {
    if (this.pathStop !== tour.stop) {
      const to = this.layout.tourStops[tour.stop];
      if (!to) {
        tour.advance();
        return;
      }
      this.path = planPath(this.layout, { x: this.x, z: this.z }, to);
      this.pathStop = tour.stop;
    }
    if (far > WAIT_FAR) {
      this.clip = 'idle';
      tour.setPhase('waiting');
      return;
    }
    // a visitor already standing on the stop: stop short of it rather than walk into them
    const goal = this.layout.tourStops[tour.stop];
    if (visitor && Math.hypot(visitor.x - goal.x, visitor.z - goal.z) < 1.5 && Math.hypot(goal.x - this.x, goal.z - this.z) < 3.5) this.path.length = 0;
    this.followPath(dt);
    this.clip = 'walk';
    if (this.path.length === 0) {
      this.clip = 'idle';
      if (far > WAIT_FAR) tour.setPhase('waiting');
      else tour.arrive();
    }
  }

  /**
   * After the last stop: on to the booth district, where the tour ends (the caption offers a
   * booth's staff or its card). A visitor who falls behind is waited for where the guide stands.
   */
  private toBooths(dt: number, visitor: Visitor | null, far: number, tour: TourView): void {
    if (this.pathStop !== TO_BOOTHS) {
      const spot = this.endSpot?.({ x: this.x, z: this.z }) ?? null;
      this.pathStop = TO_BOOTHS;
      this.path = spot ? planPath(this.layout, { x: this.x, z: this.z }, spot) : [];
    }
    if (far > WAIT_FAR || (this.waitT > 0 && far > RESUME_NEAR)) {
      this.waitT += dt;
      this.clip = this.waitT < WAVE_S ? 'wave' : 'idle';
      if (visitor) this.turnTo(visitor, dt);
      return;
    }
    this.waitT = 0;
    this.followPath(dt);
    this.clip = 'walk';
    if (this.path.length === 0) {
      this.clip = 'idle';
      tour.finish();
    }
  }

  /** Walks the planned legs for one frame at the guide's pace, turning along them. */
  private followPath(dt: number): void {
    let left = WALK_SPEED * dt;
    while (left > 0 && this.path.length > 0) {
      const to = this.path[0];
      const dx = to.x - this.x;
      const dz = to.z - this.z;
      const d = Math.hypot(dx, dz);
      if (d > 1e-6) this.turnToward(Math.atan2(dx, dz), dt);
      if (d <= left) {
        this.x = to.x;
        this.z = to.z;
        this.path.shift();
        left -= d;
      } else {
        this.x += (dx / d) * left;
        this.z += (dz / d) * left;
        left = 0;
      }
    }
  }

  /** Not on tour: stands, faces whoever comes near, waves once as they arrive. */
  private idle(dt: number, visitor: Visitor | null, far: number): void {
    this.greetT += dt;
    if (visitor && far < GREET_NEAR && !this.greeted) {
      this.greeted = true;
      this.greetT = 0;
    } else if (far > GREET_RESET) this.greeted = false;
    if (visitor && far < GREET_NEAR) this.turnTo(visitor, dt * 0.5);
    this.clip = this.greetT < WAVE_S ? 'wave' : 'idle';
  }

  /** A tour started far from the guide: it steps up beside the visitor, on walkable ground in view. */
  private comeTo(v: Visitor): void {
    for (const turn of [0, 0.6, -0.6, 1.2, -1.2, Math.PI / 2, -Math.PI / 2, Math.PI]) {
      const a = v.ry + turn;
      const spot = { x: v.x + Math.sin(a) * 2.5, z: v.z + Math.cos(a) * 2.5 };
      if (isWalkable(this.layout, spot.x, spot.z) && clearLine(this.layout, v, spot)) {
        this.x = spot.x;
        this.z = spot.z;
        this.yaw = Math.atan2(v.x - spot.x, v.z - spot.z);
        return;
      }
    }
  }

  private turnTo(p: Point, dt: number): void {
    const dx = p.x - this.x;
    const dz = p.z - this.z;
    if (dx * dx + dz * dz > 0.04) this.turnToward(Math.atan2(dx, dz), dt);
  }

  private turnToward(target: number, dt: number): void {
    const d = wrapAngle(target - this.yaw);
    const max = TURN_RATE * dt;
    this.yaw = wrapAngle(this.yaw + Math.max(-max, Math.min(max, d)));
  }
}

/** Where the guide stands before any tour (shared: a public tour sets off from there too). */
export { homeSpot } from '../../../../shared/tourTimeline';
