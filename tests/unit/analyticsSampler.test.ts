/**
 * The hall sampler (server/analytics/sampler.ts) on plain data: visits, unique visitors, dwell and
 * grid cells from the poses it is shown once a second.
 */
import { describe, expect, it } from 'vitest';
import { BOOTH_LEAVE_PAD_M, BOOTH_REACH_PAD_M, CELL_M, DAY_MS, DAY_OFFSET_MS, dwellBucket } from '../../shared/api/analytics';
import { getLayout } from '../../shared/halls';
import { SLOT_RADIUS } from '../../shared/layout';
import { boothReaches, HallSampler } from '../../server/analytics/sampler';
import { cellKey, cellOf, minuteOf, Pending } from '../../server/analytics/pending';

const layout = getLayout('gulangyu');
const slot = layout.boothSlots[0];
const reach = SLOT_RADIUS[slot.size] + BOOTH_REACH_PAD_M;
const leave = SLOT_RADIUS[slot.size] + BOOTH_LEAVE_PAD_M;
// 10:00 China time on some day
const T0 = Math.floor(1_750_000_000_000 / DAY_MS) * DAY_MS - DAY_OFFSET_MS + 10 * 3600_000;

type Pose = { x: number; z: number; connected: boolean };
const cm = (m: number) => Math.round(m * 100);
const at = (dx: number, dz = 0, connected = true): Pose => ({ x: cm(slot.x + dx), z: cm(slot.z + dz), connected });

function setup() {
  let pending = new Pending();
  const sampler = new HallSampler('gulangyu', () => pending);
  sampler.setPlacement('expo1', boothReaches(layout, [{ boothId: 'boothA', slotId: slot.id }]), T0);
  const visitors = new Map<string, Pose>();
  const take = () => {
    const p = pending;
    pending = new Pending();
    return p;
  };
  return { sampler, visitors, take, pending: () => pending };
}

const boothTotals = (p: Pending) => {
  const t = { visits: 0, uniques: 0, dwellS: 0, dwellN: 0 };
  for (const [k, c] of p.booths)
    if (k.startsWith('boothA|')) {
      t.visits += c.visits;
      t.uniques += c.uniques;
      t.dwellS += c.dwellS;
      t.dwellN += c.dwellN;
    }
  return t;
};

