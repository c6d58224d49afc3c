/**
 * The private tour's end (issue #12): after the last landmark the guide walks, on walkable ground,
 * to the booth district nearest by the walk, and the caption offers the booth there whose staff are
 * on duty, else the nearest booth's card. The driver's telling waits for a voice still speaking.
 */
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/halls';
import { isWalkable } from '../../shared/layout';
import { boothDistrict, DISTRICT_RADIUS, endBooth } from '../../client/src/scene/guide/tourEnd';
import { homeSpot, TourDriver, type Visitor } from '../../client/src/scene/guide/tourDriver';
import { clearLine } from '../../client/src/scene/guide/tourPath';
import type { VoiceLink } from '../../client/src/scene/guide/voiceClock';
import { stopCaption, spokenText } from '../../client/src/ui/guide/tourScript';
import { useTour } from '../../client/src/ui/guide/tourStore';

const gulangyu = getLayout('gulangyu');
/** the demo seeds the first slots of each hall (server/seed/demo.ts) */
const demoPlaced = (hall: 'gulangyu' | 'shapowei') =>
  new Set(
    getLayout(hall)
      .boothSlots.slice(0, 12)
      .map((s) => s.id),
  );

describe('the booth district', () => {
  it('is the placed booth nearest by the walk, with walkable ground in front, and the booths around it', () => {
    for (const hall of ['gulangyu', 'shapowei'] as const) {
      const layout = getLayout(hall);
      const placed = demoPlaced(hall);
      const last = layout.tourStops[layout.tourStops.length - 1];
      const d = boothDistrict(layout, last, placed)!;
      expect(d, hall).not.toBeNull();
      expect(placed.has(d.nearSlot)).toBe(true);
      expect(isWalkable(layout, d.spot.x, d.spot.z)).toBe(true);
      const near = layout.boothSlots.find((s) => s.id === d.nearSlot)!;
      for (const id of d.slots) {
        const s = layout.boothSlots.find((x) => x.id === id)!;
        expect(Math.hypot(s.x - near.x, s.z - near.z)).toBeLessThanOrEqual(DISTRICT_RADIUS);
      }
    }
  });

  it('from Gulangyu’s last stop (Koxinga) it is the pier’s south row; from the pier, the row beside it', () => {
    const placed = demoPlaced('gulangyu');
    expect(boothDistrict(gulangyu, gulangyu.tourStops[5], placed)!.nearSlot).toBe('pier-w2');
    expect(boothDistrict(gulangyu, gulangyu.tourStops[0], placed)!.nearSlot).toBe('pier-s3');
    // only unplaced slots nearby: the district moves to where booths are
    expect(boothDistrict(gulangyu, gulangyu.tourStops[5], new Set(['longtou-7']))!.nearSlot).toBe('longtou-7');
    expect(boothDistrict(gulangyu, gulangyu.tourStops[5], new Set())).toBeNull();
  });

  it('offers a booth with staff on duty first, else the nearest booth', () => {
    const d = boothDistrict(gulangyu, gulangyu.tourStops[5], demoPlaced('gulangyu'))!;
    const booth = (id: string, slotId: string | null, staffOnDuty = false) => ({ id, slotId, staffOnDuty });
    const booths = [booth('b-s2', 'pier-s2'), booth('b-w2', 'pier-w2'), booth('b-far', 'pier-n1', true), booth('b-none', null, true)];
    expect(endBooth(gulangyu, d, booths)?.id).toBe('b-w2');
    expect(endBooth(gulangyu, d, [...booths.slice(0, 1), booth('b-w2', 'pier-w2'), booth('b-s3', 'pier-s3', true)])?.id).toBe('b-s3');
    expect(endBooth(gulangyu, d, [booth('b-far', 'pier-n1', true)])).toBeNull();
  });
});

function run(driver: TourDriver, seconds: number, where: () => Visitor | null, until?: () => boolean): void {
  for (let t = 0; t < seconds; t += 0.05) {
    driver.step(0.05, where(), useTour.getState());
    if (until?.()) break;
  }
}

describe('the driver at the tour’s end', () => {
  const say = (i: number) => spokenText(stopCaption(gulangyu, i, 'zh-CN')!);

  function fresh(): TourDriver {
    useTour.getState().end();
    useTour.getState().setCount(gulangyu.tourStops.length);
    const d = new TourDriver(gulangyu, homeSpot(gulangyu), say);
    d.endSpot = (from) => boothDistrict(gulangyu, from, demoPlaced('gulangyu'))?.spot ?? null;
    return d;
  }

  it('walks from the last stop to the booth district on walkable ground, waits for the visitor, then is done', () => {
    const d = fresh();
    useTour.getState().start();
    // skip on to the last stop, with the guide (and the visitor beside her) already standing there
    for (let i = 0; i < gulangyu.tourStops.length - 1; i++) useTour.getState().skip();
    const t6 = gulangyu.tourStops[5];
    d.x = t6.x;
    d.z = t6.z;
    const beside = (): Visitor => ({ x: d.x + 2, z: d.z, ry: 0 });
    run(d, 1, beside, () => useTour.getState().phase === 'telling');
    expect(useTour.getState()).toMatchObject({ phase: 'telling', told: 5 });
    run(d, 60, beside, () => useTour.getState().phase !== 'telling');
    expect(useTour.getState()).toMatchObject({ phase: 'toBooths', told: null });
    const spot = boothDistrict(gulangyu, { x: d.x, z: d.z }, demoPlaced('gulangyu'))!.spot;
    // the visitor stays put: she waits once they are far behind
    const stay = beside();
    let last = { x: d.x, z: d.z };
    let offGround = 0;
    run(
      d,
      30,
      () => stay,
      () => d.clip === 'wave' || d.clip === 'idle',
    );
    expect(Math.hypot(d.x - stay.x, d.z - stay.z)).toBeGreaterThan(9.5);
    expect(useTour.getState().phase).toBe('toBooths');
    // then they follow, and she walks on to the booths
    run(
      d,
      120,
      () => {
        if (!clearLine(gulangyu, last, { x: d.x, z: d.z })) offGround++;
        last = { x: d.x, z: d.z };
        return beside();
      },
      () => useTour.getState().phase === 'done',
    );
    expect(useTour.getState().phase).toBe('done');
    expect(offGround).toBe(0);
    expect(Math.hypot(d.x - spot.x, d.z - spot.z)).toBeLessThan(0.01);
  });

  it('a telling waits while the voice still speaks, and moves on once it ends', () => {
    const d = fresh();
    let speaking = true;
    const said: string[] = [];
    const voice: VoiceLink = {
      say: (text) => void said.push(text),
      hold: () => {},
      stop: () => {},
      advance: (_track, t, dt) => t + dt,
      speaking: () => speaking,
    };
    d.voice = voice;
    useTour.getState().start();
    const standing: Visitor = { x: gulangyu.spawns[0].x, z: gulangyu.spawns[0].z, ry: 0 };
    run(d, 0.2, () => standing);
    expect(said).toEqual([say(0)]);
    run(d, 60, () => standing);
    expect(useTour.getState()).toMatchObject({ phase: 'telling', told: 0 });
    expect(d.clip).toBe('talk');
    speaking = false;
    run(
      d,
      5,
      () => standing,
      () => useTour.getState().phase !== 'telling',
    );
    expect(useTour.getState().phase).toBe('walking');
  });
});
