/**
 * A-Hai 阿海, the Shapowei guide: a young man of the old fishing harbour. A navy-and-white striped
 * sailor's shirt with the sleeves rolled, a rust-orange neckerchief (the colour of buoys and hull
 * paint), teal canvas work trousers, yellow harbour boots and a navy cap with a short peak.
 */
import { arm, hand, leg, neck, shoe, torsoSkin } from './body';
import { buildHead, type FaceStyle } from './face';
import { byYaw, headPoint, shell } from './hair';
import { hex, mix, type Vec3 } from './math';
import { banded, ellipsoidRings, lathe, onLathe, rigid, type MeshBuilder, type Ring } from './meshBuilder';
import { J, type Body } from './skeleton';
import type { GuideSpec } from './guideSpec';

const C = {
  skin: hex('#e0ad85'),
  blush: hex('#e07a6a'),
  hair: hex('#1f1814'),
  navy: hex('#1f3357'),
  white: hex('#f5f3ee'),
  rust: hex('#d0562b'),
  teal: hex('#2f6266'),
  boot: hex('#f0b62c'),
  sole: hex('#3a3030'),
  cap: hex('#1d2a40'),
  iris: hex('#3d2a1c'),
  lip: hex('#b0584e'),
};

const BODY: Body = {
  hipsY: 0.84,
  spineY: 0.95,
  chestY: 1.08,
  neckY: 1.24,
  headY: 1.33,
  headCentre: [0, 1.49, 0],
  headR: 0.175,
  shoulderX: 0.18,
  shoulderY: 1.172,
  upperArm: 0.255,
  lowerArm: 0.225,
  hipX: 0.088,
  hipY: 0.82,
  kneeY: 0.455,
  ankleY: 0.08,
};

const FACE: FaceStyle = {
  centre: BODY.headCentre,
  r: BODY.headR,
  skin: C.skin,
  blush: mix(C.skin, C.blush, 0.6),
  iris: C.iris,
  brow: C.hair,
  lip: C.lip,
  eyeX: 0.06,
  eyeY: -0.014,
  eyeW: 0.025,
  eyeH: 0.029,
  browY: 0.05,
  browThick: 0.0125,
  mouthY: -0.084,
  mouthW: 0.058,
  lashWing: 0,
};

const SHIRT: Ring[] = [
  { y: 0.71, rx: 0.174, rz: 0.127 },
  { y: 0.8, rx: 0.166, rz: 0.12 },
  { y: 0.92, rx: 0.158, rz: 0.113 },
  { y: 1.02, rx: 0.167, rz: 0.117, cz: 0.01 },
  { y: 1.12, rx: 0.172, rz: 0.112, cz: 0.008 },
  { y: 1.19, rx: 0.168, rz: 0.102 },
  { y: 1.232, rx: 0.12, rz: 0.08 },
  { y: 1.255, rx: 0.06, rz: 0.052 },
  { y: 1.26, rx: 0, rz: 0 },
];

const STRIPE = 0.034;

/** Breton stripes: navy on white, from the hem up to the shoulders. */
function stripes(y0: number, y1: number): { cuts: number[]; colorAt: (y: number) => Vec3 } {
  const cuts: number[] = [];
  for (let y = y0; y < y1; y += STRIPE / 2) cuts.push(y);
  return { cuts, colorAt: (y) => (y < y0 || y > y1 ? C.white : Math.floor((y - y0) / (STRIPE / 2)) % 2 === 0 ? C.navy : C.white) };
}

