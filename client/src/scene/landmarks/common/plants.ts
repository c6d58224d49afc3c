/**
 * The trees and shrubs of both halls, drawn by code in local space (standing on y = 0): the
 * banyans that shade Xiamen's lanes, the flame tree (the city tree) and bougainvillea (the city
 * flower).
 */
import { GeoBuilder, T } from './GeoBuilder';
import { C } from './palette';

/** Banyan: thick trunk, spreading canopy, aerial roots. About 9 m tall. */
export function banyan(b: GeoBuilder): void {
  b.cyl(C.trunk, 0.75, 4.5, {}, 6);
  b.add(T.cyl6, C.trunk, { y: 3.2, x: 0.6, sx: 0.35, sy: 3, sz: 0.35, rz: -0.7 });
  b.add(T.cyl6, C.trunk, { y: 3.2, x: -0.5, sx: 0.35, sy: 3, sz: 0.35, rz: 0.8, ry: 0.6 });
  const blobs: [number, number, number, number, string][] = [
    [0, 6.6, 0, 4.2, C.leaf],
    [2.8, 6.0, 1.2, 3.0, C.leaf2],
    [-2.8, 6.1, -0.8, 3.2, C.leaf2],
    [0.6, 5.8, -2.8, 2.8, C.leaf3],
    [-0.8, 5.9, 2.8, 2.9, C.leaf],
    [0.3, 8.2, 0.2, 2.6, C.leaf3],
  ];
  for (const [x, y, z, r, col] of blobs) b.add(T.blob, col, { x, y, z, sx: r, sy: r * 0.62, sz: r });
  for (const [x, z] of [
    [2.2, 1.6],
    [-2.4, 0.9],
    [1.2, -2.4],
    [-1.0, -1.8],
    [3.4, -0.6],
  ]) {
    b.add(T.cyl6, '#7d5b41', { x, z, sx: 0.07, sy: 5, sz: 0.07 });
  }
}

/** Flame tree (the city tree): an umbrella of red over a slim trunk. */
export function flameTree(b: GeoBuilder): void {
  b.cyl(C.trunk, 0.35, 4.2, {}, 6);
  b.add(T.blob, C.flame, { y: 5.2, sx: 4.2, sy: 1.5, sz: 4.2 });
  b.add(T.blob, '#e8652f', { y: 5.9, x: 1, sx: 2.6, sy: 1.1, sz: 2.6 });
  b.add(T.blob, C.leaf3, { y: 4.6, x: -1.6, z: 1, sx: 2.0, sy: 0.9, sz: 2.0 });
}

/** Bougainvillea bush: magenta bracts over a little green. */
export function bougainvillea(b: GeoBuilder): void {
  b.add(T.blob, C.leaf2, { y: 0.6, sx: 1.0, sy: 0.7, sz: 1.0 });
  b.add(T.blob, C.bougainvillea, { y: 1.1, x: 0.3, sx: 0.9, sy: 0.7, sz: 0.8 });
  b.add(T.blob, C.bougainvillea2, { y: 0.9, x: -0.5, z: 0.3, sx: 0.7, sy: 0.6, sz: 0.7 });
  b.add(T.blob, C.bougainvillea, { y: 1.5, x: -0.1, z: -0.3, sx: 0.6, sy: 0.5, sz: 0.6 });
}
