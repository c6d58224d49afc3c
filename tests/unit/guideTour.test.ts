/**
 * The guide's private tour without a browser (issue #12): the legs between stops stay on walkable
 * ground in both halls, the mouth track follows the caption's syllables, captions are told in the
 * visitor's language with the stop's hotspot story, and the driver walks, waits, tells and moves on
 * as the tour store says, with the controls (skip, replay, pause, end) doing what their labels say.
 */
import { describe, expect, it } from 'vitest';
import { getLayout, HALL_IDS } from '../../shared/halls';
import { isWalkable } from '../../shared/layout';
import { mouthTrack, RATE_EN, RATE_ZH, sampleMouth, VISEMES } from '../../client/src/scene/guide/lipSync';
import { clearLine, pathLength, planPath } from '../../client/src/scene/guide/tourPath';
import { homeSpot, TourDriver, WAIT_FAR, WALK_SPEED, type Visitor } from '../../client/src/scene/guide/tourDriver';
import { stopCaption, spokenText } from '../../client/src/ui/guide/tourScript';
import { useTour } from '../../client/src/ui/guide/tourStore';
import { zhCN } from '../../client/src/ui/guide/locales/zh-CN';
import { en } from '../../client/src/ui/guide/locales/en';

describe('tour paths', () => {
  for (const hall of HALL_IDS) {
    it(`every leg between ${hall}'s tour stops is walkable, and not much longer than needed`, () => {
      const layout = getLayout(hall);
      const stops = layout.tourStops;
      for (let i = 0; i + 1 < stops.length; i++) {
        const path = planPath(layout, stops[i], stops[i + 1]);
        expect(path.at(-1)).toEqual({ x: stops[i + 1].x, z: stops[i + 1].z });
        let from = { x: stops[i].x, z: stops[i].z };
        for (const p of path) {
          expect(clearLine(layout, from, p), `${hall} leg ${i}: (${from.x}, ${from.z}) -> (${p.x}, ${p.z})`).toBe(true);
          from = p;
        }
        const straight = Math.hypot(stops[i + 1].x - stops[i].x, stops[i + 1].z - stops[i].z);
        expect(pathLength(stops[i], path)).toBeLessThan(straight * 2.5 + 10);
      }
    });
  }

  it('a clear straight line is walked as it is', () => {
    const layout = getLayout('gulangyu');
    const [a, b] = layout.tourStops;
    expect(planPath(layout, a, b)).toEqual([{ x: b.x, z: b.z }]);
  });
});

describe('mouth track', () => {
  it('gives a Chinese character a syllable at the Chinese rate, with rests at punctuation', () => {
    const t = mouthTrack('欢迎来到鼓浪屿！');
    expect(t.syllables).toHaveLength(7);
    expect(t.syllables[1].start).toBeCloseTo(1 / RATE_ZH);
    expect(t.duration).toBeGreaterThan(7 / RATE_ZH);
  });

  it('counts English syllables by vowel groups, a silent final e dropped', () => {
    expect(mouthTrack('stone').syllables).toHaveLength(1);
    expect(mouthTrack('Welcome to Gulangyu').syllables).toHaveLength(2 + 1 + 3);
    expect(mouthTrack('island').syllables[0].dur).toBeCloseTo(1 / RATE_EN);
  });

  it('opens one vowel at a time and closes between syllables and after the end', () => {
    const t = mouthTrack('鼓浪');
    const out = new Float32Array(VISEMES.length);
    sampleMouth(t, t.syllables[0].dur * 0.35, out);
    expect(Math.max(...out)).toBeGreaterThan(0.6);
    expect([...out].filter((v) => v > 0)).toHaveLength(1);
    sampleMouth(t, t.syllables[0].dur * 0.999, out);
    expect(Math.max(...out)).toBeLessThan(0.05);
    sampleMouth(t, t.duration + 1, out);
    expect(Math.max(...out)).toBe(0);
  });
});

describe('stop captions', () => {
  const layout = getLayout('gulangyu');
  it("tells the stop's line and, at a landmark, its hotspot's story, in the visitor's language", () => {
    const zh = stopCaption(layout, 0, 'zh-CN')!;
    expect(zh.stopId).toBe('t1');
    expect(zh.paragraphs[0]).toBe(layout.tourStops[0].say.zh);
    const pier = layout.hotspots.find((h) => h.id === 'ferry-pier')!;
    expect(zh.title).toBe(pier.title.zh);
    expect(zh.paragraphs[1]).toBe(pier.body.zh);
    const english = stopCaption(layout, 0, 'en')!;
    expect(english.paragraphs).toEqual([layout.tourStops[0].say.en, pier.body.en]);
    expect(spokenText(english)).toContain(pier.body.en);
  });

  it('a stop away from any hotspot tells its line alone', () => {
    const plaza = stopCaption(layout, 1, 'zh-CN')!;
    expect(plaza.title).toBe('');
    expect(plaza.paragraphs).toEqual([layout.tourStops[1].say.zh]);
    expect(stopCaption(layout, 99, 'zh-CN')).toBeNull();
  });

  it('the guide namespace has the same keys in both languages', () => {
    const flat = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [p + k] : flat(v as object, `${p}${k}.`)));
    expect(flat(en).sort()).toEqual(flat(zhCN).sort());
  });
});

