/**
 * The stage's fixed parts per hall, merged into one vertex-coloured geometry (one draw call):
 * Gulangyu gets a bandstand in the island's colonial style (red brick dais, white columns, a
 * tiled pediment, park benches, potted bougainvillea); Shapowei a harbour rig (steel truss towers
 * on the sea wall, a painted standing area, pallet seats, floats and a string of bulbs). Local
 * space: the screen's face is at z = 0, facing +z, its centre at SCREEN.y; the audience is at +z.
 */
import * as THREE from 'three';
import type { HallId } from '../../../../shared/halls';
import { GeoBuilder, T } from '../landmarks/common/GeoBuilder';
import { C } from '../landmarks/common/palette';

export interface ScreenSpec {
  w: number;
  h: number;
  /** height of the screen's centre */
  y: number;
}

/** 16:9, the demo premiere's shape. */
export const SCREENS: Record<HallId, ScreenSpec> = {
  gulangyu: { w: 7.2, h: 4.05, y: 3.5 },
  shapowei: { w: 8, h: 4.5, y: 5.2 },
};

function gulangyu(g: GeoBuilder, s: ScreenSpec): void {
  const top = s.y + s.h / 2;
  // the dais: red brick with a granite kerb, two steps down to the audience
  g.boxB(C.brick, 11, 0.4, 4.2, { z: 1.3 });
  g.boxB(C.granite, 11.2, 0.06, 4.4, { y: 0.4, z: 1.3 });
  g.boxB(C.granite, 5, 0.2, 0.6, { z: 3.7 });
  // a brick wall behind the screen, and its dark bezel
  g.boxB(C.brickDark, 8.6, top + 0.5, 0.4, { z: -0.45 });
  g.box(C.window, s.w + 0.3, s.h + 0.3, 0.12, { y: s.y, z: -0.08 });
  // white columns with granite bases and capitals, an entablature and a tiled pediment
  for (const x of [-4.3, 4.3]) {
    g.boxB(C.granite, 0.9, 0.5, 0.9, { x, y: 0.4, z: -0.2 });
    g.cyl(C.white, 0.32, top, { x, y: 0.9, z: -0.2 }, 12);
    g.boxB(C.granite, 0.85, 0.3, 0.85, { x, y: top + 0.9, z: -0.2 });
  }
  g.boxB(C.white, 9.6, 0.5, 1, { y: top + 1.2, z: -0.2 });
  g.boxB(C.cream, 9.8, 0.12, 1.1, { y: top + 1.7, z: -0.2 });
  g.add(T.pyramid, C.roofTile, { y: top + 1.82, z: -0.2, sx: 10.4, sy: 1.3, sz: 1.6 });
  // park benches: wooden slats on granite feet, in two short rows
  for (const z of [5.8, 8]) {
    for (const x of [-2.6, 0.2, 3]) {
      g.boxB(C.wood, 2, 0.08, 0.5, { x, y: 0.42, z });
      g.boxB(C.wood, 2, 0.45, 0.07, { x, y: 0.5, z: z - 0.24 });
      for (const dx of [-0.8, 0.8]) g.boxB(C.graniteDark, 0.12, 0.42, 0.45, { x: x + dx, z });
    }
  }
  // potted bougainvillea at the dais' corners
  for (const x of [-5.2, 5.2]) {
    g.cyl(C.brickLight, 0.45, 0.6, { x, y: 0.46, z: 3 }, 8);
    g.add(T.blob1, C.bougainvillea, { x, y: 1.4, z: 3, sx: 0.8, sy: 0.7, sz: 0.8 });
    g.add(T.blob, C.bougainvillea2, { x: x + 0.3, y: 1.75, z: 2.8, sx: 0.45, sy: 0.4, sz: 0.45 });
    g.add(T.blob, C.leaf, { x: x - 0.3, y: 1.1, z: 3.3, sx: 0.4, sy: 0.3, sz: 0.4 });
  }
}

