/**
 * "Follow" and "gather here" (issue #12, group tours): the avatar walks after the leader (the
 * public guide, or the host's avatar) the way a click-to-move walks, through the local motion and
 * the move messages, so the server's movement rules apply as to any walk (no jump, walking speed,
 * walkable ground). A few steps behind the leader it stands; when the leader has gone on it plans
 * the way again (shared planner: round buildings and along bridges). Any key, the joystick or a
 * click elsewhere is the visitor taking over: following stops at once.
 *
 * Waypoints go one at a time into `input.target`; a target this walker did not set is someone
 * else's walk. Runs on a timer, not per frame: the local motion walks between ticks.
 */
import type { HallLayout } from '../../../../../shared/layout';
import { isWalkable } from '../../../../../shared/layout';
import { planPath, type Point } from '../../../../../shared/tourPath';
import { input, localPlayer } from '../../../store/transient';

/** how far behind the leader one stands, metres */
export const FOLLOW_GAP_M = 2;
/** walk again once the leader is this far away (more than the gap: no shuffling on the spot) */
const START_M = 3.2;
/** plan afresh when the spot behind the leader has moved this far from the planned one */
const REPLAN_M = 2.5;
/** a waypoint counts as reached this close (the local motion arrives at 0.2 m) */
const REACHED_M = 0.6;
export const FOLLOW_TICK_MS = 100;

export type StopReason = 'manual' | 'arrived' | 'stopped';

export interface WalkerOptions {
  layout: HallLayout;
  /** where the leader stands now, written into `out`; null: not known (yet) */
  leader(out: Point): Point | null;
  /** walk once to the leader and stop there ("gather here"), instead of following on */
  once?: boolean;
  /** how far from the leader to stand, metres (default FOLLOW_GAP_M) */
  gap?: number;
  onStop(reason: StopReason): void;
}

/** The spot `gap` metres from the leader on the follower's side, on ground one can stand on. */
export function spotBehind(layout: HallLayout, leader: Point, me: Point, gap: number): Point {
  const dx = me.x - leader.x;
  const dz = me.z - leader.z;
  const d = Math.hypot(dx, dz);
  if (d > 1e-3) {
    const s = { x: leader.x + (dx / d) * gap, z: leader.z + (dz / d) * gap };
    if (isWalkable(layout, s.x, s.z)) return s;
  }
  return { x: leader.x, z: leader.z };
}

export class Walker {
  private timer: ReturnType<typeof setInterval> | null = null;
  private path: Point[] = [];
  /** the waypoint this walker put in input.target (by reference) */
  private mine: Point | null = null;
  private goal: Point | null = null;
  private readonly at: Point = { x: 0, z: 0 };

  constructor(private readonly o: WalkerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), FOLLOW_TICK_MS);
    this.tick();
  }

  /** Stops walking and lets go of the target (if it is still ours). */
  stop(reason: StopReason = 'stopped'): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    if (input.target === this.mine && this.mine) input.target = null;
    this.path = [];
    this.mine = null;
    this.goal = null;
    this.o.onStop(reason);
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** One look: the visitor's own input first, then the leader's place, then the next waypoint. Public for tests. */
  tick(): void {
    if (!this.timer || !localPlayer.ready) return;
    if (input.forward !== 0 || input.right !== 0 || (input.target !== null && input.target !== this.mine)) return this.stop('manual');
    const leader = this.o.leader(this.at);
    if (!leader) return;
    const me = { x: localPlayer.x, z: localPlayer.z };
    const far = Math.hypot(leader.x - me.x, leader.z - me.z);
    const gap = this.o.gap ?? FOLLOW_GAP_M;
    if (far <= (this.o.once ? gap + 0.5 : Math.max(START_M, gap + 1.2)) && this.path.length === 0 && input.target === null) {
      if (this.o.once) this.stop('arrived');
      return;
    }
    const spot = spotBehind(this.o.layout, leader, me, gap);
    const walking = this.mine !== null && input.target === this.mine;
    if (this.goal && Math.hypot(spot.x - this.goal.x, spot.z - this.goal.z) < REPLAN_M && (walking || this.path.length > 0)) {
      if (!walking) this.nextWaypoint(me);
      return;
    }
    if (far <= gap + 0.3) return;
    this.goal = spot;
    this.path = planPath(this.o.layout, me, spot);
    this.mine = null;
    this.nextWaypoint(me);
  }

  /** The local motion reached (or gave up on) the waypoint: on to the next one, or plan again when it gave up short of it. */
  private nextWaypoint(me: Point): void {
    if (this.mine && Math.hypot(this.mine.x - me.x, this.mine.z - me.z) > REACHED_M) {
      // stuck on the way: plan from here next tick
      this.goal = null;
      this.path = [];
      this.mine = null;
      return;
    }
    const next = this.path.shift() ?? null;
    this.mine = next;
    input.target = next;
  }
}
