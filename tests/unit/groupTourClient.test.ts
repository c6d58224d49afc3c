/**
 * The group tour's client parts (issue #12, item 4): the store (a new tour drops following and an
 * old offer; an offer for another tour is ignored), the public guide (drawn where the shared
 * timeline puts it on the server's clock: walking, then point and talk), the follower (walks after
 * the leader through the real local motion and stands a few steps behind; a key stops it), and the
 * `groupTour` i18n namespace (same keys in both languages, every refusal translated).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getLayout } from '../../shared/halls';
import { TOUR_REFUSALS, type TourSnapshot } from '../../shared/api/tour';
import { homeSpot, planLeg, poseOnLeg, type LegPose } from '../../shared/tourTimeline';
import { useGroupTour } from '../../client/src/ui/guide/group/groupTourStore';
import { FOLLOW_GAP_M, Walker, type StopReason } from '../../client/src/ui/guide/group/follow';
import { PublicTourDriver } from '../../client/src/scene/guide/publicTourDriver';
import { stepLocalPlayer } from '../../client/src/controls/localMotion';
import { input, localPlayer, resetTransient } from '../../client/src/store/transient';
import { zhCN } from '../../client/src/ui/guide/group/locales/zh-CN';
import { en } from '../../client/src/ui/guide/group/locales/en';

const layout = getLayout('gulangyu');

function snapshot(over: Partial<TourSnapshot> = {}): TourSnapshot {
  const home = homeSpot(layout);
  return {
    id: 't1',
    mode: 'guide',
    hostId: 'org',
    hostName: '主办方',
    stop: 0,
    from: { x: home.x, z: home.z },
    legStartedAt: 1_000_000,
    startedAt: 1_000_000,
    loop: false,
    session: null,
    ...over,
  };
}

describe('the group tour store', () => {
  beforeEach(() => useGroupTour.getState().reset());

  it('keeps following and an offer within one tour, and drops them with the next', () => {
    const s = useGroupTour.getState();
    s.apply({ kind: 'lead' });
    s.apply({ kind: 'state', tour: snapshot() });
    s.setFollowing(true);
    s.apply({ kind: 'gather', tourId: 't1', x: 1, z: 2, by: '主办方', at: 5 });
    s.apply({ kind: 'gather', tourId: 'other', x: 9, z: 9, by: 'x', at: 6 });
    s.apply({ kind: 'state', tour: snapshot({ stop: 1 }) });
    expect(useGroupTour.getState()).toMatchObject({ canLead: true, following: true, offer: { x: 1, z: 2, by: '主办方' } });
    s.apply({ kind: 'state', tour: snapshot({ id: 't2' }) });
    expect(useGroupTour.getState()).toMatchObject({ following: false, offer: null });
    s.apply({ kind: 'state', tour: null });
    s.setFollowing(true);
    expect(useGroupTour.getState().following).toBe(false);
  });
});

describe('the public guide', () => {
  it('stands where the timeline puts it, walks, then points and talks at the stop', () => {
    const tour = snapshot({ stop: 1, from: { x: layout.tourStops[0].x, z: layout.tourStops[0].z } });
    const leg = planLeg(layout, tour.from, 1);
    const d = new PublicTourDriver(layout, () => '欢迎来到鼓浪屿。我们从三丘田码头出发，一路走到日光岩。');
    const want: LegPose = { x: 0, z: 0, heading: 0, phase: 'walking', tellT: 0, next: null };
    for (const t of [0.5, leg.walkS / 2]) {
      d.step(0.016, tour, tour.legStartedAt + t * 1000, null);
      poseOnLeg(leg, t, want);
      expect(d.x).toBeCloseTo(want.x, 6);
      expect(d.z).toBeCloseTo(want.z, 6);
      expect(d.clip).toBe('walk');
      expect(d.mouthTime()).toBe(-1);
    }
    d.step(0.016, tour, tour.legStartedAt + (leg.walkS + 0.5) * 1000, { x: 0, z: 0, ry: 0 });
    expect(d.clip).toBe('point');
    expect(d.mouthTime()).toBeCloseTo(0.5, 3);
    d.step(0.016, tour, tour.legStartedAt + (leg.walkS + 2.5) * 1000, { x: 0, z: 0, ry: 0 });
    expect(d.clip).toBe('talk');
    expect([d.x, d.z]).toEqual([layout.tourStops[1].x, layout.tourStops[1].z]);
  });
});

describe('following the leader', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    resetTransient();
  });
  afterEach(() => {
    vi.useRealTimers();
    resetTransient();
  });

  /** Runs the page: the walker's timer and the local motion's frames, for `s` seconds. */
  function run(s: number, leader: { x: number; z: number }) {
    for (let t = 0; t < s; t += 0.05) {
      vi.advanceTimersByTime(50);
      stepLocalPlayer(layout, 0.05, t * 1000);
    }
    return Math.hypot(localPlayer.x - leader.x, localPlayer.z - leader.z);
  }

  it('walks after the leader at walking pace and stands a few steps behind; a key takes over', () => {
    Object.assign(localPlayer, { x: 62, z: -10, ry: 0, ready: true });
    const leader = { x: 46, z: -10 };
    const stops: StopReason[] = [];
    const w = new Walker({ layout, leader: (out) => Object.assign(out, leader), onStop: (r) => stops.push(r) });
    w.start();
    // 4.5 m/s: 14 m in a little over 3 s, not at once
    expect(run(1, leader)).toBeGreaterThan(10);
    const d = run(4, leader);
    expect(d).toBeGreaterThan(FOLLOW_GAP_M - 0.5);
    expect(d).toBeLessThan(FOLLOW_GAP_M + 0.5);
    // the leader walks on: so does the follower
    leader.x = 36;
    expect(run(4, leader)).toBeLessThan(FOLLOW_GAP_M + 0.5);
    expect(stops).toEqual([]);
    input.forward = 1;
    vi.advanceTimersByTime(100);
    expect(stops).toEqual(['manual']);
    expect(w.running).toBe(false);
  });

  it('a click elsewhere is the visitor taking over too; "gather here" walks once and stops', () => {
    Object.assign(localPlayer, { x: 62, z: -10, ry: 0, ready: true });
    const stops: StopReason[] = [];
    const w = new Walker({ layout, leader: (out) => Object.assign(out, { x: 50, z: -10 }), onStop: (r) => stops.push(r) });
    w.start();
    run(0.5, { x: 50, z: -10 });
    input.target = { x: 70, z: -10 };
    vi.advanceTimersByTime(100);
    expect(stops).toEqual(['manual']);
    expect(input.target).toEqual({ x: 70, z: -10 });

    input.target = null;
    const once = new Walker({ layout, leader: (out) => Object.assign(out, { x: 50, z: -10 }), once: true, gap: 1.2, onStop: (r) => stops.push(r) });
    once.start();
    expect(run(5, { x: 50, z: -10 })).toBeLessThan(1.8);
    expect(stops).toEqual(['manual', 'arrived']);
  });
});

describe('the groupTour namespace', () => {
  const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : keys(v as object, `${p}${k}.`)));
  it('has the same keys in Chinese and English, and a line for every refusal', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const r of TOUR_REFUSALS) {
      expect(zhCN.refused[r]).toBeTruthy();
      expect(en.refused[r]).toBeTruthy();
    }
  });
});
