/**
 * A-Qin 阿琴, the Gulangyu guide: named for the piano (琴) of "Piano Island". She wears a cream
 * Minnan side-fastening top (大襟衫) piped in the terracotta of the island's red-brick villas, with
 * frog buttons, and a long skirt in the green of veranda shutters whose hem is a band of piano keys.
 * A bougainvillea flower (三角梅, the city flower) is pinned in her hair above a low bun.
 */
import { arm, hand, leg, neck, shoe, torsoSkin } from './body';
import { buildHead, type FaceStyle } from './face';
import { byYaw, headPoint, shell } from './hair';
import { cross, hex, normalize, smoothstep, type Vec3 } from './math';
import { banded, ellipsoidRings, frame, lathe, onLathe, rigid, type MeshBuilder, type Ring, type SkinFn } from './meshBuilder';
import { J, type Body } from './skeleton';
import type { GuideSpec } from './guideSpec';

const C = {
  skin: hex('#f2c9a6'),
  blush: hex('#f08c8c'),
  hair: hex('#2b1d18'),
  cream: hex('#f4ead4'),
  brick: hex('#b5472f'),
  shutter: hex('#3f7a5a'),
  shutterDark: hex('#2c5a42'),
  keyWhite: hex('#fbf8f0'),
  keyBlack: hex('#1b1b1f'),
  flower: hex('#c81d7e'),
  flowerHeart: hex('#f3e3a0'),
  iris: hex('#5a3620'),
  lip: hex('#c4545a'),
};

const BODY: Body = {
  hipsY: 0.8,
  spineY: 0.9,
  chestY: 1.02,
  neckY: 1.18,
  headY: 1.26,
  headCentre: [0, 1.415, 0],
  headR: 0.175,
  shoulderX: 0.16,
  shoulderY: 1.108,
  upperArm: 0.235,
  lowerArm: 0.205,
  hipX: 0.075,
  hipY: 0.78,
  kneeY: 0.43,
  ankleY: 0.075,
};

const FACE: FaceStyle = {
  centre: BODY.headCentre,
  r: BODY.headR,
  skin: C.skin,
  blush: C.blush,
  iris: C.iris,
  brow: C.hair,
  lip: C.lip,
  eyeX: 0.058,
  eyeY: -0.012,
  eyeW: 0.027,
  eyeH: 0.033,
  browY: 0.052,
  browThick: 0.0085,
  mouthY: -0.082,
  mouthW: 0.056,
  lashWing: 0.006,
};

const TOP: Ring[] = [
  { y: 0.7, rx: 0.178, rz: 0.142 },
  { y: 0.76, rx: 0.16, rz: 0.124 },
  { y: 0.86, rx: 0.13, rz: 0.099 },
  { y: 0.96, rx: 0.138, rz: 0.106, cz: 0.008 },
  { y: 1.04, rx: 0.148, rz: 0.108, cz: 0.012 },
  { y: 1.1, rx: 0.156, rz: 0.1, cz: 0.004 },
  { y: 1.15, rx: 0.142, rz: 0.088 },
  { y: 1.183, rx: 0.092, rz: 0.064 },
  { y: 1.2, rx: 0, rz: 0 },
];

const SKIRT: Ring[] = [
  { y: 0.3, rx: 0.255, rz: 0.228 },
  { y: 0.36, rx: 0.244, rz: 0.216 },
  { y: 0.5, rx: 0.214, rz: 0.186 },
  { y: 0.64, rx: 0.172, rz: 0.143 },
  { y: 0.76, rx: 0.14, rz: 0.11 },
  { y: 0.86, rx: 0.124, rz: 0.094 },
];

/** The skirt hangs from the hips, and its lower part follows the legs a little. */
const skirtSkin: SkinFn = (p) => {
  const follow = 0.45 * smoothstep(0.8, 0.3, p[1]);
  const left = smoothstep(-0.09, 0.09, p[0]);
  return [
    [J.hips, 1 - follow],
    [J.leftUpperLeg, follow * left],
    [J.rightUpperLeg, follow * (1 - left)],
  ];
};

