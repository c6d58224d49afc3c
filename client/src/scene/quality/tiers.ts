/**
 * Quality tiers: what each one costs the GPU, and the rule that moves between them from measured
 * frame time. Pure (no three, no React) so the rule is unit-tested (tests/unit/qualityTiers.test.ts).
 *
 * The rule, checked once a second on the median of the last ~90 frames:
 * - step down one tier after SLOW_SECONDS slow seconds in a row (a hitch does not count);
 * - step up one tier only after FAST_SECONDS fast seconds in a row, and never back up to a tier it
 *   already stepped down from in this visit (the ceiling drops with every step down), so a phone
 *   that is borderline settles instead of flapping between two tiers;
 * - after any change, SETTLE_SECONDS pass before the next judgement (shader recompiles, new buffers).
 */

export const QUALITIES = ['low', 'medium', 'high'] as const;
export type Quality = (typeof QUALITIES)[number];
/** what the visitor picked in the quality control: a tier, or let the hall choose */
export type QualityChoice = Quality | 'auto';

export interface TierSettings {
  /** the canvas' device-pixel-ratio cap (a dpr-3 phone at 1 draws 1/9 of the pixels) */
  maxDpr: number;
  /** the sun's shadow map size in texels; 0 = no shadows */
  shadowMap: number;
  /** share of the decorative props drawn (trees, shrubs, boulders, boats): 1 = all */
  propDensity: number;
  /** name tags fade out between these distances (m) */
  labelFade: [number, number];
  /** avatars farther than this from the camera are not drawn (m); the local player always is */
  avatarDrawM: number;
}

export const TIERS: Record<Quality, TierSettings> = {
  high: { maxDpr: 2, shadowMap: 2048, propDensity: 1, labelFade: [26, 38], avatarDrawM: Infinity },
  medium: { maxDpr: 1.5, shadowMap: 1024, propDensity: 0.7, labelFade: [20, 30], avatarDrawM: 120 },
  low: { maxDpr: 1, shadowMap: 0, propDensity: 0.4, labelFade: [12, 20], avatarDrawM: 60 },
};

/** a median frame slower than this (ms, under 30 fps) is slow */
export const SLOW_FRAME_MS = 34;
/** a median frame faster than this (ms, about 55 fps) leaves room for the next tier up */
export const FAST_FRAME_MS = 18;
export const SLOW_SECONDS = 3;
export const FAST_SECONDS = 10;
export const SETTLE_SECONDS = 3;

export function isQuality(v: unknown): v is Quality {
  return typeof v === 'string' && (QUALITIES as readonly string[]).includes(v);
}

export function isQualityChoice(v: unknown): v is QualityChoice {
  return v === 'auto' || isQuality(v);
}

export function tierIndex(q: Quality): number {
  return QUALITIES.indexOf(q);
}

/** The tier an automatic visit starts at: where it settled last time on this device, else by the kind of device. */
export function startingTier(remembered: Quality | null, mobile: boolean): Quality {
  if (remembered) return remembered;
  return mobile ? 'medium' : 'high';
}

/** The governor's memory between checks. */
export interface GovernorState {
  tier: Quality;
  /** the highest tier it may step up to (drops below every tier it stepped down from) */
  ceiling: Quality;
  slow: number;
  fast: number;
  settle: number;
}

export function governor(tier: Quality): GovernorState {
  return { tier, ceiling: 'high', slow: 0, fast: 0, settle: SETTLE_SECONDS };
}

/** One check (once a second) with the median frame time: returns the tier to use (maybe the same). */
export function judge(s: GovernorState, medianMs: number): Quality {
  if (s.settle > 0) {
    s.settle--;
    return s.tier;
  }
  s.slow = medianMs > SLOW_FRAME_MS ? s.slow + 1 : 0;
  s.fast = medianMs < FAST_FRAME_MS ? s.fast + 1 : 0;
  const i = tierIndex(s.tier);
  if (s.slow >= SLOW_SECONDS && i > 0) {
    s.ceiling = QUALITIES[i - 1];
    return change(s, QUALITIES[i - 1]);
  }
  if (s.fast >= FAST_SECONDS && i < tierIndex(s.ceiling)) return change(s, QUALITIES[i + 1]);
  return s.tier;
}

function change(s: GovernorState, to: Quality): Quality {
  s.tier = to;
  s.slow = 0;
  s.fast = 0;
  s.settle = SETTLE_SECONDS;
  return to;
}
