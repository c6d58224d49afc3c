/**
 * The guide's skeleton. Joint names are the VRM humanoid bone names, so the app can drive our guide
 * and a designer's VRM (or a glTF rigged with the same names) alike. The bind pose is a T-pose with
 * no joint rotated: each joint's bind matrix is a translation, and a rotation keyed on a joint turns
 * about axes that are the model's own (x to the guide's left, y up, z forward). The nodes' rest
 * rotations hang the arms down, so a viewer that plays no clip still shows a person standing.
 */
import { rot, type Quat, type Step, type Vec3 } from './math';

export const JOINT_NAMES = [
  'hips',
  'spine',
  'chest',
  'neck',
  'head',
  'leftEye',
  'rightEye',
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
  'leftUpperLeg',
  'leftLowerLeg',
  'leftFoot',
  'rightUpperLeg',
  'rightLowerLeg',
  'rightFoot',
] as const;

export type JointName = (typeof JOINT_NAMES)[number];

export const J = Object.fromEntries(JOINT_NAMES.map((n, i) => [n, i])) as Record<JointName, number>;

const PARENT: Record<JointName, JointName | null> = {
  hips: null,
  spine: 'hips',
  chest: 'spine',
  neck: 'chest',
  head: 'neck',
  leftEye: 'head',
  rightEye: 'head',
  leftUpperArm: 'chest',
  leftLowerArm: 'leftUpperArm',
  leftHand: 'leftLowerArm',
  rightUpperArm: 'chest',
  rightLowerArm: 'rightUpperArm',
  rightHand: 'rightLowerArm',
  leftUpperLeg: 'hips',
  leftLowerLeg: 'leftUpperLeg',
  leftFoot: 'leftLowerLeg',
  rightUpperLeg: 'hips',
  rightLowerLeg: 'rightUpperLeg',
  rightFoot: 'rightLowerLeg',
};

/** Body measurements in metres; each guide sets its own. */
export interface Body {
  hipsY: number;
  spineY: number;
  chestY: number;
  neckY: number;
  headY: number;
  /** centre of the (spherical) head, and its radius */
  headCentre: Vec3;
  headR: number;
  shoulderX: number;
  shoulderY: number;
  upperArm: number;
  lowerArm: number;
  hipX: number;
  hipY: number;
  kneeY: number;
  ankleY: number;
}

export interface Joint {
  name: JointName;
  parent: number;
  /** bind-pose position in model space */
  bind: Vec3;
  /** the node's rest rotation (arms down) */
  rest: Quat;
}

/** How far the arms hang from the T-pose at rest, about z. */
export const ARM_DOWN = 1.22;

export function skeleton(b: Body): Joint[] {
  const eye = b.headCentre;
  const bind: Record<JointName, Vec3> = {
    hips: [0, b.hipsY, 0],
    spine: [0, b.spineY, 0],
    chest: [0, b.chestY, 0],
    neck: [0, b.neckY, 0],
    head: [0, b.headY, 0],
    // Both eye joints sit at the head's centre: the eyes are drawn on the head's sphere, so turning
    // one of these slides the iris over the face and keeps it on the surface.
    leftEye: eye,
    rightEye: eye,
    leftUpperArm: [b.shoulderX, b.shoulderY, 0],
    leftLowerArm: [b.shoulderX + b.upperArm, b.shoulderY, 0],
    leftHand: [b.shoulderX + b.upperArm + b.lowerArm, b.shoulderY, 0],
    rightUpperArm: [-b.shoulderX, b.shoulderY, 0],
    rightLowerArm: [-b.shoulderX - b.upperArm, b.shoulderY, 0],
    rightHand: [-b.shoulderX - b.upperArm - b.lowerArm, b.shoulderY, 0],
    leftUpperLeg: [b.hipX, b.hipY, 0],
    leftLowerLeg: [b.hipX, b.kneeY, 0],
    leftFoot: [b.hipX, b.ankleY, 0],
    rightUpperLeg: [-b.hipX, b.hipY, 0],
    rightLowerLeg: [-b.hipX, b.kneeY, 0],
    rightFoot: [-b.hipX, b.ankleY, 0],
  };
  return JOINT_NAMES.map((name) => {
    const p = PARENT[name];
    return { name, parent: p ? J[p] : -1, bind: bind[name], rest: rot(...restSteps(name)) };
  });
}

/** The nodes' rest rotations as steps (clips fall back to them for joints a pose leaves alone). */
export function restSteps(name: JointName): Step[] {
  if (name === 'leftUpperArm') return [['z', -ARM_DOWN]];
  if (name === 'rightUpperArm') return [['z', ARM_DOWN]];
  if (name === 'leftLowerArm') return [['y', -0.15]];
  if (name === 'rightLowerArm') return [['y', 0.15]];
  return [];
}
