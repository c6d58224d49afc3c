/**
 * The hall's "nearby" list for keyboard and screen-reader visitors (client/src/ui/a11y/nearby.ts):
 * which desks, in which order, how far and which way in the arrow keys' frame; and the `a11y`
 * namespace's two languages have the same keys.
 */
import { describe, expect, it } from 'vitest';
import { directionFrom, nearbySignature, nearestDesks, roundDistance } from '../../client/src/ui/a11y/nearby';
import type { Desk } from '../../client/src/scene/proximity/desks';
import { zhCN } from '../../client/src/ui/a11y/locales/zh-CN';
import { en } from '../../client/src/ui/a11y/locales/en';

const desk = (kind: Desk['kind'], id: string, x: number, z: number, radius = 1): Desk => ({ kind, id, x, z, radius, leave: 1 });

describe('directionFrom', () => {
  // yaw 0: the camera looks along +z, and right is -x (controls/localMotion.ts)
  it('names the eight sectors in the camera frame', () => {
    expect(directionFrom(0, 10, 0)).toBe('ahead');
    expect(directionFrom(0, -10, 0)).toBe('behind');
    expect(directionFrom(-10, 0, 0)).toBe('right');
    expect(directionFrom(10, 0, 0)).toBe('left');
    expect(directionFrom(-10, 10, 0)).toBe('aheadRight');
    expect(directionFrom(10, 10, 0)).toBe('aheadLeft');
    expect(directionFrom(-10, -10, 0)).toBe('behindRight');
    expect(directionFrom(10, -10, 0)).toBe('behindLeft');
  });
  it('turns with the camera', () => {
    // yaw π/2: looking along +x, right is +z
    expect(directionFrom(10, 0, Math.PI / 2)).toBe('ahead');
    expect(directionFrom(0, 10, Math.PI / 2)).toBe('right');
    expect(directionFrom(0, -10, Math.PI / 2)).toBe('left');
    expect(directionFrom(10, 0, -Math.PI / 2 + 2 * Math.PI * 3)).toBe('behind');
  });
  it('puts a point just off the axis in the axis sector', () => {
    expect(directionFrom(0.3, 10, 0)).toBe('ahead');
  });
});

describe('roundDistance', () => {
  it('says whole metres up close and fives further out, never 0 unless there', () => {
    expect(roundDistance(-1)).toBe(0);
    expect(roundDistance(0)).toBe(0);
    expect(roundDistance(0.2)).toBe(1);
    expect(roundDistance(7.4)).toBe(7);
    expect(roundDistance(19.4)).toBe(19);
    expect(roundDistance(23)).toBe(25);
    expect(roundDistance(41)).toBe(40);
  });
});

describe('nearestDesks', () => {
  const desks: Desk[] = [
    desk('booth', 'b1', 0, 10),
    // a booth is two circles (its footprint and the spot in front): the closer one counts, once
    desk('booth', 'b2', 0, 30, 3),
    desk('booth', 'b2', 0, 5, 2),
    desk('hotspot', 'pier', 20, 0, 4),
    desk('guide', 'g', 0, 1),
    desk('booth', 'b3', 0, -50),
  ];

  it('lists the n nearest, one entry per desk, nearest first', () => {
    const list = nearestDesks(desks, 0, 0, 0, 3, { kinds: ['booth', 'hotspot'] });
    expect(list.map((e) => e.id)).toEqual(['b2', 'b1', 'pier']);
    expect(list[0]).toEqual({ kind: 'booth', id: 'b2', distance: 3, direction: 'ahead' });
    expect(list[1]).toEqual({ kind: 'booth', id: 'b1', distance: 9, direction: 'ahead' });
    expect(list[2]).toEqual({ kind: 'hotspot', id: 'pier', distance: 16, direction: 'left' });
  });

  it('leaves out kinds not asked for, and says "here" inside a desk', () => {
    expect(nearestDesks(desks, 0, 0, 0, 10).map((e) => e.id)).toContain('g');
    expect(nearestDesks(desks, 0, 0, 0, 10, { kinds: ['booth'] }).map((e) => e.id)).toEqual(['b2', 'b1', 'b3']);
    const at = nearestDesks(desks, 0, 5.5, 0, 1, { kinds: ['booth'] });
    expect(at).toEqual([{ kind: 'booth', id: 'b2', distance: 0, direction: 'here' }]);
  });

  it('keeps the focused entry listed when others come closer', () => {
    const list = nearestDesks(desks, 0, 0, 0, 2, { kinds: ['booth', 'hotspot'], keep: { kind: 'booth', id: 'b3' } });
    expect(list.map((e) => e.id)).toEqual(['b2', 'b3']);
    // already in: nothing changes
    expect(nearestDesks(desks, 0, 0, 0, 2, { keep: { kind: 'booth', id: 'b2' }, kinds: ['booth'] }).map((e) => e.id)).toEqual(['b2', 'b1']);
    // gone from the hall: ignored
    expect(nearestDesks(desks, 0, 0, 0, 2, { keep: { kind: 'booth', id: 'nope' }, kinds: ['booth'] }).map((e) => e.id)).toEqual(['b2', 'b1']);
  });

  it('orders ties by id (no flicker) and handles n = 0 and no desks', () => {
    const tie = [desk('booth', 'z', 5, 0), desk('booth', 'a', -5, 0)];
    expect(nearestDesks(tie, 0, 0, 0, 2).map((e) => e.id)).toEqual(['a', 'z']);
    expect(nearestDesks(tie, 0, 0, 0, 0)).toEqual([]);
    expect(nearestDesks([], 0, 0, 0, 5)).toEqual([]);
  });

  it('changes its signature only when what it says changes', () => {
    const a = nearestDesks(desks, 0, 0, 0, 3, { kinds: ['booth', 'hotspot'] });
    const b = nearestDesks(desks, 0, 0.2, 0.05, 3, { kinds: ['booth', 'hotspot'] });
    expect(nearbySignature(a)).toBe(nearbySignature(b));
    const c = nearestDesks(desks, 0, 3, 0, 3, { kinds: ['booth', 'hotspot'] });
    expect(nearbySignature(c)).not.toBe(nearbySignature(a));
  });
});

describe('a11y i18n', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`)));
  it('has the same keys in Chinese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const k of keys(zhCN)) expect(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zhCN)).not.toBe('');
  });
  it('says the skip link in both languages', () => {
    expect(zhCN.skip).toBe('跳到 2D 目录');
    expect(en.skip).toBe('Skip to 2D catalog');
  });
});
