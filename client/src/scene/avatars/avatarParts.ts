/**
 * The avatar's skeleton, such as it is: which vertex belongs to which limb, and where each limb
 * turns. The geometry builder tags vertices with these ids and the vertex shader bends limbs
 * around these joints, so both must read from here.
 */

export const Part = {
  trunk: 0,
  head: 1,
  upperArmL: 2,
  upperArmR: 3,
  forearmL: 4,
  forearmR: 5,
  thighL: 6,
  thighR: 7,
  shinL: 8,
  shinR: 9,
} as const;
export type Part = (typeof Part)[keyof typeof Part];

/** Joint positions in metres, avatar facing +z, its left side on +x. */
export const Joint = {
  shoulderX: 0.245,
  shoulderY: 1.37,
  elbowY: 1.09,
  hipX: 0.1,
  hipY: 0.92,
  kneeY: 0.5,
  /** the chest breathes by scaling the trunk vertically about this height */
  waistY: 0.95,
  /** how far above the waist the shoulders sit, so head and arms ride the breath */
  chestSpan: 0.45,
} as const;

/** Where a name label sits above the feet, per style (the traditional hat is taller). */
export const LABEL_HEIGHT = [1.98, 1.98, 2.08] as const;
