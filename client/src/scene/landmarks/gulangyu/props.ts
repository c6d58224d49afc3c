/**
 * Gulangyu's buildings and rocks, each drawn by code into a GeoBuilder in local space (front
 * towards +z, standing on y = 0). Stylised, low-poly, but each keeps the feature a local would
 * name it by: the red ribbed dome, the zig-zag bridge, the veranda colonnades. The plants and
 * decks both halls use are in common/ (plants.ts, decks.ts).
 */
import * as THREE from 'three';
import { GeoBuilder, T } from '../common/GeoBuilder';
import { C } from '../common/palette';

/** Red-brick villa with a two-storey white veranda and a hipped tile roof. */
export function villaA(b: GeoBuilder): void {
  b.boxB(C.granite, 11, 0.8, 9);
  b.boxB(C.brick, 10, 6.3, 6.2, { y: 0.8, z: -1.2 });
  // veranda: white columns, floor slab, balustrade
  for (let i = 0; i < 6; i++) {
    const x = -4.8 + i * 1.92;
    b.boxB(C.white, 0.45, 2.8, 0.45, { x, y: 0.8, z: 3.9 });
    b.boxB(C.white, 0.4, 2.7, 0.4, { x, y: 3.95, z: 3.9 });
    if (i < 5) {
      // arch spandrels between columns
      b.boxB(C.white, 1.5, 0.45, 0.3, { x: x + 0.96, y: 3.15, z: 3.95 });
      b.boxB(C.white, 1.5, 0.45, 0.3, { x: x + 0.96, y: 6.2, z: 3.95 });
    }
  }
  b.boxB(C.white, 10.4, 0.35, 3.3, { y: 3.6, z: 2.3 });
  b.boxB(C.white, 10.2, 0.9, 0.15, { y: 3.95, z: 4.05 });
  b.boxB(C.white, 10.6, 0.35, 3.5, { y: 6.65, z: 2.25 });
  // the shaded wall behind the veranda, with dark doors and windows
  b.boxB(C.brickDark, 9.8, 5.8, 0.1, { y: 0.8, z: 1.95 });
  for (const x of [-3, 0, 3]) {
    b.boxB(C.window, 1.1, 2.0, 0.12, { x, y: 1.2, z: 2.02 });
    b.boxB(C.window, 1.1, 1.8, 0.12, { x, y: 4.3, z: 2.02 });
  }
  for (const z of [-3.2, -0.6]) {
    for (const side of [-1, 1]) {
      b.boxB(C.window, 0.1, 1.5, 1.0, { x: side * 5.02, y: 1.6, z });
      b.boxB(C.white, 0.12, 0.2, 1.3, { x: side * 5.03, y: 3.1, z });
      b.boxB(C.window, 0.1, 1.5, 1.0, { x: side * 5.02, y: 4.5, z });
    }
  }
  b.add(T.pyramid, C.roofTile, { y: 7.0, z: 0.1, sx: 11.6, sy: 2.8, sz: 9.4 });
  b.boxB(C.brickDark, 0.8, 1.6, 0.8, { x: 3, y: 8.2, z: -2.2 });
}

