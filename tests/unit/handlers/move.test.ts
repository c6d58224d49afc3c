import { describe, expect, it } from 'vitest';
import { MAX_MOVE_DT_MS, SPEED_TOLERANCE, WALK_SPEED } from '../../../shared/constants';
import { isWalkable } from '../../../shared/layout';
import { fromCm, toCm } from '../../../shared/quantize';
import { Visitor } from '../../../shared/schema/Visitor';
import { applyMove } from '../../../server/rooms/handlers/move';
import { testLayout } from '../../fixtures/layout';

const layout = testLayout();
const SLACK = 0.1;
const maxStep = (dtMs: number) => WALK_SPEED * SPEED_TOLERANCE * (dtMs / 1000) + SLACK;

function visitorAt(x: number, z: number): Visitor {
  const v = new Visitor();
  v.x = toCm(x);
  v.z = toCm(z);
  return v;
}
const pos = (v: Visitor) => ({ x: fromCm(v.x), z: fromCm(v.z) });
const move = (x: number, z: number, ry = 0, moving = true) => ({ x, z, ry, moving });

describe('applyMove', () => {
  it('grants a move within walking speed exactly', () => {
    const v = visitorAt(0, 0);
    const clock = { lastMoveAt: 1000 };
    const r = applyMove(v, clock, move(-0.4, 0.2), 1100, layout);
    expect(r.clamped).toBe(false);
    expect(pos(v)).toEqual({ x: -0.4, z: 0.2 });
    expect(clock.lastMoveAt).toBe(1100);
    expect(v.anim).toBe(1);
  });

  it('clamps a too-fast move to the distance walking allows, in the asked direction', () => {
    const v = visitorAt(0, 0);
    const r = applyMove(v, { lastMoveAt: 0 }, move(-30, -40), 100, layout);
    expect(r.clamped).toBe(true);
    const p = pos(v);
    expect(Math.hypot(p.x, p.z)).toBeCloseTo(maxStep(100), 1);
    expect(Math.hypot(p.x, p.z)).toBeLessThanOrEqual(maxStep(100) + 0.01);
    expect(p.z / p.x).toBeCloseTo(40 / 30, 1);
  });

  it(`bounds the time one move may claim to ${MAX_MOVE_DT_MS} ms, so standing still banks nothing`, () => {
    const v = visitorAt(0, 0);
    applyMove(v, { lastMoveAt: 0 }, move(-19, 0), 60_000, layout);
    expect(-pos(v).x).toBeCloseTo(maxStep(MAX_MOVE_DT_MS), 1);
  });

  it('allows only the slack when messages arrive with no time between them, or the clock runs backwards', () => {
    const v = visitorAt(0, 0);
    const clock = { lastMoveAt: 5000 };
    for (let i = 0; i < 20; i++) applyMove(v, clock, move(-19, 0), 5000, layout);
    // Each of the 20 zero-time messages may move at most the slack.
    expect(-pos(v).x).toBeLessThanOrEqual(20 * SLACK + 0.01);

    const w = visitorAt(0, 0);
    applyMove(w, { lastMoveAt: 10_000 }, move(-19, 0), 0, layout);
    expect(-pos(w).x).toBeLessThanOrEqual(SLACK + 0.005);
  });

  it('sustained fast requests never exceed walking speed over time', () => {
    const v = visitorAt(0, 0);
    const clock = { lastMoveAt: 0 };
    for (let t = 100; t <= 2000; t += 100) applyMove(v, clock, move(-19, -19), t, layout);
    const d = Math.hypot(pos(v).x, pos(v).z);
    expect(d).toBeLessThanOrEqual(20 * maxStep(100) + 0.01);
    expect(d).toBeGreaterThan(2 * WALK_SPEED); // and it did walk
  });

  it('cannot leave the walkable area however it pushes', () => {
    const v = visitorAt(18, 18);
    const clock = { lastMoveAt: 0 };
    for (let t = 100; t <= 3000; t += 100) {
      applyMove(v, clock, move(999, 999), t, layout);
      expect(isWalkable(layout, pos(v).x, pos(v).z)).toBe(true);
    }
    expect(pos(v).x).toBeLessThanOrEqual(20);
    expect(pos(v).z).toBeLessThanOrEqual(20);
  });

  it('slides along a wall instead of sticking to it', () => {
    const v = visitorAt(19.5, 0);
    const clock = { lastMoveAt: 0 };
    // Asking to go diagonally into the east wall still makes progress north.
    for (let t = 100; t <= 1000; t += 100) applyMove(v, clock, move(fromCm(v.x) + 0.3, fromCm(v.z) + 0.3), t, layout);
    expect(pos(v).x).toBeLessThanOrEqual(20);
    expect(pos(v).z).toBeGreaterThan(2);
  });

  it('cannot walk through a solid collider', () => {
    const v = visitorAt(2, 0);
    const clock = { lastMoveAt: 0 };
    // Straight east, through the pillar at (5, 0) r=1.
    for (let t = 100; t <= 3000; t += 100) {
      applyMove(v, clock, move(fromCm(v.x) + 0.4, 0), t, layout);
      expect(isWalkable(layout, pos(v).x, pos(v).z)).toBe(true);
    }
    expect(pos(v).x).toBeLessThan(5 - 1);
  });

  it('sets height from the ground under the visitor', () => {
    const v = visitorAt(-10, -8);
    applyMove(v, { lastMoveAt: 0 }, move(-10, -9.5), 500, layout);
    expect(fromCm(v.y)).toBeCloseTo(2, 1);
    applyMove(v, { lastMoveAt: 500 }, move(-10, -7), 1000, layout);
    expect(fromCm(v.y)).toBeLessThan(2);
  });

  it('quantizes yaw to a byte and records walking vs standing', () => {
    const v = visitorAt(0, 0);
    const clock = { lastMoveAt: 0 };
    applyMove(v, clock, move(0, 0, Math.PI / 2, false), 100, layout);
    expect(v.ry).toBe(64);
    expect(v.anim).toBe(0);
    applyMove(v, clock, move(0, 0, -Math.PI / 2, true), 200, layout);
    expect(v.ry).toBe(192);
    expect(v.anim).toBe(1);
    applyMove(v, clock, move(0, 0, 7 * Math.PI, true), 300, layout);
    expect(v.ry).toBe(128);
  });
});
