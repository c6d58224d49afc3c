/**
 * Shapowei's buildings and boats, drawn by code in local space (front towards +z). Window panes
 * go to a separate builder so the evening mood can light them with one material swap.
 */
import * as THREE from 'three';
import { GeoBuilder, T } from '../common/GeoBuilder';
import { C } from '../common/palette';

export interface Builders {
  body: GeoBuilder;
  glass: GeoBuilder;
  /** mural planes: (x, y, z, ry, w, h, atlas cell) in the same local frame as body */
  murals: Array<{ m: THREE.Matrix4; w: number; h: number; cell: number }>;
}

/** A converted warehouse, 26 m deep (z) and `len` long (x): pitched roof, big doors, murals. */
export function warehouse(b: Builders, len: number, sawtooth: boolean, hue: string, cell: number, at: THREE.Matrix4): void {
  const { body, glass } = b;
  const d = 26;
  body.boxB(C.concrete, len, 0.4, d);
  body.boxB(hue, len, 8, d, { y: 0.4 });
  if (sawtooth) {
    const n = Math.round(len / 6);
    for (let i = 0; i < n; i++) {
      const x = -len / 2 + (i + 0.5) * (len / n);
      body.add(T.box, '#8a8f94', { x, y: 9.6, sx: len / n, sy: 0.2, sz: d, rz: 0 });
      body.add(T.box, '#7b8186', { x: x - len / n / 4, y: 10.4, sx: 0.25, sy: 3.2, sz: d, rz: -0.5 });
      glass.box('#2b3742', 0.1, 2.4, d - 1, { x: x + len / n / 2 - 0.3, y: 9.9 });
    }
  } else {
    const roof = new THREE.CylinderGeometry(1, 1, 1, 3, 1).rotateZ(Math.PI / 2).rotateY(Math.PI / 2);
    body.add(roof, '#7d858c', { y: 9.4, sx: len + 0.6, sy: 3.2, sz: d / 1.6 });
    roof.dispose();
  }
  // the quay side (+z): roller doors, shopfront glass and striped awnings
  const bays = Math.max(3, Math.round(len / 7));
  for (let i = 0; i < bays; i++) {
    const x = -len / 2 + (i + 0.5) * (len / bays);
    const w = (len / bays) * 0.7;
    glass.boxB('#2b3742', w, 3.4, 0.15, { x, y: 0.4, z: d / 2 + 0.05 });
    body.boxB(i % 2 ? '#e8c547' : '#d9534f', w + 0.4, 0.25, 1.6, { x, y: 4.1, z: d / 2 + 0.8, rx: 0.25 });
    glass.boxB('#2b3742', w * 0.8, 1.2, 0.15, { x, y: 5.6, z: d / 2 + 0.05 });
  }
  // street-art murals on the long walls (atlas cells) and the gable end
  const place = (x: number, y: number, z: number, ry: number, w: number, h: number, c: number) => {
    const m = new THREE.Matrix4().makeRotationY(ry).setPosition(x, y, z);
    b.murals.push({ m: at.clone().multiply(m), w, h, cell: c });
  };
  place(len / 2 + 0.06, 4.4, 0, Math.PI / 2, d * 0.8, 6.4, cell);
  place(-len / 2 - 0.06, 4.4, 0, -Math.PI / 2, d * 0.8, 6.4, (cell + 1) % 4);
  place(-len / 4, 7.2, d / 2 + 0.06, 0, len * 0.3, 1.4, (cell + 2) % 4);
}

/** A brick chimney of the old ice plant. */
export function chimney(b: GeoBuilder): void {
  b.boxB(C.concrete, 5, 1.2, 5);
  const g = new THREE.CylinderGeometry(0.9, 1.5, 1, 8).translate(0, 0.5, 0);
  b.add(g, C.brickDark, { y: 1.2, sy: 24 });
  g.dispose();
  b.cyl('#5a3a2c', 1.05, 0.8, { y: 24.6 }, 8);
  for (const y of [6, 12, 18]) b.cyl(C.brick, 1.35 - y * 0.022, 0.4, { y }, 8);
}

/**
 * A qilou (arcade house): 12 m wide, 14 m deep, three storeys; the ground floor is set back
 * 3.5 m behind a colonnade that carries the upper floors over the pavement.
 */