/** "Amoy Deco" villa: cream stucco, brick trim, a stepped gable and an arcaded porch. */
export function villaB(b: GeoBuilder): void {
  b.boxB(C.granite, 11, 0.7, 9);
  b.boxB(C.stucco, 9.6, 7, 7, { y: 0.7, z: -0.6 });
  for (const x of [-4.85, 4.85]) for (const z of [-4.05, 2.85]) b.boxB(C.brick, 0.5, 7.2, 0.5, { x, y: 0.7, z });
  b.boxB(C.brick, 10, 0.4, 7.4, { y: 7.7, z: -0.6 });
  b.boxB(C.stucco, 10, 0.9, 7.4, { y: 8.1, z: -0.6 });
  b.boxB(C.brick, 10.1, 0.25, 7.5, { y: 3.8, z: -0.6 });
  // porch with three arches
  for (let i = 0; i < 4; i++) b.boxB(C.white, 0.6, 3, 0.6, { x: -3.3 + i * 2.2, y: 0.7, z: 4.1 });
  b.boxB(C.white, 7.4, 0.6, 1.8, { y: 3.7, z: 3.6 });
  b.boxB(C.white, 7.4, 0.7, 0.15, { y: 4.3, z: 4.4 });
  for (let i = 0; i < 3; i++) b.boxB(C.window, 1.2, 2.3, 0.1, { x: -2.2 + i * 2.2, y: 0.9, z: 2.96 });
  for (let i = 0; i < 4; i++) b.boxB(C.window, 0.9, 1.7, 0.1, { x: -3.3 + i * 2.2, y: 4.8, z: 2.96 });
  // stepped Deco gable over the entrance
  b.boxB(C.stucco, 4.2, 1.4, 0.6, { y: 9.0, z: 2.6 });
  b.boxB(C.stucco, 2.4, 1.0, 0.6, { y: 10.4, z: 2.6 });
  b.boxB(C.brick, 4.4, 0.2, 0.7, { y: 10.4, z: 2.6 });
  // a small tiled roof over the back half
  b.add(T.pyramid, C.roofTile, { y: 9.0, z: -2.0, sx: 7, sy: 1.8, sz: 4 });
  for (const z of [-3, -0.5]) for (const side of [-1, 1]) b.boxB(C.window, 0.1, 1.6, 1.0, { x: side * 4.82, y: 4.8, z });
}

/** A rounded granite boulder, radius about 1 (scaled per instance). */
export function boulderGeometry(seed = 1): THREE.BufferGeometry {
  const g = new THREE.IcosahedronGeometry(1, 1);
  const pos = g.attributes.position as THREE.BufferAttribute;
  for (let i = 0; i < pos.count; i++) {
    const x = pos.getX(i);
    const y = pos.getY(i);
    const z = pos.getZ(i);
    // same jitter for the same corner, so faces stay closed
    const h = Math.sin(x * 12.9898 + y * 78.233 + z * 37.719 + seed) * 43758.5453;
    const k = 0.82 + 0.3 * (h - Math.floor(h));
    pos.setXYZ(i, x * k * 1.1, y * k * 0.78, z * k);
  }
  g.computeVertexNormals();
  const b = new GeoBuilder();
  b.add(g, C.granite);
  g.dispose();
  return b.build();
}

/** Bagua Lou: a colonnaded square block under an octagonal drum and the red ribbed dome. */
export function baguaLou(b: GeoBuilder): void {
  b.boxB(C.granite, 17, 1.2, 17);
  b.boxB(C.cream, 12.5, 10, 12.5, { y: 1.2 });
  // giant-order colonnade on all four sides
  for (let side = 0; side < 4; side++) {
    b.at({ ry: (side * Math.PI) / 2 }, () => {
      for (let i = 0; i < 7; i++) {
        b.boxB(C.white, 0.75, 9.4, 0.75, { x: -7.2 + i * 2.4, y: 1.2, z: 7.6 });
        if (i < 6) {
          b.boxB(C.window, 1.2, 2.6, 0.1, { x: -6 + i * 2.4, y: 2, z: 6.3 });
          b.boxB(C.window, 1.2, 2.2, 0.1, { x: -6 + i * 2.4, y: 6.8, z: 6.3 });
        }
      }
      b.boxB(C.white, 16, 0.9, 0.2, { y: 6.0, z: 7.75 });
    });
  }
  b.boxB(C.white, 16.4, 0.35, 16.4, { y: 5.7 });
  b.boxB(C.stone, 17, 1.0, 17, { y: 10.6 });
  b.boxB(C.cream, 16.2, 0.9, 16.2, { y: 11.6 });
  // octagonal drum with windows
  b.cyl(C.cream, 5.8, 3.6, { y: 11.8, ry: Math.PI / 8 }, 8);
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * Math.PI * 2 + Math.PI / 8;
    b.boxB(C.window, 1.4, 1.8, 0.2, { x: Math.sin(a) * 5.45, y: 12.6, z: Math.cos(a) * 5.45, ry: a });
  }
  b.cyl(C.white, 6.2, 0.5, { y: 15.3, ry: Math.PI / 8 }, 8);
  // the dome: an eight-sided lathe, so each face reads as a panel between ribs
  const prof: [number, number][] = [
    [6.0, 0],
    [5.9, 1.3],
    [5.4, 2.8],
    [4.5, 4.1],
    [3.2, 5.1],
    [1.7, 5.7],
    [0.05, 5.9],
  ];
  const lathe = new THREE.LatheGeometry(
    prof.map(([r, y]) => new THREE.Vector2(r, y)),
    8,
  );
  b.add(lathe, '#c2402b', { y: 15.8 });
  lathe.dispose();
  for (let i = 0; i < 8; i++) {
    const phi = (i / 8) * Math.PI * 2;
    for (let k = 1; k < prof.length; k++) {
      const [r0, y0] = prof[k - 1];
      const [r1, y1] = prof[k];
      const len = Math.hypot(r1 - r0, y1 - y0);
      const rm = (r0 + r1) / 2 + 0.12;
      const tilt = Math.atan2(r1 - r0, y1 - y0);
      b.add(T.box, '#e0634a', {
        x: Math.sin(phi) * rm,
        y: 15.8 + (y0 + y1) / 2,
        z: Math.cos(phi) * rm,
        ry: phi,
        rx: tilt,
        sx: 0.4,
        sy: len + 0.1,
        sz: 0.35,
      });
    }
  }
  b.cyl(C.cream, 1.1, 1.6, { y: 21.5 }, 8);
  b.add(T.sphere, '#c2402b', { y: 23.1, sx: 1.15, sy: 0.9, sz: 1.15 });
  b.cyl(C.gold, 0.12, 2.2, { y: 23.8 }, 6);
}