function shapowei(g: GeoBuilder, s: ScreenSpec): void {
  const steel = '#3c4b57';
  const top = s.y + s.h / 2;
  // the screen's dark back, and a steel frame round it
  g.box('#1b2229', s.w + 0.4, s.h + 0.4, 0.2, { y: s.y, z: -0.14 });
  g.box(steel, s.w + 0.6, 0.25, 0.3, { y: top + 0.3, z: -0.14 });
  g.box(steel, s.w + 0.6, 0.25, 0.3, { y: s.y - s.h / 2 - 0.3, z: -0.14 });
  // square truss towers: four chords, and a rung every metre
  for (const x of [-4.7, 4.7]) {
    for (const [dx, dz] of [
      [-0.25, -0.45],
      [0.25, -0.45],
      [-0.25, 0.05],
      [0.25, 0.05],
    ]) {
      g.boxB(steel, 0.07, top + 1.2, 0.07, { x: x + dx, z: dz });
    }
    for (let y = 0.5; y < top + 1.2; y += 1) {
      g.box(steel, 0.55, 0.05, 0.05, { x, y, z: -0.45 });
      g.box(steel, 0.55, 0.05, 0.05, { x, y, z: 0.05 });
      g.box(steel, 0.05, 0.05, 0.5, { x: x - 0.25, y, z: -0.2 });
      g.box(steel, 0.05, 0.05, 0.5, { x: x + 0.25, y, z: -0.2 });
    }
    // a ballast block at the foot, painted like a shipping container
    g.boxB(x < 0 ? '#b5462f' : C.teal, 1.3, 0.8, 1.3, { x, z: -0.2 });
  }
  // the top truss across, with a row of warm bulbs hanging under it
  g.box(steel, 10, 0.5, 0.5, { y: top + 1.25, z: -0.2 });
  for (let i = 0; i <= 12; i++) {
    const x = -4.4 + (i * 8.8) / 12;
    const sag = 0.35 * (1 - (x / 4.4) * (x / 4.4));
    g.add(T.sphere, C.windowWarm, { x, y: top + 0.85 - sag, z: 0.3, sx: 0.09, sy: 0.12, sz: 0.09 });
  }
  // fishing floats hung on the towers: the harbour's own colours
  for (const [x, y, col] of [
    [-4.2, 2.4, '#e8742c'],
    [-4.35, 1.9, '#f2c230'],
    [4.25, 2.2, '#e8742c'],
    [4.4, 2.7, '#f2ede3'],
  ] as const) {
    g.add(T.sphere, col, { x, y, z: 0.25, sx: 0.22, sy: 0.22, sz: 0.22 });
  }
  // the standing area painted on the deck: a yellow outline and a few footprints of paint
  const line = '#e5b82e';
  g.boxB(line, 12, 0.02, 0.15, { z: 1.2 });
  g.boxB(line, 12, 0.02, 0.15, { z: 7.6 });
  for (const x of [-6, 6]) g.boxB(line, 0.15, 0.02, 6.5, { x, z: 4.4 });
  g.boxB('#d8c7a0', 11.8, 0.012, 6.25, { z: 4.4 });
  // pallet seats, two stacked, in loose rows
  for (const [x, z, ry] of [
    [-4.5, 3.2, 0.1],
    [-1.5, 3.4, -0.05],
    [1.6, 3.1, 0.08],
    [4.6, 3.3, -0.12],
    [-3, 5.6, -0.1],
    [0.2, 5.8, 0.05],
    [3.2, 5.5, 0.12],
  ] as const) {
    g.at({ x, z, ry }, () => {
      for (let k = 0; k < 2; k++) {
        g.boxB(C.wood, 1.2, 0.03, 0.8, { y: k * 0.15 + 0.12 });
        for (const dz of [-0.34, 0, 0.34]) g.boxB('#7d6245', 1.2, 0.1, 0.1, { y: k * 0.15 + 0.02, z: dz });
      }
    });
  }
}

export function buildStageProps(hallId: HallId): THREE.BufferGeometry {
  const g = new GeoBuilder();
  if (hallId === 'gulangyu') gulangyu(g, SCREENS.gulangyu);
  else shapowei(g, SCREENS.shapowei);
  return g.build();
}
