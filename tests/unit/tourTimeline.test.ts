/**
 * The public tour's shared timeline (shared/tourTimeline.ts) and the room's tour keeper
 * (server/tours/roomTour.ts) on the real layouts: legs on walkable ground, the guide's place along
 * a leg, tellings long enough for the mouth in either language, a looping agenda tour that every
 * instance works out the same from its session's start, and a tour that moves on by itself at each
 * leg's planned end.
 */
import { describe, expect, it } from 'vitest';
import { getLayout, HALL_IDS } from '../../shared/halls';
import { isWalkable } from '../../shared/layout';
import type { SenderRole } from '../../shared/messages';
import type { TourMessage } from '../../shared/api/tour';
import {
  GUIDE_WALK_SPEED,
  homeSpot,
  legSeconds,
  loopAt,
  nextStop,
  planLeg,
  poseOnLeg,
  speakingSeconds,
  stopPoint,
  stopSpeech,
  stopTellSeconds,
  type LegPose,
} from '../../shared/tourTimeline';
import { mouthTrack } from '../../client/src/scene/guide/lipSync';
import { RoomTour } from '../../server/tours/roomTour';
import { tourSessionOn } from '../../server/tours/tourAgenda';
import type { AgendaSessionView } from '../../shared/api/agenda';
import { toCm } from '../../shared/quantize';

const pose = (): LegPose => ({ x: 0, z: 0, heading: 0, phase: 'walking', tellT: 0, next: null });

describe('the tour timeline', () => {
  for (const id of HALL_IDS) {
    const layout = getLayout(id);
    it(`${id}: every leg walks on walkable ground and ends at its stop; the guide's place follows the clock`, () => {
      let from = homeSpot(layout) as { x: number; z: number };
      for (let i = 0; i < layout.tourStops.length; i++) {
        const leg = planLeg(layout, from, i);
        expect(leg.path.at(-1)).toEqual(stopPoint(layout, i));
        const p = pose();
        for (let t = 0; t < leg.walkS; t += 0.5) {
          poseOnLeg(leg, t, p);
          expect(p.phase).toBe('walking');
          expect(isWalkable(layout, p.x, p.z), `${id} leg ${i} at ${t}s`).toBe(true);
        }
        // at the pace: half-way in time is half-way along the path
        if (leg.walkS > 2) {
          poseOnLeg(leg, 1, p);
          expect(Math.hypot(p.x - leg.from.x, p.z - leg.from.z)).toBeLessThanOrEqual(GUIDE_WALK_SPEED + 1e-9);
        }
        poseOnLeg(leg, leg.walkS + 2, p);
        expect(p).toMatchObject({ x: stopPoint(layout, i).x, z: stopPoint(layout, i).z, phase: 'telling', next: null });
        expect(p.tellT).toBeCloseTo(2, 6);
        from = stopPoint(layout, i);
      }
    });

    it(`${id}: a telling lasts at least as long as the mouth moves, in Chinese and in English`, () => {
      for (let i = 0; i < layout.tourStops.length; i++) {
        for (const lang of ['zh', 'en'] as const) {
          const text = stopSpeech(layout, i, lang);
          expect(text.length).toBeGreaterThan(0);
          expect(speakingSeconds(text)).toBeGreaterThanOrEqual(mouthTrack(text).duration - 1e-9);
          expect(stopTellSeconds(layout, i)).toBeGreaterThan(mouthTrack(text).duration);
        }
      }
    });

    it(`${id}: a looping tour is the same wherever one starts counting: leg boundaries line up with the legs' own lengths`, () => {
      const n = layout.tourStops.length;
      const first = planLeg(layout, homeSpot(layout), 0);
      expect(loopAt(layout, 0)).toMatchObject({ stop: 0, legAgoMs: 0 });
      let at = legSeconds(first) * 1000;
      let from = stopPoint(layout, 0);
      for (let k = 1; k <= n + 1; k++) {
        const stop = k % n;
        const got = loopAt(layout, at + 10)!;
        expect(got.stop).toBe(stop);
        expect(got.from).toEqual(from);
        expect(got.legAgoMs).toBeCloseTo(10, 3);
        at += legSeconds(planLeg(layout, from, stop)) * 1000;
        from = stopPoint(layout, stop);
      }
      expect(nextStop(layout, n - 1, false)).toBeNull();
      expect(nextStop(layout, n - 1, true)).toBe(0);
    });
  }

  it('speaking time counts Chinese characters, English syllables and rests', () => {
    expect(speakingSeconds('鼓浪屿')).toBeCloseTo(0.75, 6);
    expect(speakingSeconds('Gulangyu island.')).toBeCloseTo(5 / 3.5 + 0.45, 6);
  });
});

/** A room's side of the tour keeper: a hall with a few visitors, and what each of them was sent. */
function room(layoutId: 'gulangyu' | 'shapowei' = 'gulangyu') {
  const layout = getLayout(layoutId);
  const visitors = new Map<string, { name: string; x?: number; z?: number }>();
  const sent: { to: string; m: TourMessage }[] = [];
  const tour = new RoomTour({
    layout,
    visitorOf: (id) => visitors.get(id),
    sessions: () => visitors.keys(),
    broadcast: (_n, m) => {
      for (const id of visitors.keys()) sent.push({ to: id, m: m as TourMessage });
    },
    sendTo: (to, _n, m) => sent.push({ to, m: m as TourMessage }),
    log: { info: () => undefined, warn: () => undefined },
  });
  return { layout, visitors, sent, tour };
}
const ORG: ReadonlySet<SenderRole> = new Set(['visitor', 'organizer']);
const STAFF: ReadonlySet<SenderRole> = new Set(['visitor', 'staff']);

