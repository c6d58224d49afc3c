import { describe, expect, it } from 'vitest';
import {
  FAST_FRAME_MS,
  FAST_SECONDS,
  SETTLE_SECONDS,
  SLOW_FRAME_MS,
  SLOW_SECONDS,
  TIERS,
  governor,
  judge,
  startingTier,
  type Quality,
} from '../../client/src/scene/quality/tiers';
import { densityCount, spreadOrder } from '../../client/src/scene/quality/propDensity';

const SLOW = SLOW_FRAME_MS + 10;
const FAST = FAST_FRAME_MS - 4;
const OK = (SLOW_FRAME_MS + FAST_FRAME_MS) / 2;

/** Feeds one median per second; returns the tier after each. */
function run(start: Quality, medians: number[]): Quality[] {
  const g = governor(start);
  return medians.map((m) => judge(g, m));
}

const times = (n: number, ms: number) => Array<number>(n).fill(ms);

describe('quality tiers', () => {
  it('cost less at every step down: pixels, shadows, props, far avatars and tags', () => {
    const [low, medium, high] = [TIERS.low, TIERS.medium, TIERS.high];
    expect(low.maxDpr).toBe(1);
    expect(low.maxDpr < medium.maxDpr && medium.maxDpr <= high.maxDpr).toBe(true);
    expect(low.shadowMap).toBe(0);
    expect(medium.shadowMap).toBeLessThan(high.shadowMap);
    expect(low.propDensity < medium.propDensity && medium.propDensity < high.propDensity).toBe(true);
    expect(low.avatarDrawM < medium.avatarDrawM && medium.avatarDrawM < high.avatarDrawM).toBe(true);
    expect(low.labelFade[1] < medium.labelFade[1] && medium.labelFade[1] < high.labelFade[1]).toBe(true);
  });

  it('starts where this device settled last time, else medium on a phone and high on a desktop', () => {
    expect(startingTier('low', false)).toBe('low');
    expect(startingTier(null, true)).toBe('medium');
    expect(startingTier(null, false)).toBe('high');
  });

  it('ignores the settling seconds, then steps down one tier after the slow seconds in a row', () => {
    const tiers = run('high', times(SETTLE_SECONDS + SLOW_SECONDS, SLOW));
    expect(tiers.slice(0, -1).every((t) => t === 'high')).toBe(true);
    expect(tiers.at(-1)).toBe('medium');
  });

  it('does not step down for a hitch shorter than the slow seconds', () => {
    const hitch = [...times(SETTLE_SECONDS, OK), ...times(SLOW_SECONDS - 1, SLOW), OK, ...times(SLOW_SECONDS - 1, SLOW), OK];
    expect(run('high', hitch).every((t) => t === 'high')).toBe(true);
  });

  it('keeps stepping down while slow, settling between steps, and stops at low', () => {
    const tiers = run('high', times(40, SLOW));
    expect(tiers.at(-1)).toBe('low');
    const firstLow = tiers.indexOf('low');
    const firstMedium = tiers.indexOf('medium');
    expect(firstLow - firstMedium).toBe(SETTLE_SECONDS + SLOW_SECONDS);
  });

  it('steps up only after the fast seconds in a row', () => {
    const tiers = run('low', [...times(SETTLE_SECONDS, FAST), ...times(FAST_SECONDS - 1, FAST), OK, ...times(FAST_SECONDS, FAST)]);
    expect(tiers.slice(0, SETTLE_SECONDS + FAST_SECONDS).every((t) => t === 'low')).toBe(true);
    expect(tiers.at(-1)).toBe('medium');
  });

  it('never climbs back to a tier it left for being slow: no flapping', () => {
    // high is too slow, medium is fast: one step down, and it stays at medium however fast medium runs
    const g = governor('high');
    const seen: Quality[] = [];
    for (let s = 0; s < 600; s++) seen.push(judge(g, g.tier === 'high' ? SLOW : FAST));
    const changes = seen.filter((t, i) => i > 0 && t !== seen[i - 1]).length;
    expect(changes).toBe(1);
    expect(seen.at(-1)).toBe('medium');
  });

  it('thins decorative props evenly and never below the solid ones', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ x: i * 3.1, z: (i % 7) * 5.3, solid: i % 10 === 0 }));
    const { items: ordered, keep } = spreadOrder(items, (it) => it.solid);
    expect(keep).toBe(5);
    expect(ordered.slice(0, keep).every((it) => it.solid)).toBe(true);
    expect(new Set(ordered).size).toBe(50);
    expect(densityCount(50, keep, 1)).toBe(50);
    expect(densityCount(50, keep, 0.4)).toBe(5 + 18);
    expect(densityCount(50, keep, 0)).toBe(5);
    expect(densityCount(3, 0, 0)).toBe(1);
    expect(densityCount(0, 0, 1)).toBe(0);
    // a prefix is spread out, not one corner: the first 40% span most of the x range
    const xs = ordered.slice(keep, keep + 18).map((it) => it.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(100);
  });
});
