/**
 * One merged geometry per avatar style: every body part is a primitive tagged with its limb
 * (aPart), its base colour (color, linear) and how much of the visitor's own colour it takes
 * (aTint). Limbs are bent in the vertex shader, so a whole person is one draw of one geometry.
 */
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { AVATAR_STYLES } from '../../../../shared/constants';
import { Joint, Part } from './avatarParts';

interface Piece {
  geo: THREE.BufferGeometry;
  part: Part;
  color: string;
  /** 0 = fixed colour; 1 = multiplied by the visitor's colour (`color` then acts as a shade) */
  tint?: number;
  at: [number, number, number];
  scale?: [number, number, number];
  rotX?: number;
}

const SKIN = '#eec39c';
const WHITE = '#ffffff';
const DARK = '#1d1b1a';
const HEAD_Y = 1.575;

// Low segment counts: an avatar is small on screen and the crowd must stay cheap in triangles.
const cyl = (rTop: number, rBottom: number, h: number, seg = 10) => new THREE.CylinderGeometry(rTop, rBottom, h, seg, 1);
const ball = (r: number, w = 12, h = 8) => new THREE.SphereGeometry(r, w, h);
const box = (w: number, h: number, d: number) => new THREE.BoxGeometry(w, h, d);

/**
 * Hair or a headscarf: a crown over the top plus a shell down the back, leaving the face open.
 * (three's sphere puts phi = pi..2pi on the -z side, i.e. behind the face.)
 */
function hairdo(r: number, backReach: number, color: string, tint = 0, lift = 0.01): Piece[] {
  const crown = new THREE.SphereGeometry(r, 12, 4, 0, Math.PI * 2, 0, Math.PI * 0.3);
  const back = new THREE.SphereGeometry(r, 8, 6, Math.PI, Math.PI, 0, Math.PI * backReach);
  return [
    { geo: crown, part: Part.head, color, tint, at: [0, HEAD_Y + lift, -0.004], scale: [1.02, 1.1, 1.06] },
    { geo: back, part: Part.head, color, tint, at: [0, HEAD_Y + lift, -0.01], scale: [1.02, 1.1, 1.06] },
  ];
}

/** Both sides of a limb pair: `side` +1 is the avatar's left (+x). */
function pair(make: (side: 1 | -1) => Piece): Piece[] {
  return [make(1), make(-1)];
}

interface Outfit {
  pants: string;
  shoes: string;
  /** shade of the visitor colour on the torso / sleeves */
  top: string;
  longSleeves: boolean;
  legWidth: number;
  extras: Piece[];
}

function outfit(style: (typeof AVATAR_STYLES)[number]): Outfit {
  switch (style) {
    case 'business':
      return {
        pants: '#2b2f38',
        shoes: '#141414',
        top: '#c8c8c8', // a suit jacket reads darker than a T-shirt of the same colour
        longSleeves: true,
        legWidth: 1,
        extras: [
          // shirt front and tie in the jacket's V
          { geo: box(0.1, 0.09, 0.02), part: Part.trunk, color: '#f4f4f0', at: [0, 1.355, 0.115] },
          { geo: box(0.034, 0.25, 0.02), part: Part.trunk, color: '#23262e', at: [0, 1.235, 0.128] },
          ...hairdo(0.118, 0.55, '#17130f'),
        ],
      };
    case 'traditional':
      // Hui'an / Minnan dress: conical bamboo hat over a headscarf, short top, wide dark trousers, silver belt.
      return {
        pants: '#1e1f26',
        shoes: '#2a2420',
        top: WHITE,
        longSleeves: true,
        legWidth: 1.35,
        extras: [
          ...hairdo(0.122, 0.78, WHITE, 0.75, 0),
          { geo: cyl(0.015, 0.3, 0.15, 16), part: Part.head, color: '#d9b76a', at: [0, HEAD_Y + 0.16, 0] },
          { geo: cyl(0.19, 0.19, 0.035, 14), part: Part.trunk, color: '#c9ced4', at: [0, 0.97, 0], scale: [1, 1, 0.7] },
        ],
      };
    case 'casual':
    default:
      return {
        pants: '#34507d',
        shoes: '#ecebe6',
        top: WHITE,
        longSleeves: false,
        legWidth: 1,
        extras: hairdo(0.12, 0.6, '#3a271c'),
      };
  }
}

