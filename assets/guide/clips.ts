/**
 * The guide's five clips, keyed from pose functions of time: `idle`, `walk`, `talk` and `wave`
 * loop (their last key equals their first); `point` raises an open palm toward the guide's front
 * right, holds it and lowers it again, to be played once (the polite "this way, please" gesture
 * rather than a pointed finger). Walking is in place: the app moves the guide. Every clip keys
 * every joint but the eyes, which the app turns toward the visitor, so blending two clips never
 * leaves a joint where a third one put it.
 */
import { ARM_DOWN, J, JOINT_NAMES, restSteps, type Body, type JointName } from './skeleton';
import { mirrorSteps, qSlerp, rot, smoothstep, type Quat, type Step, type Vec3 } from './math';
import type { Channel, Clip } from './skinnedGlb';

export const CLIP_NAMES = ['idle', 'walk', 'talk', 'point', 'wave'] as const;

interface Pose {
  rot: Partial<Record<JointName, Step[]>>;
  /** whole rotations, where a blend of two poses cannot be written as steps */
  q?: Partial<Record<JointName, Quat>>;
  /** offset of the hips from their bind position */
  hips?: Vec3;
}

type Side = 'left' | 'right';

/** Arm steps written for the left arm (along +x in the bind pose), mirrored for the right. */
function arm(pose: Pose, side: Side, upper: Step[], lower: Step[], hand: Step[] = []): void {
  const m = side === 'left' ? (s: Step[]) => s : mirrorSteps;
  const n = side === 'left' ? (['leftUpperArm', 'leftLowerArm', 'leftHand'] as const) : (['rightUpperArm', 'rightLowerArm', 'rightHand'] as const);
  pose.rot[n[0]] = m(upper);
  pose.rot[n[1]] = m(lower);
  pose.rot[n[2]] = m(hand);
}

function legPose(pose: Pose, side: Side, upper: Step[], lower: Step[], foot: Step[]): void {
  const m = side === 'left' ? (s: Step[]) => s : mirrorSteps;
  const n = side === 'left' ? (['leftUpperLeg', 'leftLowerLeg', 'leftFoot'] as const) : (['rightUpperLeg', 'rightLowerLeg', 'rightFoot'] as const);
  pose.rot[n[0]] = m(upper);
  pose.rot[n[1]] = m(lower);
  pose.rot[n[2]] = m(foot);
}

const TAU = Math.PI * 2;

function idle(t: number, T = 4): Pose {
  const w = (TAU * t) / T;
  const pose: Pose = {
    rot: {
      hips: [['z', 0.022 * Math.sin(w)]],
      spine: [['z', -0.014 * Math.sin(w)]],
      chest: [['x', -0.022 * Math.sin(2 * w)]],
      neck: [],
      head: [
        ['x', 0.025 * Math.sin(2 * w + 1)],
        ['z', -0.03 * Math.sin(w + 0.6)],
        ['y', 0.05 * Math.sin(w + 0.3)],
      ],
    },
    hips: [0, -0.003 * (1 - Math.cos(2 * w)), 0],
  };
  for (const side of ['left', 'right'] as const) {
    const ph = side === 'left' ? 0 : 1.3;
    arm(
      pose,
      side,
      [
        ['z', -ARM_DOWN + 0.025 * Math.sin(w + ph)],
        ['x', -0.05],
      ],
      [['y', -(0.22 + 0.04 * Math.sin(w + ph))]],
      [['z', -0.08]],
    );
    legPose(pose, side, [['z', (side === 'left' ? -1 : 1) * 0.022 * Math.sin(w)]], [], []);
  }
  return pose;
}

function walk(t: number, T = 1): Pose {
  const p = (TAU * t) / T;
  const pose: Pose = {
    rot: {
      hips: [
        ['y', 0.07 * Math.sin(p)],
        ['z', 0.025 * Math.cos(2 * p)],
      ],
      spine: [['y', -0.03 * Math.sin(p)]],
      chest: [
        ['x', 0.05],
        ['y', -0.07 * Math.sin(p)],
      ],
      neck: [],
      head: [
        ['x', -0.05],
        ['y', 0.03 * Math.sin(p)],
      ],
    },
    hips: [0, -0.018 * Math.sin(p) ** 2, 0],
  };
  for (const side of ['left', 'right'] as const) {
    // The right side runs half a step behind the left.
    const q = side === 'left' ? p : p + Math.PI;
    const thigh = 0.36 * Math.sin(q);
    const knee = 0.1 + 0.65 * Math.max(0, Math.cos(q - 0.25)) ** 2;
    legPose(pose, side, [['x', -thigh]], [['x', knee]], [['x', 0.5 * thigh - 0.55 * knee + 0.05]]);
    arm(
      pose,
      side,
      [
        ['z', -ARM_DOWN + 0.06],
        ['x', 0.3 * Math.sin(q)],
      ],
      [['y', -(0.35 + 0.2 * Math.max(0, -Math.sin(q)))]],
      [['z', -0.1]],
    );
  }
  return pose;
}