function outfit(b: MeshBuilder): void {
  const tSkin = torsoSkin(BODY);
  lathe(
    b,
    banded(TOP, [0.728], (y) => (y < 0.728 ? C.brick : C.cream)),
    { segments: 28, color: C.cream, skin: tSkin },
  );
  // Mandarin collar.
  lathe(
    b,
    [
      { y: 1.165, rx: 0.061, rz: 0.057 },
      { y: 1.205, rx: 0.056, rz: 0.054 },
      { y: 1.215, rx: 0.052, rz: 0.05 },
    ],
    { segments: 16, color: C.brick, skin: rigid(J.chest) },
  );
  // The side-fastening's piping: from the collar across to the guide's right armpit, then down the side.
  const path: [number, number][] = [
    [0, 1.168],
    [-0.35, 1.148],
    [-0.7, 1.12],
    [-1.05, 1.09],
    [-1.32, 1.05],
    [-1.45, 0.98],
    [-1.5, 0.88],
    [-1.52, 0.74],
  ];
  const pts = path.map(([a, y]) => onLathe(TOP, a, y, 0.0025));
  const half = 0.0065;
  b.grid(
    2,
    pts.length,
    (i, j) => {
      const p = pts[j];
      const tangent = normalize(j === 0 ? subv(pts[1], pts[0]) : subv(pts[j], pts[j - 1]));
      const out = normalize([p[0], 0, p[2]]);
      const side = normalize(cross(out, tangent));
      const s = i === 0 ? -half : half;
      return [p[0] + side[0] * s, p[1] + side[1] * s, p[2] + side[2] * s];
    },
    { color: C.brick, skin: tSkin },
  );
  // Frog buttons along the opening.
  for (const [a, y] of [
    [-0.45, 1.142],
    [-1.12, 1.083],
    [-1.48, 0.94],
  ] as const) {
    const c = onLathe(TOP, a, y, 0.006);
    lathe(b, ellipsoidRings(0.011, 0.008, 0.008, 5), { segments: 8, color: C.brick, skin: tSkin, place: (p) => [p[0] + c[0], p[1] + c[1], p[2] + c[2]] });
  }

  // Skirt, with a keyboard round the hem.
  const KEY_LO = 0.312;
  const KEY_HI = 0.372;
  lathe(
    b,
    banded(SKIRT, [KEY_LO, KEY_HI], (y) => (y < KEY_LO ? C.shutterDark : y < KEY_HI ? C.keyWhite : C.shutter)),
    { segments: 36, color: C.shutter, skin: skirtSkin },
  );
  const whites = 35;
  const keyW = (Math.PI * 2) / whites;
  for (let k = 0; k < whites; k++) {
    const a0 = k * keyW;
    // The gap between two white keys.
    quadOnLathe(b, SKIRT, a0 - 0.004, a0 + 0.004, KEY_LO, KEY_HI, 0.0015, C.keyBlack, skirtSkin);
    // Black keys sit between white keys 1-2, 2-3, 4-5, 5-6, 6-7 of each octave.
    if ([0, 1, 3, 4, 5].includes(k % 7)) {
      const mid = a0 + keyW;
      quadOnLathe(b, SKIRT, mid - keyW * 0.3, mid + keyW * 0.3, KEY_LO + 0.024, KEY_HI, 0.003, C.keyBlack, skirtSkin);
    }
  }

  for (const s of [1, -1] as const) {
    arm(b, BODY, s, { r0: 0.05, r1: 0.044, colorAt: () => C.cream }, { r0: 0.039, r1: 0.031, colorAt: () => C.skin });
    // Three-quarter sleeve with a brick cuff, open over the forearm.
    const x0 = BODY.shoulderX + BODY.upperArm;
    lathe(
      b,
      banded(
        [
          { y: -0.03, rx: 0.046 },
          { y: 0.085, rx: 0.046 },
          { y: 0.085, rx: 0.033 },
        ],
        [0.062],
        (y) => (y < 0.062 ? C.cream : C.brick),
      ),
      {
        segments: 12,
        color: C.cream,
        skin: rigid(s > 0 ? J.leftLowerArm : J.rightLowerArm),
        place: (p) => [s * (x0 + p[1]), BODY.shoulderY - s * p[0], p[2]],
      },
    );
    hand(b, BODY, s, C.skin);
    leg(b, BODY, s, { r0: 0.068, r1: 0.05, colorAt: () => C.skin }, { r0: 0.048, r1: 0.034, colorAt: () => C.skin });
    shoe(b, BODY, s, C.brick, { sole: hex('#4a2a20'), height: 0.05, width: 0.042 });
  }
}