/** Runs the driver for `seconds` at 20 frames a second, the visitor given by `where(t)`. */
function run(driver: TourDriver, seconds: number, where: (t: number) => Visitor | null, until?: () => boolean): number {
  const dt = 0.05;
  let t = 0;
  while (t < seconds) {
    driver.step(dt, where(t), useTour.getState());
    t += dt;
    if (until?.()) break;
  }
  return t;
}

describe('the tour driver', () => {
  const layout = getLayout('gulangyu');
  const say = (i: number) => spokenText(stopCaption(layout, i, 'zh-CN')!);
  const spawn = layout.spawns[0];
  const standing: Visitor = { x: spawn.x, z: spawn.z, ry: spawn.ry };

  function fresh(): TourDriver {
    useTour.getState().end();
    useTour.getState().setCount(layout.tourStops.length);
    return new TourDriver(layout, homeSpot(layout), say);
  }

  it('stands at the first stop facing the spawn', () => {
    const home = homeSpot(layout);
    expect(home).toMatchObject({ x: layout.tourStops[0].x, z: layout.tourStops[0].z });
    // spawn is at +x from the first stop: facing +x is yaw pi/2
    expect(home.yaw).toBeCloseTo(Math.atan2(spawn.x - home.x, spawn.z - home.z));
    const shapowei = getLayout('shapowei');
    const h2 = homeSpot(shapowei);
    expect(Math.hypot(h2.x - shapowei.spawns[0].x, h2.z - shapowei.spawns[0].z)).toBeGreaterThan(2);
    expect(isWalkable(shapowei, h2.x, h2.z)).toBe(true);
  });

  it('tells stop 1 (point, then talk), walks toward stop 2, and waits when the visitor stays behind', () => {
    const d = fresh();
    useTour.getState().start();
    run(d, 0.2, () => standing);
    expect(useTour.getState()).toMatchObject({ phase: 'telling', told: 0 });
    expect(d.clip).toBe('point');
    expect(d.mouthTime(useTour.getState())).toBeGreaterThan(0);
    run(d, 3, () => standing);
    expect(d.clip).toBe('talk');
    // the telling ends by itself and the guide sets off
    run(
      d,
      60,
      () => standing,
      () => useTour.getState().phase !== 'telling',
    );
    expect(useTour.getState()).toMatchObject({ phase: 'walking', stop: 1, told: 0 });
    const x0 = d.x;
    run(d, 1, () => standing);
    expect(d.clip).toBe('walk');
    expect(x0 - d.x).toBeCloseTo(WALK_SPEED * 1, 0);
    // the visitor stays at the spawn: the guide stops once they are WAIT_FAR behind
    run(
      d,
      20,
      () => standing,
      () => useTour.getState().phase === 'waiting',
    );
    expect(useTour.getState().phase).toBe('waiting');
    expect(Math.hypot(d.x - standing.x, d.z - standing.z)).toBeGreaterThan(WAIT_FAR);
    const waitingAt = d.x;
    run(d, 5, () => standing);
    expect(d.x).toBe(waitingAt);
    // the visitor comes along: the guide walks on to stop 2 and tells it
    const beside = (): Visitor => ({ x: d.x + 2, z: d.z, ry: 0 });
    run(d, 60, beside, () => useTour.getState().phase === 'telling');
    expect(useTour.getState()).toMatchObject({ phase: 'telling', told: 1, stop: 1 });
    expect(Math.hypot(d.x - layout.tourStops[1].x, d.z - layout.tourStops[1].z)).toBeLessThan(0.01);
  });

  it('skip goes on to the next stop, replay tells this one again, pause holds, end stops', () => {
    const d = fresh();
    useTour.getState().start();
    run(d, 0.5, () => standing);
    expect(useTour.getState().told).toBe(0);
    useTour.getState().skip();
    expect(useTour.getState()).toMatchObject({ phase: 'walking', stop: 1, told: null });
    const take = useTour.getState().take;
    useTour.getState().replay();
    expect(useTour.getState()).toMatchObject({ phase: 'telling', told: 0, take: take + 1 });
    run(d, 0.5, () => standing);
    expect(d.speechT).toBeCloseTo(0.5, 1);
    useTour.getState().togglePause();
    run(d, 2, () => standing);
    expect(d.speechT).toBeCloseTo(0.5, 1);
    expect(d.mouthTime(useTour.getState())).toBe(-1);
    useTour.getState().togglePause();
    // skipping past the last stop sends the guide on to the booth district; skipping that ends the tour
    for (let i = 0; i < layout.tourStops.length; i++) useTour.getState().skip();
    expect(useTour.getState()).toMatchObject({ phase: 'toBooths', told: null });
    useTour.getState().skip();
    expect(useTour.getState().phase).toBe('done');
    useTour.getState().end();
    expect(useTour.getState()).toMatchObject({ active: false, phase: 'off', told: null });
    run(d, 0.5, () => standing);
    expect(d.track).toBeNull();
  });

  it('a tour started far from the guide brings the guide to the visitor first', () => {
    const d = fresh();
    const far: Visitor = { x: 20, z: -36, ry: 0 };
    useTour.getState().start();
    run(d, 0.05, () => far);
    expect(Math.hypot(d.x - far.x, d.z - far.z)).toBeLessThan(3);
    expect(isWalkable(layout, d.x, d.z)).toBe(true);
    expect(useTour.getState().phase).toBe('walking');
  });
});