function pieces(style: (typeof AVATAR_STYLES)[number]): Piece[] {
  const o = outfit(style);
  const j = Joint;
  const w = o.legWidth;
  return [
    // legs: thigh (hip to knee), shin (knee to ankle), shoe
    ...pair((s) => ({
      geo: cyl(0.085 * w, 0.07 * w, j.hipY - j.kneeY + 0.04),
      part: s > 0 ? Part.thighL : Part.thighR,
      color: o.pants,
      at: [s * j.hipX, (j.hipY + j.kneeY) / 2, 0],
    })),
    ...pair((s) => ({
      geo: cyl(0.068 * w, 0.058 * w, j.kneeY - 0.06),
      part: s > 0 ? Part.shinL : Part.shinR,
      color: o.pants,
      at: [s * j.hipX, (j.kneeY + 0.08) / 2 + 0.01, 0],
    })),
    ...pair((s) => ({ geo: box(0.11, 0.075, 0.24), part: s > 0 ? Part.shinL : Part.shinR, color: o.shoes, at: [s * j.hipX, 0.037, 0.035] })),
    // hips, torso, shoulders, neck
    { geo: cyl(0.185, 0.175, 0.16, 12), part: Part.trunk, color: o.pants, at: [0, 0.93, 0], scale: [1, 1, 0.68] },
    { geo: cyl(0.2, 0.17, 0.47, 12), part: Part.trunk, color: o.top, tint: 1, at: [0, 1.165, 0], scale: [1, 1, 0.62] },
    { geo: ball(0.2, 12, 6), part: Part.trunk, color: o.top, tint: 1, at: [0, 1.395, 0], scale: [1, 0.32, 0.62] },
    { geo: cyl(0.048, 0.055, 0.12, 8), part: Part.trunk, color: SKIN, at: [0, 1.46, 0] },
    // head with eyes, so you can tell which way someone faces
    { geo: ball(0.11, 14, 10), part: Part.head, color: SKIN, at: [0, HEAD_Y, 0], scale: [1, 1.1, 1.04] },
    ...pair((s) => ({ geo: box(0.024, 0.03, 0.02), part: Part.head, color: DARK, at: [s * 0.04, HEAD_Y + 0.012, 0.104] })),
    // arms: sleeve, forearm (skin or sleeve), hand
    ...pair((s) => ({
      geo: cyl(0.056, 0.05, j.shoulderY - j.elbowY + 0.04),
      part: s > 0 ? Part.upperArmL : Part.upperArmR,
      color: o.top,
      tint: 1,
      at: [s * j.shoulderX, (j.shoulderY + j.elbowY) / 2, 0],
    })),
    ...pair((s) => ({
      geo: cyl(0.047, 0.04, 0.27),
      part: s > 0 ? Part.forearmL : Part.forearmR,
      color: o.longSleeves ? o.top : SKIN,
      tint: o.longSleeves ? 1 : 0,
      at: [s * j.shoulderX, j.elbowY - 0.13, 0],
    })),
    ...pair((s) => ({ geo: ball(0.045, 8, 6), part: s > 0 ? Part.forearmL : Part.forearmR, color: SKIN, at: [s * j.shoulderX, j.elbowY - 0.3, 0.005] })),
    ...o.extras,
  ];
}

const scratch = new THREE.Color();
const m = new THREE.Matrix4();
const q = new THREE.Quaternion();
const e = new THREE.Euler();
const v = new THREE.Vector3();
const sc = new THREE.Vector3();

function bake(p: Piece): THREE.BufferGeometry {
  const g = p.geo;
  g.deleteAttribute('uv');
  e.set(p.rotX ?? 0, 0, 0);
  q.setFromEuler(e);
  v.set(...p.at);
  sc.set(...(p.scale ?? [1, 1, 1]));
  g.applyMatrix4(m.compose(v, q, sc));
  const n = g.getAttribute('position').count;
  // THREE.Color converts the sRGB hex into the renderer's linear working space.
  scratch.set(p.color);
  const color = new Float32Array(n * 3);
  const part = new Float32Array(n).fill(p.part);
  const tint = new Float32Array(n).fill(p.tint ?? 0);
  for (let i = 0; i < n; i++) scratch.toArray(color, i * 3);
  g.setAttribute('color', new THREE.BufferAttribute(color, 3));
  g.setAttribute('aPart', new THREE.BufferAttribute(part, 1));
  g.setAttribute('aTint', new THREE.BufferAttribute(tint, 1));
  return g;
}

const cache = new Map<number, THREE.BufferGeometry>();

/** The merged figure for a style index (unknown indices fall back to casual). Built once, shared. */
export function avatarGeometry(styleIndex: number): THREE.BufferGeometry {
  const key = AVATAR_STYLES[styleIndex] ? styleIndex : 0;
  let g = cache.get(key);
  if (!g) {
    const parts = pieces(AVATAR_STYLES[key]).map(bake);
    g = mergeGeometries(parts, false);
    for (const p of parts) p.dispose();
    cache.set(key, g);
  }
  return g;
}