function outfit(b: MeshBuilder): void {
  const tSkin = torsoSkin(BODY);
  const st = stripes(0.71, 1.15);
  lathe(b, banded(SHIRT, st.cuts, st.colorAt), { segments: 24, color: C.white, skin: tSkin });
  // Neckerchief: a band round the neck and a knot with a point hanging in front.
  lathe(
    b,
    [
      { y: 1.22, rx: 0.068, rz: 0.062 },
      { y: 1.25, rx: 0.063, rz: 0.059 },
      { y: 1.27, rx: 0.057, rz: 0.055 },
    ],
    { segments: 16, color: C.rust, skin: rigid(J.chest) },
  );
  const knot = onLathe(SHIRT, 0, 1.225, 0.004);
  lathe(b, ellipsoidRings(0.022, 0.018, 0.014, 6), {
    segments: 10,
    color: C.rust,
    skin: rigid(J.chest),
    place: (p) => [p[0] + knot[0], p[1] + knot[1], p[2] + knot[2]],
  });
  // The point, from its tip up to the knot: rows on the shirt's surface, so it follows the chest.
  b.grid(5, 5, (i, j) => onLathe(SHIRT, ((j - 2) / 2) * 0.3 * (i / 4), 1.13 + 0.085 * (i / 4), 0.005), { color: C.rust, skin: tSkin });
  // Trousers: the seat, then a leg each.
  lathe(
    b,
    [
      { y: 0.69, rx: 0, rz: 0 },
      { y: 0.7, rx: 0.1, rz: 0.075 },
      { y: 0.735, rx: 0.145, rz: 0.104 },
      { y: 0.79, rx: 0.156, rz: 0.112 },
      { y: 0.88, rx: 0.15, rz: 0.106 },
    ],
    { segments: 20, color: C.teal, skin: rigid(J.hips) },
  );
  const bootTop = 0.2;
  for (const s of [1, -1] as const) {
    const sleeve = stripes(0.0, 0.16);
    arm(
      b,
      BODY,
      s,
      // Sleeves rolled up above the elbow, the roll showing white.
      { r0: 0.054, r1: 0.047, cuts: [...sleeve.cuts, 0.2], colorAt: (t) => (t > 0.2 ? C.white : sleeve.colorAt(t)) },
      { r0: 0.043, r1: 0.034, colorAt: () => C.skin },
    );
    hand(b, BODY, s, C.skin);
    leg(
      b,
      BODY,
      s,
      { r0: 0.074, r1: 0.058, colorAt: () => C.teal },
      { r0: 0.058, r1: 0.046, cuts: [bootTop], colorAt: (t) => (t < bootTop ? C.teal : C.boot) },
    );
    // The boot's rim stands proud of the leg.
    lathe(
      b,
      [
        { y: bootTop - 0.012, rx: 0.05 },
        { y: bootTop, rx: 0.062 },
        { y: bootTop + 0.02, rx: 0.062 },
        { y: bootTop + 0.02, rx: 0.052 },
      ],
      {
        segments: 12,
        color: C.boot,
        skin: rigid(s > 0 ? J.leftLowerLeg : J.rightLowerLeg),
        place: (p) => [s * BODY.hipX - p[0], BODY.kneeY - p[1], p[2]],
      },
    );
    shoe(b, BODY, s, C.boot, { sole: C.sole, length: 0.115, width: 0.05, height: 0.062 });
  }
}

function hairAndCap(b: MeshBuilder): void {
  const { headCentre: c, headR: r } = BODY;
  const hairEdge = byYaw([
    [0, 0.55],
    [0.9, 0.42],
    [1.25, 0.12],
    [1.65, 0.02],
    [2.3, -0.32],
    [Math.PI, -0.42],
  ]);
  // Mostly under the cap, so coarser than the cap itself.
  shell(b, { centre: c, r, lift: 0.009, crown: 0.004, edge: hairEdge, color: C.hair, rows: 5, cols: 30 });
  const capEdge = byYaw([
    [0, 0.5],
    [1.2, 0.42],
    [2.2, 0.24],
    [Math.PI, 0.2],
  ]);
  shell(b, { centre: c, r, lift: 0.024, crown: 0.014, edge: capEdge, color: C.cap, rows: 6, cols: 36 });
  // The peak: a curved plate out from the cap's front edge, dipping a little.
  const cols = 13;
  b.grid(
    3,
    cols,
    (i, j) => {
      const yaw = -0.95 + (1.9 * j) / (cols - 1);
      const reach = [0, 0.035, 0.068][i] * Math.cos(yaw * 0.9);
      const at = headPoint(c, r, yaw, capEdge(yaw), 0.024);
      const out: Vec3 = [Math.sin(yaw), 0, Math.cos(yaw)];
      return [at.p[0] + out[0] * reach, at.p[1] - 0.004 - reach * 0.28, at.p[2] + out[2] * reach];
    },
    { color: C.cap, skin: rigid(J.head), flip: true },
  );
  const top = headPoint(c, r, 0, Math.PI / 2, 0.036);
  lathe(b, ellipsoidRings(0.012, 0.006, 0.012, 4), {
    segments: 8,
    color: C.rust,
    skin: rigid(J.head),
    place: (p) => [p[0] + top.p[0], p[1] + top.p[1], p[2] + top.p[2]],
  });
  // Ears: this guide's hair is short.
  for (const s of [1, -1]) {
    const e = headPoint(c, r, s * 1.52, -0.1, -0.004);
    lathe(b, ellipsoidRings(0.016, 0.032, 0.024, 6), {
      segments: 10,
      color: mix(C.skin, C.blush, 0.2),
      skin: rigid(J.head),
      place: (p) => [p[0] + e.p[0], p[1] + e.p[1], p[2] + e.p[2]],
    });
  }
}

export const shapoweiGuide: GuideSpec = {
  file: 'shapowei-guide.glb',
  rootName: 'Guide_AHai',
  extras: {
    landmark: 'shapowei',
    name_zh: '阿海',
    name_en: 'A-Hai',
    about_zh: '沙坡尾向导：老渔港的青年，海魂衫、锈橙色领巾、青绿色工装裤、黄色水靴和藏青色鸭舌帽。',
    about_en:
      'The Shapowei guide: a young man of the old fishing harbour in a striped sailor shirt, rust neckerchief, teal work trousers, yellow boots and a navy cap.',
  },
  body: BODY,
  face: FACE,
  build(b) {
    neck(b, BODY, C.skin, 0.049);
    buildHead(b, FACE);
    hairAndCap(b);
    outfit(b);
  },
};
