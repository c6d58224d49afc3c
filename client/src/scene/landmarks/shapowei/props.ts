/**
 * Shapowei's buildings and boats, drawn by code in local space (front towards +z). Window panes
 * go to a separate builder so the evening mood can light them with one material swap; bulbs
 * (lamp heads, string lights) go to another for the same reason.
 */
import * as THREE from 'three';
import { GeoBuilder, T } from '../common/GeoBuilder';
import { C } from '../common/palette';

export interface Builders {
  body: GeoBuilder;
  glass: GeoBuilder;
  /** lamp heads and string-light bulbs: plain in the day, glowing in the evening */
  bulbs: GeoBuilder;
  /** mural and sign planes in world space: (matrix, w, h, atlas cell) */
  murals: Array<{ m: THREE.Matrix4; w: number; h: number; cell: number }>;
}

/** Atlas cells (see murals.ts): four paintings, then signs. */
export const CELL = { waves: 0, egret: 1, flowers: 2, geometry: 3, shapowei: 4, artWest: 5, cafe: 6, live: 7 } as const;

const v0 = new THREE.Vector3();
const v1 = new THREE.Vector3();

/** A thin bar from a to b (ropes, wires), in the builder's current frame. */
export function bar(b: GeoBuilder, color: string, a: THREE.Vector3, c: THREE.Vector3, t = 0.06): void {
  const dx = c.x - a.x;
  const dy = c.y - a.y;
  const dz = c.z - a.z;
  const len = Math.hypot(dx, dy, dz);
  if (len < 1e-3) return;
  b.add(T.box, color, {
    x: (a.x + c.x) / 2,
    y: (a.y + c.y) / 2,
    z: (a.z + c.z) / 2,
    ry: Math.atan2(dx, dz),
    rx: -Math.asin(dy / len),
    sx: t,
    sy: t,
    sz: len,
  });
}

/**
 * A string of festoon lights sagging between two points (world space): a dark wire and a bulb
 * about every metre.
 */
export function stringLights(B: Builders, a: THREE.Vector3, c: THREE.Vector3, sag: number): void {
  const len = a.distanceTo(c);
  const n = Math.max(4, Math.round(len / 1.1));
  for (let i = 0; i < n; i++) {
    const t0 = i / n;
    const t1 = (i + 1) / n;
    v0.lerpVectors(a, c, t0);
    v0.y -= sag * 4 * t0 * (1 - t0);
    v1.lerpVectors(a, c, t1);
    v1.y -= sag * 4 * t1 * (1 - t1);
    bar(B.body, '#2a2a2a', v0, v1, 0.04);
    if (i > 0)
      B.bulbs.add(T.box, i % 3 === 0 ? '#ffe0a0' : i % 3 === 1 ? '#ffd08a' : '#fff0c8', { x: v0.x, y: v0.y - 0.14, z: v0.z, sx: 0.2, sy: 0.26, sz: 0.2 });
  }
}

export type WarehouseStyle = 'brick' | 'icehouse' | 'frame';

/** A warehouse's depth, front (the quay side, +z) to back, metres. */
export const WAREHOUSE_DEPTH = 26;
/** How far in front of a qilou's centre its arcade columns stand (+z), metres. */
export const QILOU_ARCADE = 6.7;

/**
 * A converted warehouse of the Art West Zone, 26 m deep (z) and `len` long (x); the quay front
 * is +z. Brick sheds with pitched roofs, the sawtooth ice plant, or a concrete-frame factory;
 * all have roller doors turned shopfronts, awnings, shop signs and big painted murals.
 */