export function qilou(b: Builders, wall: string, trim: string, variant: 0 | 1): void {
  const { body, glass } = b;
  const W = 12;
  body.boxB(wall, W, 4.2, 10.5, { z: -1.75 });
  body.boxB(wall, W, 7.2, 14, { y: 4.2 });
  body.boxB(trim, W + 0.2, 0.35, 14.2, { y: 4.2 });
  body.boxB(trim, W + 0.3, 0.5, 14.3, { y: 11.4 });
  // arcade colonnade
  for (const x of [-5.7, -1.9, 1.9, 5.7]) body.boxB(trim, 0.6, 4.2, 0.6, { x, z: 6.7 });
  for (const x of [-3.8, 0, 3.8]) body.boxB(wall, 3.2, 0.6, 0.4, { x, y: 3.6, z: 6.8 });
  // arcade ceiling shadow and shopfronts
  body.boxB('#6d6259', W, 0.1, 3.5, { y: 4.1, z: 5.25 });
  for (const x of [-3.8, 0, 3.8]) glass.boxB('#2b3742', 2.6, 2.8, 0.12, { x, y: 0.2, z: 3.56 });
  // upper windows with shutters, and a parapet
  for (const y of [5.2, 8.3]) {
    for (const x of [-3.8, 0, 3.8]) {
      glass.boxB('#2b3742', 1.4, 2.0, 0.12, { x, y, z: 7.02 });
      body.boxB(variant ? '#3f7f6b' : '#7a4b35', 0.35, 2.0, 0.1, { x: x - 0.95, y, z: 7.05 });
      body.boxB(variant ? '#3f7f6b' : '#7a4b35', 0.35, 2.0, 0.1, { x: x + 0.95, y, z: 7.05 });
      body.boxB(trim, 1.9, 0.2, 0.3, { x, y: y + 2.05, z: 7.1 });
    }
  }
  if (variant) {
    body.boxB(trim, 4, 1.6, 0.4, { y: 11.9, z: 6.9 });
    body.boxB(trim, 2, 0.8, 0.4, { y: 13.5, z: 6.9 });
  } else {
    for (let i = 0; i < 6; i++) body.boxB(trim, 0.5, 0.9, 0.3, { x: -5 + i * 2, y: 11.9, z: 6.95 });
  }
}

/** A Minnan fishing boat: painted hull, eye at the bow, wheelhouse, mast. Length along z, ~11 m. */
export function fishingBoat(b: GeoBuilder): void {
  b.boxB('#1f5f99', 3.6, 1.3, 9, { y: -0.9 });
  const bow = new THREE.CylinderGeometry(1.8, 1.8, 1.3, 3).rotateY(Math.PI).scale(1, 1, 1.3);
  b.add(bow, '#1f5f99', { y: -0.25, z: 4.5 });
  b.boxB('#f3efe6', 3.7, 0.5, 9.1, { y: 0.35 });
  b.add(bow, '#c0392b', { y: 0.6, z: 4.6, sx: 1.02, sy: 0.4, sz: 1.0 });
  bow.dispose();
  b.boxB('#c0392b', 3.75, 0.3, 9.2, { y: -0.35 });
  b.add(T.sphere, '#ffffff', { x: 1.5, y: 0.2, z: 5.3, sx: 0.1, sy: 0.3, sz: 0.35 });
  b.add(T.sphere, '#ffffff', { x: -1.5, y: 0.2, z: 5.3, sx: 0.1, sy: 0.3, sz: 0.35 });
  b.boxB('#f3efe6', 2.4, 1.8, 2.6, { y: 0.8, z: -2.4 });
  b.boxB('#2b3742', 2.45, 0.6, 2.0, { y: 1.9, z: -2.2 });
  b.boxB('#c0392b', 2.7, 0.2, 3.0, { y: 2.6, z: -2.4 });
  b.cyl('#d9cfc0', 0.09, 6, { y: 0.8, z: 1.6 }, 6);
  b.boxB('#f1c40f', 0.05, 0.6, 0.9, { y: 6.2, z: 2.1 });
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
  for (const [z, h] of [[2.5, 9], [-0.5, 7]] as const) {
    b.cyl('#7a4b35', 0.12, h, { y: 0.95, z }, 6);
    b.boxB('#d9534f', 0.08, h * 0.55, h * 0.42, { y: 0.95 + h * 0.35, z: z - h * 0.21 });
  }
  for (let i = 0; i < 5; i++) b.boxB(i % 2 ? '#f1c40f' : '#2d86c4', 0.05, 0.5, 0.9, { y: 9.2 - i * 0.01, z: 2.05 - i * 0.9, rx: 0 });
}

/** A street lamp (post only; the head is drawn by the lamp-light mesh). */
export function lampPost(b: GeoBuilder): void {
  b.cyl('#3c4248', 0.12, 4.2, {}, 6);
  b.boxB('#3c4248', 0.1, 0.1, 0.9, { y: 4.1, z: 0.35 });
}

/** The Yanwu Bridge: a long straight viaduct a few metres over the sea, along x. */
export function yanwuBridge(b: GeoBuilder, length: number): void {
  b.box('#e3e1dc', length, 1.2, 22, { y: 5.4 });
  b.box('#c9c6bf', length, 0.6, 18, { y: 4.6 });
  for (let x = -length / 2 + 10; x < length / 2; x += 32) {
    b.boxB('#d6d2ca', 3, 4.6, 12, { x, y: -2 });
    b.add(T.cyl8, '#d6d2ca', { x, y: -2, sx: 1.6, sy: 1, sz: 6.5 });
  }
  for (const z of [-10.8, 10.8]) b.boxB('#f4f2ee', length, 1.0, 0.3, { y: 6.0, z });
  for (let x = -445; x < length / 2; x += 24) {
    for (const z of [-10.6, 10.6]) {
      b.cyl('#9aa3aa', 0.12, 6, { x, y: 6, z }, 6);
    }
  }
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