/** The Piano Museum: a white two-storey hall with a portico and red roof. */
export function pianoMuseum(b: GeoBuilder): void {
  b.boxB(C.granite, 12.6, 0.6, 8.6);
  b.boxB(C.white, 12, 7.2, 8, { y: 0.6 });
  for (let i = 0; i < 5; i++) {
    b.boxB(C.window, 1.2, 2.4, 0.1, { x: -4.8 + i * 2.4, y: 1.2, z: 4.02 });
    b.boxB(C.window, 1.2, 2.0, 0.1, { x: -4.8 + i * 2.4, y: 4.5, z: 4.02 });
    b.boxB(C.window, 1.2, 2.0, 0.1, { x: -4.8 + i * 2.4, y: 4.5, z: -4.02 });
  }
  b.boxB(C.brick, 12.2, 0.3, 8.2, { y: 3.8 });
  // portico (inside the collider: it is part of the building)
  for (const x of [-2, -0.7, 0.7, 2]) b.boxB(C.white, 0.35, 3.4, 0.35, { x, y: 0.6, z: 3.8 });
  b.add(T.cyl6, C.white, { y: 4.1, z: 3.7, sx: 2.7, sy: 0.6, sz: 0.5, rz: 0 });
  b.add(T.pyramid, C.roofTile, { y: 7.8, sx: 12.8, sy: 2.6, sz: 8.8 });
}

/** A black grand piano sculpture on a plinth (Gulangyu is "Piano Island"). */
export function pianoSculpture(b: GeoBuilder): void {
  b.boxB(C.stone, 3.6, 0.5, 3.6);
  const shape = new THREE.Shape();
  shape.moveTo(-0.8, 0);
  shape.lineTo(0.8, 0);
  shape.lineTo(0.8, 1.0);
  shape.bezierCurveTo(0.8, 2.2, 0.1, 2.0, -0.2, 2.6);
  shape.quadraticCurveTo(-0.4, 2.9, -0.8, 2.7);
  shape.lineTo(-0.8, 0);
  const body = new THREE.ExtrudeGeometry(shape, { depth: 0.45, bevelEnabled: false, curveSegments: 6 });
  body.rotateX(-Math.PI / 2);
  b.add(body, '#15161a', { y: 1.3, z: 1.2 });
  b.add(body, '#22242a', { y: 1.75, z: 1.2, rx: 0.45, sy: 0.08 });
  body.dispose();
  for (const [x, z] of [
    [-0.6, 1.0],
    [0.6, 1.0],
    [-0.4, -1.2],
  ])
    b.cyl('#15161a', 0.1, 0.9, { x, y: 0.5, z }, 6);
  b.boxB('#f4f4f0', 1.5, 0.08, 0.35, { y: 1.55, z: 1.35 });
}