export function warehouse(B: Builders, len: number, style: WarehouseStyle, at: THREE.Matrix4, k: number): void {
  const { body, glass } = B;
  const d = WAREHOUSE_DEPTH;
  const h = style === 'frame' ? 10.5 : 9;
  const wall = style === 'brick' ? C.brick : style === 'icehouse' ? '#b9b6ae' : '#a94f36';
  body.boxB(C.concrete, len + 0.4, 0.4, d + 0.4);
  body.boxB(wall, len, h, d, { y: 0.4 });
  // brick courses: a darker band every metre or so reads as brickwork from a distance
  if (style !== 'icehouse') for (let y = 1.4; y < h; y += 1.1) body.boxB(C.brickDark, len + 0.06, 0.08, d + 0.06, { y });
  if (style === 'frame') {
    // exposed concrete frame: columns and floor beams on the front and the ends
    for (let i = 0; i <= 4; i++) body.boxB(C.concrete, 0.7, h, 0.5, { x: -len / 2 + (i * len) / 4, y: 0.4, z: d / 2 });
    body.boxB(C.concrete, len + 0.2, 0.6, 0.6, { y: 5.2, z: d / 2 });
    body.boxB(C.concrete, len + 0.4, 0.8, d + 0.4, { y: h + 0.4 });
  }
  if (style === 'icehouse') {
    const n = Math.round(len / 6);
    for (let i = 0; i < n; i++) {
      const x = -len / 2 + (i + 0.5) * (len / n);
      body.add(T.box, '#8a8f94', { x, y: h + 0.5, sx: len / n, sy: 0.2, sz: d });
      body.add(T.box, '#7b8186', { x: x - len / n / 4, y: h + 1.3, sx: 0.25, sy: 3.2, sz: d, rz: -0.5 });
      glass.box('#2b3742', 0.1, 2.4, d - 1, { x: x + len / n / 2 - 0.3, y: h + 0.8 });
    }
  } else if (style === 'brick') {
    const roof = new THREE.CylinderGeometry(1, 1, 1, 3, 1).rotateZ(Math.PI / 2).rotateY(Math.PI / 2);
    body.add(roof, '#6f767c', { y: h + 0.4 + 1.55, sx: len + 0.8, sy: 3.2, sz: d / 1.6 });
    roof.dispose();
    // the gable ends: brick triangles under the roof
    const gable = new THREE.CylinderGeometry(1, 1, 1, 3, 1).rotateZ(Math.PI / 2).rotateY(Math.PI / 2);
    body.add(gable, wall, { y: h + 0.4 + 1.5, sx: len, sy: 3.0, sz: d / 1.62 });
    gable.dispose();
  }
  // the quay side (+z): roller doors turned shopfronts, awnings, and shop signs
  const bays = Math.max(3, Math.round(len / 6));
  const awn = ['#d9534f', '#e8c547', '#2a9d8f', '#f4f1ea', '#264653'];
  for (let i = 0; i < bays; i++) {
    const x = -len / 2 + (i + 0.5) * (len / bays);
    const w = (len / bays) * 0.72;
    glass.boxB('#2b3742', w, 3.3, 0.15, { x, y: 0.4, z: d / 2 + 0.05 });
    body.boxB('#f4f1ea', w + 0.3, 0.2, 0.2, { x, y: 3.7, z: d / 2 + 0.1 });
    body.boxB(awn[(i + k) % awn.length], w + 0.4, 0.2, 1.8, { x, y: 4.0, z: d / 2 + 0.9, rx: 0.28 });
    if (style !== 'frame') glass.boxB('#2b3742', w * 0.8, 1.3, 0.15, { x, y: 6.4, z: d / 2 + 0.05 });
  }
  // painted street art: a long mural over the shopfronts, the whole north gable, the south gable
  const place = (x: number, y: number, z: number, ry: number, w: number, hh: number, cell: number) => {
    const m = new THREE.Matrix4().makeRotationY(ry).setPosition(x, y, z);
    B.murals.push({ m: at.clone().multiply(m), w, h: hh, cell });
  };
  const paint = (i: number) => [CELL.waves, CELL.egret, CELL.flowers, CELL.geometry][(k + i) % 4];
  if (style === 'frame') place(len / 4, 8, d / 2 + 0.3, 0, len * 0.46, 4.4, paint(0));
  else place(len * 0.18, 5.0 + (style === 'brick' ? 2.8 : 2.2) / 2 + 0.3, d / 2 + 0.06, 0, len * 0.55, 2.6, paint(0));
  place(-len / 2 - 0.06, 0.4 + h / 2, 0, -Math.PI / 2, d * 0.86, h * 0.8, paint(1));
  place(len / 2 + 0.06, 0.4 + h / 2, 0, Math.PI / 2, d * 0.86, h * 0.8, paint(2));
  // the shop sign over the doors (Art West Zone, a café, a live house)
  const sign = k % 3 === 0 ? CELL.artWest : k % 3 === 1 ? CELL.cafe : CELL.live;
  const sx = style === 'frame' ? -len / 4 : -len * 0.3;
  body.boxB('#1d2430', len * 0.34 + 0.4, 2.0, 0.25, { x: sx, y: 5.6, z: d / 2 + 0.1 });
  place(sx, 6.6, d / 2 + 0.25, 0, len * 0.34, 1.7, sign);
  // rooftop water tank and vents: the skyline of a working shed
  body.cyl('#8c8a84', 1.1, 2.0, { x: len / 2 - 3, y: h + 0.4, z: -d / 4 }, 8);
  body.boxB('#6a6e72', 1.2, 1.4, 1.2, { x: -len / 2 + 3, y: h + 0.4, z: -d / 3 });
}

