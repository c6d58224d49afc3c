/**
 * The three booth templates, drawn in the booth's own frame (front towards +z, floor at y = 0) and
 * sized by the slot: one vertex-coloured structure per booth (merged with all others into one mesh),
 * plus where its sign and screen quads go and where a product stands.
 */
import * as THREE from 'three';
import type { BoothTemplate } from '../../../../shared/api/common';
import { GeoBuilder, T } from '../landmarks/common/GeoBuilder';
import { boothDims, type SlotSize } from './boothDims';

export { boothDims, frontPoint, type SlotSize } from './boothDims';

/** A textured quad in booth space: centre, size, and which way it faces (+1 = +z, -1 = -z). */
export interface QuadSpec {
  kind: 'sign' | 'screen';
  x: number;
  y: number;
  z: number;
  w: number;
  h: number;
  facing: 1 | -1;
}

export interface BoothShape {
  quads: QuadSpec[];
  /** top centre of the product plinth */
  plinth: THREE.Vector3;
  /** half extents of the footprint, for picking and proximity */
  halfW: number;
  halfD: number;
  height: number;
}

const FLOOR = '#eee8dc';
const WHITE = '#f7f5f0';
const DARK = '#2b2f36';

function mix(a: string, b: string, t: number): string {
  return `#${new THREE.Color(a).lerp(new THREE.Color(b), t).getHexString()}`;
}