/** Koxinga on his rock, looking out to sea (+z). */
export function koxinga(b: GeoBuilder): void {
  const rock = boulderGeometry(7);
  for (const [x, y, z, s] of [
    [0, 1.2, 0, 5.2],
    [2.4, 0.4, 2.2, 3.6],
    [-2.6, 0.5, 1.4, 3.4],
    [0.8, 0.3, -2.8, 3.8],
    [3.4, -0.3, -1.2, 2.8],
  ]) {
    b.add(rock, '#a09384', { x, y, z, sx: s, sy: s * 1.05, sz: s });
  }
  rock.dispose();
  const stone = '#d3cabd';
  b.at({ y: 4.6, sx: 1.35, sy: 1.35, sz: 1.35 }, () => {
    b.boxB(C.graniteDark, 3, 0.8, 3);
    const robe = new THREE.CylinderGeometry(0.8, 1.15, 1, 8).translate(0, 0.5, 0);
    b.add(robe, stone, { y: 0.8, sy: 4.2 });
    const torso = new THREE.CylinderGeometry(1.05, 0.82, 1, 8).translate(0, 0.5, 0);
    b.add(torso, stone, { y: 5.0, sy: 2.3 });
    b.box(stone, 2.7, 0.7, 1.3, { y: 7.2 });
    b.add(T.sphere, stone, { y: 8.2, sx: 0.55, sy: 0.65, sz: 0.55 });
    b.add(T.cone8, stone, { y: 8.55, sx: 0.62, sy: 0.9, sz: 0.62 });
    // cloak falling from the shoulders
    b.boxB('#c8bfb2', 2.6, 6.2, 0.35, { y: 1.0, z: -0.95, rx: 0.1 });
    // right arm down to the sword hilt, left arm across the chest
    b.add(T.cyl6, stone, { x: 1.35, y: 5.0, sx: 0.3, sy: 2.3, sz: 0.3, rz: 0.12 });
    b.boxB('#bdb4a6', 0.2, 3.6, 0.2, { x: 1.5, y: 1.4, z: 0.4, rx: 0.12 });
    b.add(T.cyl6, stone, { x: -1.0, y: 6.2, z: 0.4, sx: 0.3, sy: 1.9, sz: 0.3, rz: 1.2, ry: -0.4 });
  });
}

/** Ferry terminal at the pier head: two pavilions under one sweeping canopy. */
export function terminal(b: GeoBuilder): void {
  for (const z of [-9.5, 9.5]) {
    b.boxB(C.white, 8, 4.6, 5, { z });
    b.boxB(C.window, 8.05, 1.4, 4, { z, y: 1.8 });
    b.boxB(C.teal, 8.1, 0.5, 5.1, { z, y: 4.6 });
  }
  for (const [x, z] of [
    [-3.5, -6.5],
    [3.5, -6.5],
    [-3.5, 6.5],
    [3.5, 6.5],
  ])
    b.cyl(C.white, 0.25, 6, { x, z }, 8);
  b.boxB(C.teal, 12, 0.4, 26, { y: 6.2, rz: 0.06 });
  b.boxB(C.white, 12.2, 0.25, 26.2, { y: 6.05, rz: 0.06 });
  // a sign band over the west entrance (colour only: no text in the scene)
  b.boxB(C.red, 0.3, 1.2, 8, { x: -6.1, y: 6.7 });
}