/** A brick chimney of the old ice plant. */
export function chimney(b: GeoBuilder): void {
  b.boxB(C.concrete, 5, 1.2, 5);
  const g = new THREE.CylinderGeometry(0.9, 1.5, 1, 8).translate(0, 0.5, 0);
  b.add(g, C.brickDark, { y: 1.2, sy: 26 });
  g.dispose();
  b.cyl('#5a3a2c', 1.05, 0.8, { y: 26.6 }, 8);
  for (const y of [6, 12, 18]) b.cyl(C.brick, 1.35 - y * 0.022, 0.4, { y }, 8);
  b.cyl('#f4f1ea', 1.2, 1.2, { y: 21 }, 8);
}

/**
 * A qilou (arcade house): 12 m wide, 14 m deep, three storeys; the ground floor is set back
 * 3.5 m behind a colonnade that carries the upper floors over the pavement. Shop signboards
 * hang on the arcade beams.
 */
export function qilou(B: Builders, wall: string, trim: string, variant: 0 | 1, k: number): void {
  const { body, glass } = B;
  const W = 12;
  body.boxB(wall, W, 4.2, 10.5, { z: -1.75 });
  body.boxB(wall, W, 7.2, 14, { y: 4.2 });
  body.boxB(trim, W + 0.2, 0.35, 14.2, { y: 4.2 });
  body.boxB(trim, W + 0.3, 0.5, 14.3, { y: 11.4 });
  // arcade colonnade (granite piers) and the beams between them
  for (const x of [-5.7, -1.9, 1.9, 5.7]) {
    body.boxB(C.granite, 0.7, 4.2, 0.7, { x, z: QILOU_ARCADE });
    body.boxB(trim, 0.85, 0.3, 0.85, { x, y: 3.5, z: QILOU_ARCADE });
  }
  for (const x of [-3.8, 0, 3.8]) body.boxB(wall, 3.2, 0.6, 0.4, { x, y: 3.6, z: 6.8 });
  // arcade ceiling shadow and shopfronts
  body.boxB('#6d6259', W, 0.1, 3.5, { y: 4.1, z: 5.25 });
  for (const x of [-3.8, 0, 3.8]) glass.boxB('#2b3742', 2.6, 2.8, 0.12, { x, y: 0.2, z: 3.56 });
  // signboards over the arcade openings: red, gold, blue boards with a light edge
  const boards = ['#b3261e', '#d9a441', '#1f5f99', '#2a7a4f'];
  for (let i = 0; i < 3; i++) {
    const x = -3.8 + i * 3.8;
    if ((i + k) % 3 === 2) continue;
    body.boxB('#f4e9d4', 2.5, 0.85, 0.12, { x, y: 4.5, z: 7.16 });
    body.boxB(boards[(i + k) % boards.length], 2.3, 0.65, 0.14, { x, y: 4.6, z: 7.2 });
  }
  // upper windows with shutters, and a parapet
  for (const y of [5.4, 8.3]) {
    for (const x of [-3.8, 0, 3.8]) {
      glass.boxB('#2b3742', 1.4, 2.0, 0.12, { x, y, z: 7.02 });
      body.boxB(variant ? '#3f7f6b' : '#7a4b35', 0.35, 2.0, 0.1, { x: x - 0.95, y, z: 7.05 });
      body.boxB(variant ? '#3f7f6b' : '#7a4b35', 0.35, 2.0, 0.1, { x: x + 0.95, y, z: 7.05 });
      body.boxB(trim, 1.9, 0.2, 0.3, { x, y: y + 2.05, z: 7.1 });
    }
  }
  // flat roof terrace (dark, weathered) with a stair hut, or a red-tiled hip roof
  if (k % 4 === 1) body.add(T.pyramid, C.roofTile, { y: 11.9, z: 0, sx: W * 1.35, sy: 2.6, sz: 14 * 1.35 });
  else {
    body.boxB('#8c8379', W - 0.4, 0.12, 13.6, { y: 11.85 });
    body.boxB(wall, 3, 2.4, 3, { x: k % 2 ? 3 : -3, y: 11.9, z: -4 });
    body.boxB(C.roofTile, 3.4, 0.3, 3.4, { x: k % 2 ? 3 : -3, y: 14.3, z: -4 });
  }
  if (variant) {
    body.boxB(trim, 4, 1.6, 0.4, { y: 11.9, z: 6.9 });
    body.boxB(trim, 2, 0.8, 0.4, { y: 13.5, z: 6.9 });
  } else {
    for (let i = 0; i < 6; i++) body.boxB(trim, 0.5, 0.9, 0.3, { x: -5 + i * 2, y: 11.9, z: 6.95 });
  }
  // a red lantern pair under the arcade
  for (const x of [-1.9, 1.9]) B.bulbs.add(T.sphere, '#e0442f', { x, y: 3.3, z: 6.1, sx: 0.32, sy: 0.4, sz: 0.32 });
}