/** Adds the structure to `b` (already placed in the booth's frame) and returns the quads and plinth. */
export function drawBooth(b: GeoBuilder, template: BoothTemplate, size: SlotSize, primary: string, accent: string): BoothShape {
  const { W, D, H } = boothDims(size);
  const light = mix(primary, '#ffffff', 0.35);
  const quads: QuadSpec[] = [];
  let plinth: THREE.Vector3;

  if (template === 'kiosk') {
    b.boxB(FLOOR, W, 0.12, D);
    b.boxB(primary, W, H, 0.14, { y: 0.12, z: -D / 2 + 0.07 });
    const sw = W * 0.86;
    const sh = sw / 2;
    b.boxB(accent, sw + 0.12, sh + 0.12, 0.12, { y: H + 0.06, z: -D / 2 + 0.06 });
    quads.push({ kind: 'sign', x: 0, y: H + 0.12 + sh / 2, z: -D / 2 + 0.125, w: sw, h: sh, facing: 1 });
    const scw = W * 0.56;
    b.boxB(DARK, scw + 0.1, scw / 2 + 0.1, 0.06, { y: 1.05, z: -D / 2 + 0.17 });
    quads.push({ kind: 'screen', x: 0, y: 1.1 + scw / 4, z: -D / 2 + 0.205, w: scw, h: scw / 2, facing: 1 });
    b.boxB(primary, W * 0.42, 1.0, 0.55, { x: -W * 0.22, y: 0.12, z: D * 0.22 });
    b.boxB(WHITE, W * 0.45, 0.05, 0.62, { x: -W * 0.22, y: 1.12, z: D * 0.22 });
    b.boxB(accent, W * 0.42, 0.12, 0.02, { x: -W * 0.22, y: 0.75, z: D * 0.22 + 0.28 });
    b.cyl(WHITE, 0.34, 0.9, { x: W * 0.27, y: 0.12, z: D * 0.2 }, 12);
    plinth = new THREE.Vector3(W * 0.27, 1.02, D * 0.2);
    for (const sx of [-1, 1]) b.boxB(accent, 0.1, H, 0.1, { x: (sx * W) / 2 - sx * 0.05, y: 0.12, z: -D / 2 + 0.12 });
  } else if (template === 'island') {
    const d = D * 1.05;
    b.add(T.cyl12, FLOOR, { sx: W * 0.62, sy: 0.14, sz: d * 0.62 });
    for (const sx of [-1, 1]) for (const sz of [-1, 1]) b.cyl(accent, 0.08, H, { x: (sx * W) / 2.3, y: 0.14, z: (sz * d) / 2.3 }, 8);
    for (const sz of [-1, 1]) b.boxB(primary, W / 1.15 + 0.2, 0.26, 0.14, { y: H + 0.14, z: (sz * d) / 2.3 });
    for (const sx of [-1, 1]) b.boxB(primary, 0.14, 0.26, d / 1.15 + 0.2, { x: (sx * W) / 2.3, y: H + 0.14 });
    // a hanging sign above the frame, readable from both sides
    const sw = W * 0.62;
    const sh = sw / 2;
    b.boxB(accent, sw + 0.12, sh + 0.12, 0.14, { y: H + 0.5 });
    quads.push({ kind: 'sign', x: 0, y: H + 0.56 + sh / 2, z: 0.075, w: sw, h: sh, facing: 1 });
    quads.push({ kind: 'sign', x: 0, y: H + 0.56 + sh / 2, z: -0.075, w: sw, h: sh, facing: -1 });
    b.boxB(DARK, 0.14, 0.5, 0.14, { y: H + 0.4 - 0.26 });
    const scw = W * 0.5;
    b.boxB(DARK, scw + 0.12, scw / 2 + 0.12, 0.12, { y: 0.9, z: -d * 0.22 });
    b.boxB(DARK, 0.16, 0.9, 0.16, { y: 0.14, z: -d * 0.22 });
    quads.push({ kind: 'screen', x: 0, y: 0.96 + scw / 4, z: -d * 0.22 + 0.065, w: scw, h: scw / 2, facing: 1 });
    b.cyl(light, 0.55, 1.0, { x: -W * 0.24, y: 0.14, z: d * 0.2 }, 12);
    b.cyl(WHITE, 0.6, 0.05, { x: -W * 0.24, y: 1.14, z: d * 0.2 }, 12);
    b.cyl(WHITE, 0.34, 0.9, { x: W * 0.24, y: 0.14, z: d * 0.16 }, 12);
    plinth = new THREE.Vector3(W * 0.24, 1.04, d * 0.16);
  } else {
    // pavilion: walls on three sides and a roof, the sign standing on the roof's front edge
    b.boxB(FLOOR, W, 0.15, D);
    b.boxB(primary, W, H + 0.3, 0.16, { y: 0.15, z: -D / 2 + 0.08 });
    for (const sx of [-1, 1]) b.boxB(light, 0.14, H + 0.3, D * 0.62, { x: (sx * W) / 2 - sx * 0.07, y: 0.15, z: -D / 2 + D * 0.31 });
    b.boxB(accent, W + 0.3, 0.2, D * 0.8, { y: H + 0.45, z: -D / 2 + D * 0.4 });
    const sw = W * 0.64;
    const sh = sw / 2;
    const signZ = -D / 2 + D * 0.78;
    b.boxB(primary, sw + 0.14, sh + 0.14, 0.14, { y: H + 0.65, z: signZ });
    quads.push({ kind: 'sign', x: 0, y: H + 0.72 + sh / 2, z: signZ + 0.075, w: sw, h: sh, facing: 1 });
    const scw = W * 0.62;
    b.boxB(DARK, scw + 0.12, scw / 2 + 0.12, 0.06, { y: 0.85, z: -D / 2 + 0.19 });
    quads.push({ kind: 'screen', x: 0, y: 0.91 + scw / 4, z: -D / 2 + 0.225, w: scw, h: scw / 2, facing: 1 });
    b.boxB(WHITE, W * 0.34, 1.0, 0.6, { x: -W * 0.26, y: 0.15, z: D * 0.22 });
    b.boxB(accent, W * 0.34, 0.14, 0.02, { x: -W * 0.26, y: 0.8, z: D * 0.22 + 0.31 });
    b.cyl(WHITE, 0.38, 0.9, { x: W * 0.24, y: 0.15, z: D * 0.14 }, 12);
    plinth = new THREE.Vector3(W * 0.24, 1.05, D * 0.14);
  }
  return { quads, plinth, halfW: W / 2, halfD: D / 2, height: H + 1 };
}
