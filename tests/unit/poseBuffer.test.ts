import { describe, expect, it } from 'vitest';
import { PoseBuffer, lerpAngle, type PoseSample } from '../../client/src/store/transient';

const out = (): PoseSample => ({ t: 0, x: 0, y: 0, z: 0, ry: 0 });

describe('PoseBuffer.sample', () => {
  it('leaves the output alone while empty, and holds a single sample', () => {
    const b = new PoseBuffer();
    const o = out();
    o.x = 42;
    b.sample(100, o);
    expect(o.x).toBe(42);
    b.push(100, 1, 2, 3, 0.5, 1);
    b.sample(50, o);
    expect(o).toMatchObject({ x: 1, y: 2, z: 3, ry: 0.5 });
    expect(b.anim).toBe(1);
  });

  it('interpolates linearly between the snapshots around t', () => {
    const b = new PoseBuffer();
    b.push(0, 0, 0, 0, 0, 0);
    b.push(100, 10, 1, -10, 1, 1);
    const o = out();
    b.sample(50, o);
    expect(o).toMatchObject({ t: 50, x: 5, y: 0.5, z: -5, ry: 0.5 });
    b.sample(25, o);
    expect(o.x).toBeCloseTo(2.5);
  });

  it('holds the newest snapshot past the end and the oldest before the start (no extrapolation)', () => {
    const b = new PoseBuffer();
    b.push(0, 0, 0, 0, 0, 0);
    b.push(100, 10, 0, 0, 0, 0);
    const o = out();
    b.sample(500, o);
    expect(o.x).toBe(10);
    b.sample(-50, o);
    expect(o.x).toBe(0);
  });

  it('finds the right pair among many, and keeps only the last 8 after wrapping', () => {
    const b = new PoseBuffer();
    for (let i = 0; i < 20; i++) b.push(i * 50, i, 0, 0, 0, 0);
    const o = out();
    b.sample(17 * 50 + 25, o);
    expect(o.x).toBeCloseTo(17.5);
    expect(b.count).toBe(8);
    expect(b.latest()!.x).toBe(19);
    // Older than the ring: the oldest kept sample (12).
    b.sample(0, o);
    expect(o.x).toBe(12);
  });

  it('turns the short way round when blending yaw', () => {
    const b = new PoseBuffer();
    b.push(0, 0, 0, 0, 3.0, 0);
    b.push(100, 0, 0, 0, -3.0, 0);
    const o = out();
    b.sample(50, o);
    // Halfway between 3.0 and -3.0 the short way is +-pi, not 0.
    expect(Math.abs(Math.abs(o.ry) - Math.PI)).toBeLessThan(0.01);
  });
});

describe('lerpAngle', () => {
  it('interpolates the short way round', () => {
    expect(lerpAngle(0, 1, 0.5)).toBeCloseTo(0.5);
    expect(lerpAngle(0.1, Math.PI * 2 - 0.1, 0.5)).toBeCloseTo(0);
    expect(lerpAngle(-3, 3, 0)).toBeCloseTo(-3);
    expect(lerpAngle(-3, 3, 1) % (Math.PI * 2)).toBeCloseTo(-3 - (Math.PI * 2 - 6));
  });
});
