/**
 * Hall layouts name what they hold: regions and features are found by id or kind, a scenery
 * kind no scene draws fails the parse, and names cannot repeat.
 */
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/halls';
import { hallLayoutSchema } from '../../shared/layoutSchema';
import { extent, feature, featuresOf, region, regionsOf } from '../../shared/layoutParts';
import gulangyuRaw from '../../assets/halls/gulangyu.json';
import { testLayout } from '../fixtures/layout';

describe('layout parts', () => {
  it('finds the regions and features the scenes draw, by name and by kind', () => {
    const g = getLayout('gulangyu');
    expect(regionsOf(g, 'ground').map((r) => r.id)).toEqual(['island']);
    expect(region(g, 'pier').kind).toBe('pier');
    expect(regionsOf(g, 'bridge')).toHaveLength(4);
    expect(featuresOf(g, 'sea-wall').map((f) => f.id)).toEqual(['sea-wall-north', 'sea-wall-south']);
    const s = getLayout('shapowei');
    expect(extent(feature(s, 'basin').pts)).toEqual({ minX: -15, maxX: 15, minZ: -50, maxZ: 46 });
    // the ground wraps the basin on three sides and meets the sea along the basin's open end
    expect(extent(region(s, 'quays').poly).maxZ).toBe(extent(feature(s, 'basin').pts).maxZ);
    expect(regionsOf(s, 'bridge').map((r) => r.id)).toEqual(['footbridge', 'basin-mouth']);
  });

  it('throws, naming the hall, when a scene asks for a part that is not there', () => {
    const g = getLayout('gulangyu');
    expect(() => region(g, 'footbridge')).toThrow(/gulangyu: no walkable region 'footbridge'/);
    expect(() => feature(g, 'basin')).toThrow(/gulangyu: no feature 'basin'/);
  });

  it('gives the box round a set of points', () => {
    expect(
      extent([
        [3, -1],
        [-2, 4],
        [0, 0],
      ]),
    ).toEqual({ minX: -2, maxX: 3, minZ: -1, maxZ: 4 });
  });
});

describe('hall layout schema', () => {
  const scenery = (gulangyuRaw as { scenery: { kind: string }[] }).scenery;

  it('refuses a scenery kind no scene draws (a typo draws nothing otherwise)', () => {
    const typo = { ...gulangyuRaw, scenery: [...scenery, { kind: 'banyon', x: 0, z: 0 }] };
    const r = hallLayoutSchema.safeParse(typo);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['scenery', scenery.length, 'kind']);
  });

  it('refuses a walkable region without a name or kind, and repeated region names', () => {
    const square = [
      [-1, -1],
      [1, -1],
      [1, 1],
    ];
    expect(hallLayoutSchema.safeParse({ ...gulangyuRaw, walkable: [square] }).success).toBe(false);
    expect(hallLayoutSchema.safeParse({ ...gulangyuRaw, walkable: [{ id: 'a', kind: 'lawn', poly: square }] }).success).toBe(false);
    const twice = hallLayoutSchema.safeParse({
      ...gulangyuRaw,
      walkable: [
        { id: 'a', kind: 'ground', poly: square },
        { id: 'a', kind: 'pier', poly: square },
      ],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0].message).toBe('duplicate id a');
  });

  it('refuses repeated feature names', () => {
    const wall = {
      id: 'w',
      kind: 'sea-wall',
      pts: [
        [0, 0],
        [1, 0],
      ],
    };
    expect(hallLayoutSchema.safeParse({ ...gulangyuRaw, features: [wall, wall] }).success).toBe(false);
    expect(testLayout({ features: [wall] }).features).toHaveLength(1);
  });
});
