/**
 * The guide's face, drawn as thin layers on its spherical head: whites, irises that the eye joints
 * slide over the sphere, upper lids that close for `blink`, brows that lift for `browRaise`, and a
 * mouth whose outline takes the five viseme shapes `aa`, `ih`, `ou`, `ee`, `oh` (all at zero is the
 * resting smile). The names match VRM's expression presets, so lip-sync code written for a VRM
 * drives this face unchanged. Features are placed in arc lengths on the sphere: x along the
 * equator (to the guide's left), y up from it.
 */
import { J } from './skeleton';
import { mix, type Vec3 } from './math';
import { ellipsoidRings, lathe, rigid, type MeshBuilder } from './meshBuilder';

export const MORPH_NAMES = ['blink', 'browRaise', 'aa', 'ih', 'ou', 'ee', 'oh'] as const;
export const VISEMES = ['aa', 'ih', 'ou', 'ee', 'oh'] as const;
type Viseme = (typeof VISEMES)[number];

export interface FaceStyle {
  centre: Vec3;
  r: number;
  skin: Vec3;
  blush: Vec3;
  iris: Vec3;
  brow: Vec3;
  lip: Vec3;
  eyeX: number;
  eyeY: number;
  /** half width and half height of the eye white */
  eyeW: number;
  eyeH: number;
  browY: number;
  browThick: number;
  mouthY: number;
  mouthW: number;
  /** how far the lash line runs past the eye's outer corner */
  lashWing: number;
}

const WHITE: Vec3 = [0.93, 0.9, 0.86];
const PUPIL: Vec3 = [0.01, 0.008, 0.008];
const SHINE: Vec3 = [1, 1, 1];
const LASH: Vec3 = [0.012, 0.008, 0.008];

/** A point `off` metres above the head's sphere at arc coordinates (x, y). */
function onHead(f: FaceStyle, x: number, y: number, off: number): Vec3 {
  const yaw = x / f.r;
  const pitch = y / f.r;
  const d = f.r + off;
  return [f.centre[0] + d * Math.sin(yaw) * Math.cos(pitch), f.centre[1] + d * Math.sin(pitch), f.centre[2] + d * Math.cos(yaw) * Math.cos(pitch)];
}

/** An elliptical disc on the head: ring 0 is the centre, the last ring the outline. */
function disc(
  b: MeshBuilder,
  f: FaceStyle,
  cx: number,
  cy: number,
  w: number,
  h: number,
  off: number,
  rings: { t: number; color: Vec3 }[],
  joint: number,
  segments = 16,
) {
  return b.grid(
    rings.length,
    segments,
    (i, j) => {
      // Clockwise in the face's plane, so the disc faces outwards.
      const a = (-j / segments) * Math.PI * 2;
      return onHead(f, cx + rings[i].t * w * Math.cos(a), cy + rings[i].t * h * Math.sin(a), off);
    },
    { wrap: true, color: (i) => rings[i].color, skin: rigid(joint) },
  );
}

export function buildHead(b: MeshBuilder, f: FaceStyle): void {
  lathe(b, ellipsoidRings(f.r, f.r, f.r, 16), {
    segments: 30,
    color: f.skin,
    skin: rigid(J.head),
    place: (p) => [p[0] + f.centre[0], p[1] + f.centre[1], p[2] + f.centre[2]],
  });
  // A small round nose, mostly sunk into the head.
  const nose = onHead(f, 0, f.eyeY - f.eyeH - 0.012, -0.006);
  lathe(b, ellipsoidRings(0.017, 0.014, 0.016, 6), {
    segments: 10,
    color: mix(f.skin, f.blush, 0.25),
    skin: rigid(J.head),
    place: (p) => [p[0] + nose[0], p[1] + nose[1], p[2] + nose[2]],
  });
  for (const s of [1, -1]) {
    disc(
      b,
      f,
      s * (f.eyeX + 0.028),
      f.mouthY + 0.03,
      0.022,
      0.013,
      0.0008,
      [
        { t: 0, color: mix(f.skin, f.blush, 0.75) },
        { t: 0.5, color: mix(f.skin, f.blush, 0.5) },
        { t: 1, color: f.skin },
      ],
      J.head,
      12,
    );
    eye(b, f, s);
    brow(b, f, s);
  }
  mouth(b, f);
}

/** Iris size and place within the eye white, shared by the drawing and the look range below. */
const irisOf = (f: FaceStyle) => ({ w: f.eyeW * 0.7, h: f.eyeH * 0.78, dy: -f.eyeH * 0.12 });

/**
 * How far (radians) the eye joints may turn before the iris leaves the white: yaw either way, and
 * pitch down (up is under the lid anyway). Written into the file's extras for the app's look-at.
 */
export function eyeLookRange(f: FaceStyle): { yaw: number; pitch: number } {
  const i = irisOf(f);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { yaw: round((f.eyeW - i.w) / f.r), pitch: round((f.eyeH + i.dy - i.h) / f.r) };
}