describe('the room’s tour keeper', () => {
  it('moves the guide on at each leg’s planned end, from the stop it told, and ends after the last stop', () => {
    const r = room('shapowei');
    r.visitors.set('host', { name: '主持', x: 0, z: 0 });
    r.visitors.set('v', { name: '游客' });
    const t0 = 1_000_000;
    r.tour.command('host', STAFF, { action: 'start', mode: 'guide' }, t0);
    let snap = r.tour.snapshot()!;
    let end = t0;
    for (let i = 0; i < r.layout.tourStops.length; i++) {
      expect(snap.stop).toBe(i);
      expect(snap.legStartedAt).toBeCloseTo(end, 6);
      end += legSeconds(planLeg(r.layout, snap.from, i)) * 1000;
      r.tour.tick(end - 1);
      expect(r.tour.snapshot()).toBe(snap);
      r.tour.tick(end + 200); // a late tick: the next leg still starts at the planned end
      if (i < r.layout.tourStops.length - 1) {
        snap = r.tour.snapshot()!;
        expect(snap.from).toEqual(stopPoint(r.layout, i));
      }
    }
    expect(r.tour.snapshot()).toBeNull();
    expect(r.sent.filter((s) => s.to === 'v' && s.m.kind === 'state').length).toBe(r.layout.tourStops.length + 1);
  });

  it('"next" mid-walk sets off from where the guide is; only the starter or an organizer may; a gather goes to all but the sender', () => {
    const r = room();
    r.visitors.set('staff', { name: '展商' });
    r.visitors.set('other', { name: '别家' });
    r.visitors.set('org', { name: '主办' });
    const t0 = 5_000_000;
    r.tour.command('staff', STAFF, { action: 'start', mode: 'guide' }, t0);
    r.tour.command('staff', STAFF, { action: 'next' }, t0 + 1);
    const leg = planLeg(r.layout, r.tour.snapshot()!.from, 1);
    const mid = t0 + 1 + (leg.walkS * 1000) / 2;
    const at = r.tour.guideAt(mid);
    r.tour.command('other', STAFF, { action: 'next' }, mid);
    expect(r.sent.at(-1)).toEqual({ to: 'other', m: { kind: 'refused', reason: 'not_host' } });
    r.tour.command('org', ORG, { action: 'next' }, mid);
    expect(r.tour.snapshot()).toMatchObject({ stop: 2, from: at, legStartedAt: mid });
    r.sent.length = 0;
    r.tour.command('org', ORG, { action: 'gather' }, mid);
    expect(r.sent.map((s) => s.to).sort()).toEqual(['other', 'staff']);
    expect(r.sent[0].m).toMatchObject({ kind: 'gather', x: at.x, z: at.z, by: '主办' });
  });

  it('an agenda tour session starts mid-way where its own timeline is, takes over, and stays ended once an organizer ends it', () => {
    const r = room();
    r.visitors.set('host', { name: 'h', x: toCm(1), z: toCm(2) });
    const startsAt = 10_000_000;
    const s: AgendaSessionView = {
      id: 's1',
      hallId: 'gulangyu',
      kind: 'tour',
      title: { zh: '导览', en: 'Tour' },
      description: { zh: '', en: '' },
      speakers: [],
      tags: [],
      startsAt,
      endsAt: startsAt + 3600_000,
      videoUrl: null,
      captionsUrl: null,
      liveUrl: null,
      updatedAt: 1,
    };
    expect(tourSessionOn([s, { ...s, id: 'talk', kind: 'talk' }], startsAt + 1)?.id).toBe('s1');
    expect(tourSessionOn([s], startsAt - 1)).toBeNull();
    r.tour.command('host', STAFF, { action: 'start', mode: 'host' }, startsAt - 10);
    const now = startsAt + 200_000;
    r.tour.setAgendaSession(s, now);
    const at = loopAt(r.layout, 200_000)!;
    expect(r.tour.snapshot()).toMatchObject({ mode: 'guide', hostId: '', loop: true, stop: at.stop, from: at.from, session: { id: 's1' } });
    expect(r.tour.snapshot()!.legStartedAt).toBeCloseTo(now - at.legAgoMs, 6);
    // the same session read again changes nothing; an organizer ending it keeps it ended
    const snap = r.tour.snapshot();
    r.tour.setAgendaSession(s, now + 5);
    expect(r.tour.snapshot()).toBe(snap);
    r.tour.command('org', ORG, { action: 'end' }, now + 10);
    r.tour.setAgendaSession(s, now + 20);
    expect(r.tour.snapshot()).toBeNull();
  });

  it('a human host’s tour ends when the host is gone; gather sends their own place', () => {
    const r = room();
    r.visitors.set('host', { name: '导游小林', x: toCm(12.5), z: toCm(-3) });
    r.visitors.set('v', { name: 'v' });
    r.tour.command('host', STAFF, { action: 'start', mode: 'host' }, 1);
    r.tour.command('host', STAFF, { action: 'gather' }, 2);
    expect(r.sent.find((s) => s.m.kind === 'gather')).toMatchObject({ to: 'v', m: { x: 12.5, z: -3, by: '导游小林' } });
    r.tour.tick(3);
    expect(r.tour.snapshot()).not.toBeNull();
    r.visitors.delete('host');
    r.tour.tick(4);
    expect(r.tour.snapshot()).toBeNull();
  });
});
