/** VR picking (client/src/vr/vrPick.ts): what a controller ray's hit means, and snap turn. */
import { describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/halls';
import { groundHeight, isWalkable } from '../../shared/layout';
import { classifyHit, snapTurn, SNAP_DEG } from '../../client/src/vr/vrPick';
import type { Desk } from '../../client/src/scene/proximity/desks';

const layout = getLayout('gulangyu');
const spawn = layout.spawns[0];
const ground = (x: number, z: number) => groundHeight(layout, x, z);

describe('classifyHit', () => {
  it('walkable ground is a teleport target', () => {
    expect(isWalkable(layout, spawn.x, spawn.z)).toBe(true);
    expect(classifyHit(layout, [], { x: spawn.x, y: ground(spawn.x, spawn.z), z: spawn.z })).toEqual({ kind: 'walk', x: spawn.x, z: spawn.z });
  });

  it('ground the layout does not let anyone walk on (sea, outside the hall) is nothing', () => {
    const far = { x: 10_000, z: 10_000 };
    expect(isWalkable(layout, far.x, far.z)).toBe(false);
    expect(classifyHit(layout, [], { ...far, y: 0 })).toEqual({ kind: 'none' });
  });

  it('a hit above the floor inside a booth desk opens that booth; on the floor there it is still a teleport', () => {
    const desk: Desk = { kind: 'booth', id: 'b1', x: spawn.x, z: spawn.z, radius: 3, leave: 1 };
    const hotspot: Desk = { kind: 'hotspot', id: 'h1', x: spawn.x, z: spawn.z, radius: 3, leave: 1 };
    const y = ground(spawn.x, spawn.z);
    expect(classifyHit(layout, [hotspot, desk], { x: spawn.x + 1, y: y + 1.2, z: spawn.z })).toEqual({ kind: 'booth', id: 'b1' });
    expect(classifyHit(layout, [desk], { x: spawn.x, y, z: spawn.z }).kind).toBe('walk');
    // a hit high up outside every booth desk (a wall, a tree) is not ground
    expect(classifyHit(layout, [desk], { x: spawn.x + 5, y: y + 3, z: spawn.z })).toEqual({ kind: 'none' });
  });

  it('of two booths, the one whose desk is closest (as a share of its radius) wins', () => {
    const a: Desk = { kind: 'booth', id: 'a', x: spawn.x, z: spawn.z, radius: 4, leave: 1 };
    const b: Desk = { kind: 'booth', id: 'b', x: spawn.x + 2, z: spawn.z, radius: 2, leave: 1 };
    expect(classifyHit(layout, [a, b], { x: spawn.x + 1.9, y: ground(spawn.x, spawn.z) + 1, z: spawn.z })).toEqual({ kind: 'booth', id: 'b' });
  });
});

describe('snapTurn', () => {
  const step = (SNAP_DEG * Math.PI) / 180;
  it('turns once per push, right is clockwise, and waits for the stick to come back', () => {
    const s = { armed: true };
    expect(snapTurn(s, 0.9)).toBeCloseTo(-step);
    expect(snapTurn(s, 1)).toBe(0);
    expect(snapTurn(s, 0.5)).toBe(0);
    expect(snapTurn(s, 0.1)).toBe(0);
    expect(snapTurn(s, -0.8)).toBeCloseTo(step);
  });
  it('ignores a stick resting off-centre below the threshold', () => {
    const s = { armed: true };
    expect(snapTurn(s, 0.5)).toBe(0);
    expect(snapTurn(s, -0.6)).toBe(0);
  });
  it('turns 30° to 45°', () => {
    expect(SNAP_DEG).toBeGreaterThanOrEqual(30);
    expect(SNAP_DEG).toBeLessThanOrEqual(45);
  });
});