function eye(b: MeshBuilder, f: FaceStyle, s: number): void {
  const ex = s * f.eyeX;
  const ey = f.eyeY;
  const eyeJoint = s > 0 ? J.leftEye : J.rightEye;
  disc(
    b,
    f,
    ex,
    ey,
    f.eyeW,
    f.eyeH,
    0.0015,
    [
      { t: 0, color: WHITE },
      { t: 1, color: WHITE },
    ],
    J.head,
  );
  const { w: irisW, h: irisH, dy } = irisOf(f);
  const iy = ey + dy;
  disc(
    b,
    f,
    ex,
    iy,
    irisW,
    irisH,
    0.003,
    [
      { t: 0, color: PUPIL },
      { t: 0.42, color: PUPIL },
      { t: 0.6, color: f.iris },
      { t: 0.88, color: f.iris },
      { t: 1, color: mix(f.iris, PUPIL, 0.6) },
    ],
    eyeJoint,
  );
  // The catch-light sits up and toward the guide's left in both eyes, as one light would put it.
  disc(
    b,
    f,
    ex + irisW * 0.35,
    iy + irisH * 0.4,
    irisW * 0.3,
    irisH * 0.26,
    0.0045,
    [
      { t: 0, color: SHINE },
      { t: 1, color: SHINE },
    ],
    eyeJoint,
    8,
  );

  // Upper lid: skin above a lash line. Rest leaves the lid over the top of the white; `blink`
  // brings the lash line down below the eye, where it reads as a closed, smiling eye.
  const cols = 11;
  const reach = 1.15;
  const arc = (u: number) => Math.sqrt(Math.max(0, 1 - u * u));
  const lashT = 0.0045;
  const colX = (j: number) => -reach + (2 * reach * j) / (cols - 1);
  // The lash runs a little past the outer corner (the side away from the nose).
  const wing = (u: number) => (u * s > 1 ? f.lashWing * (u * s - 1) * 4 : 0);
  // Rows: lash edge, lash top, then skin from the lash top (a second ring there, for a hard edge)
  // up to the lid's top. Closed, the skin spans the whole eye: enough rows that its flat triangles
  // do not sag behind the iris.
  const LID_ROWS = 7;
  const rows =
    (closed: boolean) =>
    (i: number, j: number): Vec3 => {
      const u = colX(j);
      const x = ex + u * f.eyeW;
      const edge = closed ? ey - (f.eyeH + 0.003) * arc(u) - 0.0015 : ey + f.eyeH * 0.62 * arc(u) + wing(u);
      const top = ey + f.eyeH * 1.15 * Math.max(0.35, arc(u)) + 0.004;
      const lashTop = Math.min(edge + lashT * (1 - 0.5 * Math.abs(u) ** 2), top);
      const y = i === 0 ? edge : lashTop + ((top - lashTop) * Math.max(0, i - 2)) / (LID_ROWS - 3);
      return onHead(f, x, y, 0.006);
    };
  const lid = b.grid(LID_ROWS, cols, rows(false), { color: (i) => (i < 2 ? LASH : f.skin), skin: rigid(J.head) });
  const closed = rows(true);
  b.morph('blink', lid, (k) => closed(Math.floor(k / cols), k % cols));
}

function brow(b: MeshBuilder, f: FaceStyle, s: number): void {
  const cols = 9;
  const w = f.eyeW * 1.05;
  const shape =
    (raised: boolean) =>
    (i: number, j: number): Vec3 => {
      const u = -1 + (2 * j) / (cols - 1);
      const x = s * f.eyeX + u * w;
      const arch = (raised ? 0.009 : 0.005) * (1 - u * u);
      const mid = f.eyeY + f.browY + (raised ? 0.014 : 0) + arch;
      const half = (f.browThick / 2) * (1 - 0.55 * u * u);
      return onHead(f, x, mid + (i === 0 ? -half : half), 0.002);
    };
  const r = b.grid(2, cols, shape(false), { color: f.brow, skin: rigid(J.head) });
  const up = shape(true);
  b.morph('browRaise', r, (k) => up(Math.floor(k / cols), k % cols));
}

/** A mouth outline: a lower and an upper edge over u in -1..1, as offsets from the mouth's centre. */
interface MouthShape {
  w: number;
  /** corner height, and how far the upper and lower edges part from the corners' line at the middle */
  corner: number;
  up: number;
  down: number;
  /** 1 gives a lens (pointed corners), 0.5 an ellipse (rounded) */
  round: number;
}

const MOUTH_REST: MouthShape = { w: 1, corner: 0.008, up: -0.0012, down: 0.0032, round: 1 };
const MOUTH: Record<Viseme, MouthShape> = {
  aa: { w: 0.9, corner: 0.005, up: 0.004, down: 0.024, round: 0.6 },
  ih: { w: 1.05, corner: 0.006, up: 0.002, down: 0.009, round: 0.7 },
  ou: { w: 0.42, corner: 0, up: 0.007, down: 0.011, round: 0.5 },
  ee: { w: 1.18, corner: 0.009, up: 0.001, down: 0.011, round: 0.8 },
  oh: { w: 0.62, corner: 0.001, up: 0.008, down: 0.018, round: 0.5 },
};

function mouth(b: MeshBuilder, f: FaceStyle): void {
  const cols = 13;
  const dark: Vec3 = mix(f.lip, PUPIL, 0.55);
  const tongue: Vec3 = mix(f.lip, [0.9, 0.35, 0.35], 0.5);
  // Rows from the lower edge up: lip line, tongue, mouth inside, inside, upper lip line.
  const rowColor = [f.lip, tongue, dark, dark, mix(f.lip, PUPIL, 0.3)];
  const at =
    (m: MouthShape) =>
    (i: number, j: number): Vec3 => {
      const u = -1 + (2 * j) / (cols - 1);
      const e = Math.pow(Math.max(0, 1 - u * u), m.round);
      const base = f.mouthY + m.corner * u * u;
      const lower = base - m.down * e;
      const upper = base + m.up * e;
      return onHead(f, u * (f.mouthW / 2) * m.w, lower + ((upper - lower) * i) / 4, 0.0015);
    };
  const r = b.grid(5, cols, at(MOUTH_REST), { color: (i) => rowColor[i], skin: rigid(J.head) });
  for (const v of VISEMES) {
    const shape = at(MOUTH[v]);
    b.morph(v, r, (k) => shape(Math.floor(k / cols), k % cols));
  }
}