export interface BoatPaint {
  hull: string;
  stripe: string;
  cabin: string;
  roof: string;
}

/** The three paint schemes of the moored boats: blue, white with red, red with green. */
export const BOAT_PAINTS: Record<'a' | 'b' | 'c', BoatPaint> = {
  a: { hull: '#1f5f99', stripe: '#f3efe6', cabin: '#f3efe6', roof: '#1f5f99' },
  b: { hull: '#f1ede4', stripe: '#c0392b', cabin: '#bfe0f5', roof: '#c0392b' },
  c: { hull: '#b23a2e', stripe: '#2a8c5a', cabin: '#f3efe6', roof: '#2a7ab0' },
};

/**
 * A Minnan fishing boat, ~11 m, bow towards +z, waterline at y = 0: painted hull with a raised
 * bow and the boat's "eyes", white gunwale, wheelhouse, mast with a red flag, tyre fenders,
 * nets on the aft deck.
 */
export function fishingBoat(b: GeoBuilder, p: BoatPaint): void {
  b.boxB('#7d2a22', 3.3, 0.9, 8.6, { y: -0.8 });
  b.boxB(p.hull, 3.6, 1.1, 8.8, { y: 0.05 });
  const bow = new THREE.CylinderGeometry(1.8, 1.8, 1, 3).rotateY(Math.PI).scale(1, 1, 1.25);
  b.add(bow, p.hull, { y: 0.6, z: 4.35, sy: 1.1 });
  b.add(bow, p.hull, { y: 1.1, z: 4.2, sx: 1.03, sy: 0.5, sz: 1.12 });
  b.add(bow, '#7d2a22', { y: -0.35, z: 4.3, sx: 0.92, sy: 0.9, sz: 0.95 });
  b.boxB(p.hull, 3.6, 0.5, 8.8, { y: 1.15 });
  b.boxB(p.stripe, 3.65, 0.24, 8.85, { y: 0.55 });
  // the gunwale is a rim (the deck shows inside it), white like every boat in the basin
  for (const x of [-1.75, 1.75]) b.boxB('#f4f1ea', 0.22, 0.2, 8.9, { x, y: 1.65 });
  b.boxB('#f4f1ea', 3.7, 0.2, 0.22, { y: 1.65, z: -4.4 });
  b.add(bow, '#f4f1ea', { y: 1.75, z: 4.25, sx: 1.04, sy: 0.2, sz: 1.14 });
  b.add(bow, '#9b7a57', { y: 1.5, z: 4.2, sx: 0.9, sy: 0.2, sz: 1.0 });
  bow.dispose();
  b.boxB('#9b7a57', 3.3, 0.06, 8.6, { y: 1.4 });
  // the eyes on the bow
  for (const x of [-1.46, 1.46]) {
    b.add(T.sphere, '#ffffff', { x, y: 1.1, z: 5.3, sx: 0.12, sy: 0.3, sz: 0.38 });
    b.add(T.sphere, '#111111', { x: x * 1.04, y: 1.1, z: 5.36, sx: 0.08, sy: 0.16, sz: 0.18 });
  }
  // wheelhouse
  b.boxB(p.cabin, 2.5, 1.9, 2.8, { y: 1.45, z: -2.4 });
  b.boxB('#2b3742', 2.55, 0.6, 2.2, { y: 2.5, z: -2.2 });
  b.boxB('#2b3742', 1.9, 0.6, 0.1, { y: 2.5, z: -0.98 });
  b.boxB(p.roof, 2.9, 0.22, 3.2, { y: 3.35, z: -2.4 });
  b.cyl('#d9cfc0', 0.05, 1.2, { y: 3.55, z: -3.2 }, 6);
  b.boxB('#f4f1ea', 0.9, 0.1, 0.2, { y: 4.5, z: -3.2 });
  // mast, boom, flag
  b.cyl('#d9cfc0', 0.09, 6, { y: 1.15, z: 1.6 }, 6);
  b.add(T.box, '#d9cfc0', { y: 4.4, z: 1.6, sx: 3.2, sy: 0.08, sz: 0.08 });
  b.boxB('#d7261e', 0.04, 0.6, 0.95, { y: 6.4, z: 2.1 });
  b.boxB('#f1c40f', 0.05, 0.14, 0.14, { y: 6.8, z: 1.85 });
  // a line of pennants from the mast to the bow
  for (let i = 0; i < 4; i++) b.boxB(i % 2 ? '#f1c40f' : '#2d86c4', 0.04, 0.35, 0.35, { y: 6.4 - i * 1.25, z: 2.4 + i * 0.9 });
  // tyre fenders along both sides
  for (const z of [-3, 0, 3]) for (const x of [-1.85, 1.85]) b.add(T.cyl8, '#1a1a1a', { x, y: 0.25, z, sx: 0.38, sy: 0.28, sz: 0.38, rz: Math.PI / 2 });
  // nets and floats on the aft deck
  b.add(T.blob, '#2f7a4a', { y: 1.6, z: -4.0, sx: 1.0, sy: 0.45, sz: 0.6 });
  b.add(T.blob, '#e67e22', { x: 0.9, y: 1.6, z: 0.2, sx: 0.5, sy: 0.35, sz: 0.5 });
}

