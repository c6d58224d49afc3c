import { POS_SCALE, YAW_STEPS } from './constants';

const TAU = Math.PI * 2;

export const toCm = (m: number): number => Math.round(m * POS_SCALE);
export const fromCm = (cm: number): number => cm / POS_SCALE;

/** radians -> 0..255 */
export function yawToByte(rad: number): number {
  const turns = (((rad % TAU) + TAU) % TAU) / TAU;
  return Math.round(turns * YAW_STEPS) % YAW_STEPS;
}

export const byteToYaw = (b: number): number => (b / YAW_STEPS) * TAU;
