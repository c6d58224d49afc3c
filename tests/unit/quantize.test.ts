import { describe, expect, it } from 'vitest';
import { POS_SCALE, YAW_STEPS } from '../../shared/constants';
import { byteToYaw, fromCm, toCm, yawToByte } from '../../shared/quantize';

describe('positions in centimetres', () => {
  it('round-trips to the centimetre', () => {
    for (const m of [0, 1, -1, 12.345, -87.654, 300]) expect(Math.abs(fromCm(toCm(m)) - m)).toBeLessThanOrEqual(0.5 / POS_SCALE);
    expect(toCm(1.234)).toBe(123);
    expect(toCm(-1.236)).toBe(-124);
    expect(Number.isInteger(toCm(Math.PI))).toBe(true);
  });

  it('fits every hall in int16', () => {
    expect(toCm(327)).toBeLessThanOrEqual(32767);
    expect(toCm(-327)).toBeGreaterThanOrEqual(-32768);
  });
});

describe('yaw in one byte', () => {
  const TAU = Math.PI * 2;

  it('maps a turn onto 0..255', () => {
    expect(yawToByte(0)).toBe(0);
    expect(yawToByte(Math.PI / 2)).toBe(64);
    expect(yawToByte(Math.PI)).toBe(128);
    expect(yawToByte(-Math.PI / 2)).toBe(192);
    expect(yawToByte(TAU)).toBe(0);
    expect(yawToByte(TAU * 5 + Math.PI)).toBe(128);
    expect(yawToByte(-TAU * 3)).toBe(0);
    // Just under a full turn rounds to 0, never to 256.
    expect(yawToByte(TAU - 1e-9)).toBe(0);
  });

  it('always yields an integer byte', () => {
    for (let r = -20; r <= 20; r += 0.173) {
      const b = yawToByte(r);
      expect(Number.isInteger(b)).toBe(true);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(YAW_STEPS);
    }
  });

  it('round-trips within half a step', () => {
    const half = Math.PI / YAW_STEPS;
    for (let r = 0; r < TAU; r += 0.1) {
      const back = byteToYaw(yawToByte(r));
      const d = Math.abs(((back - r + Math.PI * 3) % TAU) - Math.PI);
      expect(d).toBeLessThanOrEqual(half + 1e-9);
    }
  });
});
