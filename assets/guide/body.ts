/**
 * Body parts both guides share: limbs as capsules about their joints, hands, shoes, the neck, and
 * the skin weights that bend the torso between hips, spine and chest. Outfits colour them through
 * `colorAt` callbacks that get the distance along the limb, so a sleeve ends or a stripe runs
 * where the outfit says.
 */
import { J, type Body } from './skeleton';
import { qRotate, rot, type Quat, type Vec3 } from './math';
import { banded, capsuleRings, ellipsoidRings, lathe, rigid, type Influence, type MeshBuilder, type Ring, type SkinFn } from './meshBuilder';

/** Piecewise-linear weights along y between the torso joints, for the torso and whatever it wears. */
export function torsoSkin(body: Body): SkinFn {
  const stops: [number, number][] = [
    [J.hips, body.hipsY + 0.02],
    [J.spine, body.spineY + 0.02],
    [J.chest, body.chestY + 0.04],
  ];
  return (p) => {
    const y = p[1];
    if (y <= stops[0][1]) return [[stops[0][0], 1]];
    for (let k = 0; k < stops.length - 1; k++) {
      const [ja, ya] = stops[k];
      const [jb, yb] = stops[k + 1];
      if (y <= yb) {
        const t = (y - ya) / (yb - ya);
        return [
          [ja, 1 - t],
          [jb, t],
        ];
      }
    }
    return [[J.chest, 1]];
  };
}

export interface LimbStyle {
  /** colour at a distance along the limb from its root joint (upper arm from the shoulder ...) */
  colorAt: (t: number) => Vec3;
  /** where the colour changes, in the same distances */
  cuts?: number[];
  r0: number;
  r1: number;
  /** the cross-section's depth over its width */
  depth?: number;
}

function limb(b: MeshBuilder, len: number, style: LimbStyle, joint: number, place: (p: Vec3) => Vec3, segments = 10): void {
  const rings = capsuleRings(len, style.r0, style.r1, 4, 3).map((r): Ring => ({ ...r, rz: r.rx * (style.depth ?? 1) }));
  lathe(b, banded(rings, style.cuts ?? [], style.colorAt), { segments, color: [1, 1, 1], skin: rigid(joint), place });
}

/** Side +1 is the guide's left (+x), -1 its right. */
export function arm(b: MeshBuilder, body: Body, side: 1 | -1, upper: LimbStyle, lower: LimbStyle): void {
  const s = side;
  // The lathe's +Y turned onto the arm's direction (+x for the left arm, -x for the right).
  const along =
    (origin: number) =>
    (p: Vec3): Vec3 => [s * (origin + p[1]), body.shoulderY - s * p[0], p[2]];
  limb(b, body.upperArm, upper, s > 0 ? J.leftUpperArm : J.rightUpperArm, along(body.shoulderX));
  limb(b, body.lowerArm, lower, s > 0 ? J.leftLowerArm : J.rightLowerArm, along(body.shoulderX + body.upperArm));
}

/** A mitten hand with a thumb, palm down as in the T-pose. */
export function hand(b: MeshBuilder, body: Body, side: 1 | -1, skin: Vec3): void {
  const s = side;
  const wrist = body.shoulderX + body.upperArm + body.lowerArm;
  const joint = s > 0 ? J.leftHand : J.rightHand;
  lathe(b, ellipsoidRings(0.021, 0.05, 0.038, 8), {
    segments: 12,
    color: skin,
    skin: rigid(joint),
    place: (p) => [s * (wrist + 0.042 + p[1]), body.shoulderY - 0.004 - s * p[0], p[2]],
  });
  // The thumb points forward and out, as a thumb does with the palm down.
  const q: Quat = rot(['z', (-s * Math.PI) / 2], ['y', s * -0.7]);
  lathe(b, ellipsoidRings(0.012, 0.026, 0.013, 6), {
    segments: 8,
    color: skin,
    skin: rigid(joint),
    place: (p) => {
      const r = qRotate(q, p);
      return [s * (wrist + 0.02) + r[0], body.shoulderY - 0.008 + r[1], 0.03 + r[2]];
    },
  });
}

export function leg(b: MeshBuilder, body: Body, side: 1 | -1, upper: LimbStyle, lower: LimbStyle): void {
  const x = side * body.hipX;
  // Turned half a turn about z: the lathe's +Y points down the leg (a turn, not a mirror, keeps the winding).
  const down =
    (top: number) =>
    (p: Vec3): Vec3 => [x - p[0], top - p[1], p[2]];
  limb(b, body.hipY - body.kneeY, upper, side > 0 ? J.leftUpperLeg : J.rightUpperLeg, down(body.hipY));
  limb(b, body.kneeY - body.ankleY, lower, side > 0 ? J.leftLowerLeg : J.rightLowerLeg, down(body.kneeY));
}

/** A rounded shoe, flat on the ground, toe forward. */
export function shoe(
  b: MeshBuilder,
  body: Body,
  side: 1 | -1,
  color: Vec3,
  opts: { length?: number; width?: number; height?: number; sole?: Vec3 } = {},
): void {
  const x = side * body.hipX;
  const len = opts.length ?? 0.105;
  const sole = opts.sole;
  const rings = ellipsoidRings(opts.width ?? 0.045, len, opts.height ?? 0.06, 10);
  lathe(b, rings, {
    segments: 14,
    color: (_i, _j, p) => (sole && p[1] < 0.012 ? sole : color),
    skin: rigid(side > 0 ? J.leftFoot : J.rightFoot),
    // Lathe +Y turned forward (+z), about x; the sole is cut flat at the ground.
    place: (p) => [x + p[0], Math.max(0, body.ankleY - 0.03 - p[2]), 0.035 + p[1]],
  });
}

export function neck(b: MeshBuilder, body: Body, skinColor: Vec3, r = 0.042): void {
  const rings: Ring[] = [
    { y: body.neckY - 0.03, rx: r * 1.15 },
    { y: body.neckY + 0.02, rx: r },
    { y: body.headY, rx: r * 0.97 },
    { y: body.headY + 0.06, rx: r * 0.9 },
  ];
  const skin: SkinFn = (p): Influence[] => {
    const t = Math.min(1, Math.max(0, (p[1] - (body.headY - 0.02)) / 0.05));
    return [
      [J.neck, 1 - t],
      [J.head, t],
    ];
  };
  lathe(b, rings, { segments: 12, color: skinColor, skin });
}