/** The Wangchuan "king's boat": red and gold, with sails and pennants. Length along z. */
export function wangchuan(b: GeoBuilder): void {
  b.boxB('#a8261d', 4.2, 1.6, 11, { y: -0.8 });
  const bow = new THREE.CylinderGeometry(2.1, 2.1, 1.6, 3).rotateY(Math.PI).scale(1, 1, 1.4);
  b.add(bow, '#a8261d', { y: 0, z: 5.5 });
  bow.dispose();
  b.boxB(C.gold, 4.3, 0.35, 11.2, { y: 0.6 });
  b.boxB('#1d6b4f', 4.25, 0.3, 11.1, { y: 0.1 });
  b.boxB('#c0392b', 3, 1.6, 3.4, { y: 0.95, z: -3.3 });
  b.add(T.pyramid, C.gold, { y: 2.55, z: -3.3, sx: 3.6, sy: 1, sz: 4 });
  for (const [z, h] of [
    [2.5, 9],
    [-0.5, 7],
  ] as const) {
    b.cyl('#7a4b35', 0.12, h, { y: 0.95, z }, 6);
    b.boxB('#d9534f', 0.08, h * 0.55, h * 0.42, { y: 0.95 + h * 0.35, z: z - h * 0.21 });
  }
  for (let i = 0; i < 5; i++) b.boxB(i % 2 ? '#f1c40f' : '#2d86c4', 0.05, 0.5, 0.9, { y: 9.2 - i * 0.01, z: 2.05 - i * 0.9 });
}