function subv(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/** A small quad on a lathe's surface between two angles and two heights (piano keys). */
function quadOnLathe(b: MeshBuilder, rings: Ring[], a0: number, a1: number, y0: number, y1: number, off: number, color: Vec3, skin: SkinFn): void {
  b.grid(2, 2, (i, j) => onLathe(rings, j === 0 ? a0 : a1, i === 0 ? y0 : y1, off), { color, skin });
}

function hair(b: MeshBuilder): void {
  const { headCentre: c, headR: r } = BODY;
  // A soft fringe swept a little to her left, hair over the ears, down to the nape at the back.
  const edge = byYaw([
    [0, 0.5],
    [0.45, 0.42],
    [0.8, 0.22],
    [1.15, -0.28],
    [1.9, -0.55],
    [Math.PI, -0.78],
  ]);
  shell(b, { centre: c, r, lift: 0.013, crown: 0.012, edge: (yaw) => edge(yaw) - 0.05 * Math.sin(yaw) * smoothstep(0.8, 0, Math.abs(yaw)), color: C.hair });
  // Low bun at the nape.
  const bun: Vec3 = [c[0], c[1] - 0.07, c[2] - 0.165];
  lathe(b, ellipsoidRings(0.075, 0.062, 0.058, 8), {
    segments: 14,
    color: C.hair,
    skin: rigid(J.head),
    place: (p) => [p[0] + bun[0], p[1] + bun[1], p[2] + bun[2]],
  });
  // A bougainvillea flower above her right ear: five petals round a pale heart.
  const at = headPoint(c, r, -1.0, 0.42, 0.02);
  for (let k = 0; k < 5; k++) {
    const th = (k / 5) * Math.PI * 2;
    const radial = normalize([
      at.east[0] * Math.cos(th) + at.north[0] * Math.sin(th),
      at.east[1] * Math.cos(th) + at.north[1] * Math.sin(th),
      at.east[2] * Math.cos(th) + at.north[2] * Math.sin(th),
    ]);
    const ez = cross(at.n, radial);
    const o: Vec3 = [at.p[0] + radial[0] * 0.02, at.p[1] + radial[1] * 0.02, at.p[2] + radial[2] * 0.02];
    lathe(b, ellipsoidRings(0.007, 0.022, 0.016, 6), { segments: 8, color: C.flower, skin: rigid(J.head), place: frame(o, at.n, radial, ez) });
  }
  const heart = headPoint(c, r, -1.0, 0.42, 0.027);
  lathe(b, ellipsoidRings(0.009, 0.009, 0.009, 5), {
    segments: 8,
    color: C.flowerHeart,
    skin: rigid(J.head),
    place: (p) => [p[0] + heart.p[0], p[1] + heart.p[1], p[2] + heart.p[2]],
  });
}

export const gulangyuGuide: GuideSpec = {
  file: 'gulangyu-guide.glb',
  rootName: 'Guide_AQin',
  extras: {
    landmark: 'gulangyu',
    name_zh: '阿琴',
    name_en: 'A-Qin',
    about_zh: '鼓浪屿向导：闽南大襟衫、红砖色滚边、百叶窗绿长裙，裙摆是一圈琴键。',
    about_en: 'The Gulangyu guide: a Minnan side-fastening top piped in red-brick terracotta, a shutter-green skirt with piano keys round the hem.',
  },
  body: BODY,
  face: FACE,
  build(b) {
    neck(b, BODY, C.skin, 0.046);
    buildHead(b, FACE);
    hair(b);
    outfit(b);
  },
};
