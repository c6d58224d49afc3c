import { describe, expect, it } from 'vitest';
import { HALL_IDS, getLayout } from '../../../shared/halls';
import { isWalkable } from '../../../shared/layout';
import { JoinError, PROTOCOL_VERSION } from '../../../shared/protocol';
import { fromCm } from '../../../shared/quantize';
import { checkJoin, createVisitor } from '../../../server/rooms/handlers/join';
import { testLayout } from '../../fixtures/layout';

const opts = (o: Record<string, unknown> = {}) => ({ protocol: PROTOCOL_VERSION, hallId: 'gulangyu', name: 'Alice', color: 2, style: 1, ...o });

describe('checkJoin', () => {
  it('accepts good options and returns the cleaned name', () => {
    expect(checkJoin(opts({ name: '  小白鹭 ' }))).toEqual({ ok: true, auth: { hallId: 'gulangyu', name: '小白鹭', color: 2, style: 1 } });
  });

  it('checks the protocol version first, so any other client is told to reload', () => {
    expect(checkJoin(opts({ protocol: PROTOCOL_VERSION + 1 }))).toEqual({ ok: false, code: JoinError.outdated });
    expect(checkJoin(opts({ protocol: PROTOCOL_VERSION - 1, name: '', hallId: 'atlantis' }))).toEqual({ ok: false, code: JoinError.outdated });
    expect(checkJoin({})).toEqual({ ok: false, code: JoinError.outdated });
    expect(checkJoin(null)).toEqual({ ok: false, code: JoinError.outdated });
    expect(checkJoin(undefined)).toEqual({ ok: false, code: JoinError.outdated });
    expect(checkJoin('v1')).toEqual({ ok: false, code: JoinError.outdated });
  });

  it('refuses unknown halls', () => {
    expect(checkJoin(opts({ hallId: 'atlantis' }))).toEqual({ ok: false, code: JoinError.unknownHall });
  });

  it('refuses malformed options', () => {
    expect(checkJoin(opts({ color: 100 }))).toEqual({ ok: false, code: JoinError.badOptions });
    expect(checkJoin(opts({ name: 7 }))).toEqual({ ok: false, code: JoinError.badOptions });
    expect(checkJoin(opts({ hallId: 'BAD HALL' }))).toEqual({ ok: false, code: JoinError.badOptions });
  });

  it('refuses bad names with the problem as detail', () => {
    expect(checkJoin(opts({ name: '  ' }))).toEqual({ ok: false, code: JoinError.badName, detail: 'empty' });
    expect(checkJoin(opts({ name: 'a\u202eb' }))).toEqual({ ok: false, code: JoinError.badName, detail: 'control_chars' });
    expect(checkJoin(opts({ name: '鹭'.repeat(25) }))).toEqual({ ok: false, code: JoinError.badName, detail: 'too_long' });
  });
});

describe('createVisitor', () => {
  const auth = { hallId: 'gulangyu' as const, name: 'Alice', color: 3, style: 2 };

  it('copies the look and places the visitor at the spawn, facing its direction', () => {
    const v = createVisitor(auth, testLayout(), 0);
    expect(v.name).toBe('Alice');
    expect(v.color).toBe(3);
    expect(v.style).toBe(2);
    expect([v.x, v.z]).toEqual([0, 0]);
    expect(v.ry).toBe(64); // +pi/2
    expect(v.anim).toBe(0);
    expect(v.connected).toBe(true);
  });

  it('spreads newcomers so they do not stand on each other', () => {
    const layout = testLayout();
    const spots = new Set<string>();
    for (let seq = 0; seq < 12; seq++) {
      const v = createVisitor(auth, layout, seq);
      spots.add(`${v.x},${v.z}`);
      expect(Math.hypot(fromCm(v.x), fromCm(v.z))).toBeLessThan(3);
    }
    expect(spots.size).toBe(12);
  });

  it.each(HALL_IDS)('every newcomer in %s stands on walkable ground', (hallId) => {
    const layout = getLayout(hallId);
    for (let seq = 0; seq < 60; seq++) {
      const v = createVisitor({ ...auth, hallId }, layout, seq);
      expect(isWalkable(layout, fromCm(v.x), fromCm(v.z)), `seq ${seq} at (${fromCm(v.x)}, ${fromCm(v.z)})`).toBe(true);
    }
  });

  it('stands on the ground height of where it spawns', () => {
    const layout = testLayout({ spawns: [{ x: -10, z: -10, ry: 0 }] });
    const v = createVisitor(auth, layout, 0);
    expect(fromCm(v.y)).toBeCloseTo(2, 2);
  });
});
