/**
 * The public tour on this page (issue #12, group tours): from the server's snapshot and this page's
 * estimate of the server's clock, where the guide is on its leg, which stop is told, and where the
 * leader (the guide, or the human host's avatar) stands for followers. The leg is planned once per
 * snapshot with the shared planner, the very path the server timed (shared/tourTimeline), so every
 * page draws the guide at the same place. No allocation per call once the leg is planned.
 */
import type { TourSnapshot } from '../../../../shared/api/tour';
import type { HallLayout } from '../../../../shared/layout';
import { planLeg, poseOnLeg, type LegPose, type TourLeg } from '../../../../shared/tourTimeline';
import type { Point } from '../../../../shared/tourPath';
import { farDots, remotePoses } from '../../store/transient';

export interface PublicTourView {
  /** the guide walks to `stop`, or tells `told` (null while walking) */
  phase: 'walking' | 'telling';
  stop: number;
  told: number | null;
  /** seconds into the telling; past the telling's length the guide holds at the stop until the server moves it on */
  tellT: number;
  tellS: number;
}

class PublicTourClock {
  private key = '';
  private current: TourLeg | null = null;
  readonly pose: LegPose = { x: 0, z: 0, heading: NaN, phase: 'walking', tellT: 0, next: null };

  constructor(readonly layout: HallLayout) {}

  /** The leg the snapshot is on, planned on first use. */
  leg(tour: TourSnapshot): TourLeg {
    const key = `${tour.id}:${tour.stop}:${tour.from.x}:${tour.from.z}`;
    if (key !== this.key || !this.current) {
      this.key = key;
      this.current = planLeg(this.layout, tour.from, tour.stop);
    }
    return this.current;
  }

  /** The guide's pose at server time `serverNow` (guide mode), into this.pose. */
  guideAt(tour: TourSnapshot, serverNow: number): LegPose {
    return poseOnLeg(this.leg(tour), (serverNow - tour.legStartedAt) / 1000, this.pose);
  }

  view(tour: TourSnapshot, serverNow: number, out: PublicTourView): PublicTourView {
    const leg = this.leg(tour);
    out.stop = tour.stop;
    out.tellS = leg.tellS;
    if (tour.mode === 'host') {
      // a human host tells each stop when they move on to it: the caption is up at once
      out.phase = 'telling';
      out.told = tour.stop;
      out.tellT = Math.max(0, (serverNow - tour.legStartedAt) / 1000);
      return out;
    }
    const p = this.guideAt(tour, serverNow);
    out.phase = p.phase;
    out.told = p.phase === 'telling' ? tour.stop : null;
    out.tellT = p.tellT;
    return out;
  }
}

const clocks = new WeakMap<HallLayout, PublicTourClock>();

/** One clock per hall layout, shared by the 3D guide, the caption box and the follower. */
export function publicTourClock(layout: HallLayout): PublicTourClock {
  let c = clocks.get(layout);
  if (!c) {
    c = new PublicTourClock(layout);
    clocks.set(layout, c);
  }
  return c;
}

/**
 * Where the leader stands now: the guide on its leg, or the host's avatar (its pose when in range,
 * else its coarse dot on the map). Null when the host is nowhere to be seen yet. Writes into `out`.
 */
export function leaderAt(layout: HallLayout, tour: TourSnapshot, serverNow: number, out: Point): Point | null {
  if (tour.mode === 'guide') {
    const p = publicTourClock(layout).guideAt(tour, serverNow);
    out.x = p.x;
    out.z = p.z;
    return out;
  }
  const pose = remotePoses.get(tour.hostId)?.latest();
  if (pose) {
    out.x = pose.x;
    out.z = pose.z;
    return out;
  }
  const dot = farDots.get(tour.hostId);
  if (!dot) return null;
  out.x = dot.x;
  out.z = dot.z;
  return out;
}