/** A street lamp (post only; the head goes to the bulbs builder). Faces +z. */
export function lampPost(b: GeoBuilder): void {
  b.cyl('#3c4248', 0.12, 4.2, {}, 6);
  b.boxB('#3c4248', 0.1, 0.1, 0.9, { y: 4.1, z: 0.35 });
}

/**
 * The Yanwu Bridge: a long straight viaduct only a few metres over the sea, along x. `water` is
 * the sea surface height; the deck top sits about 4 m above it on short twin-column piers.
 */
export function yanwuBridge(b: GeoBuilder, bulbs: GeoBuilder, length: number, water: number): void {
  const top = water + 4;
  b.box('#ecebe7', length, 0.9, 20, { y: top - 0.45 });
  b.box('#c9c6bf', length, 1.1, 16, { y: top - 1.4 });
  for (let x = -length / 2 + 12; x < length / 2; x += 30) {
    b.box('#d6d2ca', 2.2, 0.8, 17, { x, y: top - 2.2 });
    for (const z of [-5, 5]) b.add(T.cyl8, '#d6d2ca', { x, y: water - 3, z, sx: 0.9, sy: 3 + top - 2.6 - water, sz: 0.9 });
  }
  // white balustrades and the lamp standards with double heads
  for (const z of [-9.8, 9.8]) {
    b.boxB('#f7f6f2', length, 1.0, 0.3, { y: top, z });
    b.boxB('#ffffff', length, 0.12, 0.45, { y: top + 1.0, z });
  }
  for (let x = -length / 2 + 6; x < length / 2; x += 24) {
    for (const z of [-9.6, 9.6]) {
      b.cyl('#aab2b8', 0.12, 6.5, { x, y: top, z }, 6);
      bulbs.add(T.box, '#fff2cf', { x, y: top + 6.4, z: z * 0.92, sx: 0.5, sy: 0.3, sz: 1.1 });
    }
  }
  // the viewing platform bulging out on the seaward side, with a pavilion roof
  b.box('#ecebe7', 26, 0.9, 10, { x: 60, y: top - 0.45, z: 14 });
  b.boxB('#f7f6f2', 26, 1.0, 0.3, { x: 60, y: top, z: 19 });
  b.add(T.pyramid, '#b94a30', { x: 60, y: top + 4, z: 14, sx: 9, sy: 2.4, sz: 7 });
  for (const dx of [-3.5, 3.5]) for (const dz of [-2.5, 2.5]) b.cyl('#f4f1ea', 0.2, 4, { x: 60 + dx, y: top, z: 14 + dz }, 6);
}

/** The portal gate back to Gulangyu: a moon gate frame of granite (the glow is drawn apart). */
export function portalFrame(b: GeoBuilder): void {
  const ring = new THREE.TorusGeometry(3.4, 0.45, 6, 20);
  b.add(ring, C.granite, { y: 3.6 });
  ring.dispose();
  b.boxB(C.granite, 9, 0.5, 2.4);
  b.boxB(C.red, 8.2, 0.8, 0.8, { y: 7.6 });
  b.add(T.pyramid, '#3d5a52', { y: 8.3, sx: 9, sy: 1.1, sz: 1.8 });
}