/** The Lujiang ferry: blue hull, white decks, window bands. Length along z, 22 m. */
export function ferry(b: GeoBuilder): void {
  b.boxB(C.navy, 7, 2.2, 20, { y: -1.6 });
  const bow = new THREE.CylinderGeometry(3.5, 3.5, 2.2, 3, 1).rotateY(Math.PI).scale(1, 1, 0.9);
  b.add(bow, C.navy, { y: -0.5, z: 10 });
  b.boxB(C.white, 7.1, 1.4, 20, { y: 0.6 });
  b.add(bow, C.white, { y: 1.3, z: 10, sy: 0.64 });
  bow.dispose();
  b.boxB('#2d86c4', 7.15, 0.35, 20.2, { y: 0.2 });
  b.boxB(C.white, 6.4, 2.4, 15, { y: 2.0, z: -1 });
  b.boxB(C.window, 6.45, 0.9, 14, { y: 2.8, z: -1 });
  b.boxB(C.white, 5.6, 2.0, 10, { y: 4.4, z: -2 });
  b.boxB(C.window, 5.65, 0.8, 9, { y: 5.0, z: -2 });
  b.boxB(C.teal, 6, 0.25, 11, { y: 6.4, z: -2 });
  b.cyl(C.white, 0.1, 3, { y: 6.6, z: -6 }, 6);
  b.boxB(C.red, 0.05, 0.8, 1.2, { y: 8.6, z: -6.6 });
}

/** The pavilion on the Forty-Four Bridge: red columns, a double roof with a gold finial. */
export function pavilion(b: GeoBuilder): void {
  b.box(C.stone, 7, 0.6, 7, { y: -0.26 });
  for (const [x, z] of [
    [-2.6, -2.6],
    [2.6, -2.6],
    [-2.6, 2.6],
    [2.6, 2.6],
  ]) {
    b.cyl(C.red, 0.22, 3.4, { x, z }, 8);
    b.cyl(C.graniteDark, 0.4, 5, { x, y: -5, z }, 6);
  }
  b.add(T.pyramid, '#3d5a52', { y: 3.3, sx: 7.6, sy: 0.9, sz: 7.6 });
  b.add(T.pyramid, '#4a6b61', { y: 3.9, sx: 4.6, sy: 1.9, sz: 4.6 });
  b.add(T.sphere, C.gold, { y: 5.9, sx: 0.3, sy: 0.45, sz: 0.3 });
}

/** The viewing platform on Sunlight Rock: a railing ring and a flag. */
export function sunlightSummit(b: GeoBuilder): void {
  const n = 16;
  const r = 5.6;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const a2 = ((i + 1) / n) * Math.PI * 2;
    // leave the stair opening towards the south-east (where the path arrives)
    const mid = (a + a2) / 2;
    if (Math.abs(Math.atan2(Math.sin(mid - 0.25), Math.cos(mid - 0.25))) < 0.4) continue;
    b.boxB(C.white, 0.15, 1.0, 0.15, { x: Math.cos(a) * r, z: Math.sin(a) * r });
    const len = 2 * r * Math.sin(Math.PI / n);
    b.boxB(C.white, 0.12, 0.1, len, { x: Math.cos(mid) * r, y: 1.0, z: Math.sin(mid) * r, ry: -mid });
  }
  b.cyl(C.white, 0.08, 7, { x: -2.5, z: -2.5 }, 6);
  b.boxB(C.red, 0.05, 1.1, 1.7, { x: -2.5, y: 5.8, z: -3.4 });
  b.add(T.blob1, C.granite, { y: -1.0, x: -3, z: -3, sx: 3.5, sy: 2.0, sz: 3.0 });
}

/** Drum-wave rock: dark rocks at the waterline with a hollow. */
export function drumRock(b: GeoBuilder): void {
  const rock = boulderGeometry(3);
  b.add(rock, '#7f766c', { y: 0.5, sx: 4.5, sy: 3.6, sz: 3.6 });
  b.add(rock, '#8b8176', { x: 3.2, y: 0.2, z: 1.5, sx: 3.0, sy: 2.8, sz: 2.6 });
  b.add(rock, '#756c62', { x: -2.8, y: -0.5, z: 2.2, sx: 3.2, sy: 2.4, sz: 3.0 });
  b.add(T.sphere, '#2b2724', { x: 0.4, y: 0.2, z: 3.1, sx: 1.3, sy: 1.1, sz: 0.6 });
  rock.dispose();
}