describe('hall sampler', () => {
  it('counts a visit when a visitor walks into reach, its dwell when they walk out', () => {
    const { sampler, visitors, pending } = setup();
    visitors.set('s1', at(reach + 5));
    sampler.sample(visitors, T0);
    expect(boothTotals(pending()).visits).toBe(0);
    visitors.set('s1', at(reach - 0.5));
    sampler.sample(visitors, T0 + 1000);
    expect(boothTotals(pending())).toEqual({ visits: 1, uniques: 1, dwellS: 0, dwellN: 0 });
    // between the two reaches: still the same visit
    for (let i = 2; i < 47; i++) {
      visitors.set('s1', at((reach + leave) / 2));
      sampler.sample(visitors, T0 + i * 1000);
    }
    expect(boothTotals(pending()).visits).toBe(1);
    visitors.set('s1', at(leave + 0.5));
    sampler.sample(visitors, T0 + 47_000);
    expect(boothTotals(pending())).toEqual({ visits: 1, uniques: 1, dwellS: 46, dwellN: 1 });
    expect([...pending().dwell]).toEqual([[`boothA|${minuteOf(T0 + 47_000)}|${dwellBucket(46)}`, 1]]);
  });

  it('does not start a visit between the reaches: arriving needs the inner one', () => {
    const { sampler, visitors, pending } = setup();
    visitors.set('s1', at((reach + leave) / 2));
    for (let i = 0; i < 5; i++) sampler.sample(visitors, T0 + i * 1000);
    expect(boothTotals(pending()).visits).toBe(0);
  });

  it('counts a session once a day as a unique visitor, every arrival as a visit', () => {
    const { sampler, visitors, take } = setup();
    const walk = (t: number) => {
      visitors.set('s1', at(0, reach - 1));
      sampler.sample(visitors, t);
      visitors.set('s1', at(0, leave + 3));
      sampler.sample(visitors, t + 1000);
    };
    walk(T0);
    walk(T0 + 10_000);
    walk(T0 + 20_000);
    expect(boothTotals(take())).toMatchObject({ visits: 3, uniques: 1, dwellN: 3 });
    // the next China day, 00:00:30 local
    walk(T0 - 10 * 3600_000 + DAY_MS + 30_000);
    expect(boothTotals(take())).toMatchObject({ visits: 1, uniques: 1 });
    // another session is another visitor
    visitors.clear();
    visitors.set('s2', at(0, 0.5));
    sampler.sample(visitors, T0 + DAY_MS);
    expect(boothTotals(take())).toMatchObject({ visits: 1, uniques: 1 });
  });

  it('adds one visitor-second per connected visitor to the cell they stand in', () => {
    const { sampler, visitors, pending } = setup();
    visitors.set('a', { x: 150, z: -50, connected: true });
    visitors.set('b', { x: 199, z: -1, connected: true });
    visitors.set('c', { x: 2000, z: 2000, connected: true });
    visitors.set('gone', { x: 150, z: -50, connected: false });
    sampler.sample(visitors, T0);
    sampler.sample(visitors, T0 + 1000);
    const cells = pending().cells.get(`expo1|gulangyu|${minuteOf(T0)}`)!;
    const byCell = Object.fromEntries([...cells].map(([k, n]) => [cellOf(k).join(','), n]));
    // 2 m cells: (1.5, -0.5) and (1.99, -0.01) are both in cell (0, -1)
    expect(CELL_M).toBe(2);
    expect(byCell).toEqual({ '0,-1': 4, '10,10': 2 });
    expect(pending().size()).toBe(2);
    expect(cellOf(cellKey(-164, 163))).toEqual([-164, 163]);
  });

  it('ends the visit of someone who left the room, and every open visit on close', () => {
    const { sampler, visitors, pending } = setup();
    visitors.set('s1', at(0, reach - 1));
    visitors.set('s2', at(0, reach - 1));
    sampler.sample(visitors, T0);
    visitors.delete('s1');
    sampler.sample(visitors, T0 + 12_000);
    expect(boothTotals(pending())).toMatchObject({ visits: 2, dwellN: 1, dwellS: 12 });
    expect(sampler.tracked()).toBe(1);
    sampler.close(T0 + 65_000);
    expect(boothTotals(pending())).toMatchObject({ visits: 2, dwellN: 2, dwellS: 12 + 65 });
    expect(sampler.tracked()).toBe(0);
  });

  it('ends visits at a booth that left the hall, and counts nothing without a running expo', () => {
    const { sampler, visitors, pending } = setup();
    visitors.set('s1', at(0, reach - 1));
    sampler.sample(visitors, T0);
    sampler.setPlacement('expo1', [], T0 + 5000);
    expect(boothTotals(pending())).toMatchObject({ visits: 1, dwellN: 1, dwellS: 5 });
    sampler.setPlacement(null, [], T0 + 6000);
    const before = pending().size();
    sampler.sample(visitors, T0 + 7000);
    expect(pending().size()).toBe(before);
  });

  it('merges a failed batch back without losing a count', () => {
    const a = new Pending();
    const b = new Pending();
    a.booth('x', 0).visits = 2;
    a.addDwell('x', 0, 3, 90);
    a.addCell(a.cellsOf('e', 'gulangyu', 0), cellKey(1, 2), 5);
    b.booth('x', 0).visits = 1;
    b.addCell(b.cellsOf('e', 'gulangyu', 0), cellKey(1, 2), 2);
    b.addCell(b.cellsOf('e', 'gulangyu', 60_000), cellKey(1, 2), 1);
    a.merge(b);
    expect(a.booth('x', 0)).toMatchObject({ visits: 3, dwellS: 90, dwellN: 1 });
    expect(a.cellsOf('e', 'gulangyu', 0).get(cellKey(1, 2))).toBe(7);
    expect(a.size()).toBe(1 + 1 + 2);
  });
});