function talk(t: number, T = 4): Pose {
  const w = (TAU * t) / T;
  const pose: Pose = {
    rot: {
      hips: [['z', 0.012 * Math.sin(w)]],
      spine: [],
      chest: [
        ['x', 0.02 * Math.sin(2 * w)],
        ['y', 0.05 * Math.sin(w)],
      ],
      neck: [],
      head: [
        ['x', 0.045 * Math.sin(4 * w)],
        ['z', 0.04 * Math.sin(w + 1)],
        ['y', -0.06 * Math.sin(w)],
      ],
    },
  };
  // The right hand explains, palm up; the left joins in now and then.
  arm(
    pose,
    'right',
    [
      ['z', -ARM_DOWN + 0.22 + 0.05 * Math.sin(2 * w)],
      ['x', -0.3 - 0.12 * Math.sin(2 * w + 0.4)],
    ],
    [
      ['x', 1.9],
      ['y', -(1.15 + 0.18 * Math.sin(2 * w + 0.9))],
    ],
    [['z', 0.15 * Math.sin(2 * w + 1.4)]],
  );
  arm(
    pose,
    'left',
    [
      ['z', -ARM_DOWN + 0.08 + 0.05 * Math.max(0, Math.sin(w + 2))],
      ['x', -0.12 - 0.15 * Math.max(0, Math.sin(w + 2))],
    ],
    [
      ['x', 1.2 * Math.max(0, Math.sin(w + 2))],
      ['y', -(0.35 + 0.7 * Math.max(0, Math.sin(w + 2)))],
    ],
    [['z', -0.08]],
  );
  legPose(pose, 'left', [['z', -0.012 * Math.sin(w)]], [], []);
  legPose(pose, 'right', [['z', 0.012 * Math.sin(w)]], [], []);
  return pose;
}

/** The held pose of `point`, blended in and out of the idle pose. */
function pointHold(): Pose {
  const pose = idle(0);
  pose.rot.chest = [['y', -0.12]];
  pose.rot.head = [
    ['x', 0.06],
    ['y', -0.42],
  ];
  arm(
    pose,
    'right',
    [
      ['z', -0.78],
      ['y', -0.62],
    ],
    [
      ['x', 2.2],
      ['y', -0.35],
    ],
    [['z', 0.22]],
  );
  return pose;
}

function point(t: number): Pose {
  const held = pointHold();
  const rest = idle(0);
  const k = smoothstep(0, 0.6, t) * (1 - smoothstep(2.2, 3, t));
  const q: Partial<Record<JointName, Quat>> = {};
  for (const name of JOINT_NAMES) q[name] = qSlerp(rot(...(rest.rot[name] ?? restSteps(name))), rot(...(held.rot[name] ?? restSteps(name))), k);
  return { rot: {}, q, hips: rest.hips };
}

function wave(t: number, T = 2): Pose {
  const w = (TAU * t) / T;
  const pose = idle(t, T);
  pose.rot.chest = [
    ['z', 0.035],
    ['x', -0.01 * Math.sin(2 * w)],
  ];
  pose.rot.head = [
    ['z', 0.07],
    ['y', -0.08],
    ['x', 0.02 * Math.sin(3 * w)],
  ];
  arm(
    pose,
    'right',
    [
      ['z', 0.42],
      ['y', -0.3],
    ],
    [
      ['x', -Math.PI / 2],
      ['z', 1.2 + 0.38 * Math.sin(3 * w)],
    ],
    [['z', 0.12 * Math.sin(3 * w - 0.6)]],
  );
  return pose;
}

interface ClipSpec {
  name: (typeof CLIP_NAMES)[number];
  duration: number;
  fps: number;
  pose: (t: number) => Pose;
}

const SPECS: ClipSpec[] = [
  { name: 'idle', duration: 4, fps: 8, pose: (t) => idle(t) },
  { name: 'walk', duration: 1, fps: 20, pose: (t) => walk(t) },
  { name: 'talk', duration: 4, fps: 10, pose: (t) => talk(t) },
  { name: 'point', duration: 3, fps: 10, pose: point },
  { name: 'wave', duration: 2, fps: 12, pose: (t) => wave(t) },
];

const ANIMATED = JOINT_NAMES.filter((n) => n !== 'leftEye' && n !== 'rightEye');

function sample(spec: ClipSpec, body: Body): Clip {
  const n = Math.round(spec.duration * spec.fps);
  const times = Array.from({ length: n + 1 }, (_, i) => (i * spec.duration) / n);
  const rotations = new Map<JointName, number[]>(ANIMATED.map((name) => [name, []]));
  const hips: number[] = [];
  for (const t of times) {
    const pose = spec.pose(t);
    for (const name of ANIMATED) {
      let q = pose.q?.[name] ?? rot(...(pose.rot[name] ?? restSteps(name)));
      const out = rotations.get(name)!;
      // Keep neighbouring keys in the same hemisphere, so linear blending takes the short way.
      if (out.length) {
        const prev = out.slice(-4);
        if (prev[0] * q[0] + prev[1] * q[1] + prev[2] * q[2] + prev[3] * q[3] < 0) q = [-q[0], -q[1], -q[2], -q[3]];
      }
      out.push(...q);
    }
    const o = pose.hips ?? [0, 0, 0];
    hips.push(o[0], body.hipsY + o[1], o[2]);
  }
  const channels: Channel[] = ANIMATED.map((name) => ({ joint: J[name], path: 'rotation', values: rotations.get(name)! }));
  channels.push({ joint: J.hips, path: 'translation', values: hips });
  return { name: spec.name, times, channels };
}

export function clips(body: Body): Clip[] {
  return SPECS.map((s) => sample(s, body));
}
