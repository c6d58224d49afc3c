/**
 * Island ground as one vertex-coloured grid: exactly `groundHeight` wherever one may walk (so
 * feet meet the ground the server computes), sloping under the sea outside the land polygons.
 * Lanes, plazas round booth slots, beaches and bare granite are painted into vertex colours.
 */
import * as THREE from 'three';
import { groundHeight, pointInPolygon, type HallLayout } from '../../../../../shared/layout';
import { SEA_LEVEL } from './Sea';

type P = readonly [number, number];

export interface TerrainSpec {
  layout: HallLayout;
  /** polygons that are solid ground (piers and bridges are drawn as structures) */
  land: ReadonlyArray<ReadonlyArray<P>>;
  region: { minX: number; maxX: number; minZ: number; maxZ: number };
  cell: number;
  /** metres of drop per metre outside the land */
  shoreSlope: number;
  maxDepth: number;
  /** sand (true) or rock (false) along the shore here */
  beach(x: number, z: number): boolean;
  colors: {
    grass: string;
    grass2: string;
    lane: string;
    laneEdge: string;
    plaza: string;
    sand: string;
    rock: string;
    seabed: string;
    deep: string;
  };
}

function segDist(x: number, z: number, ax: number, az: number, bx: number, bz: number): number {
  const dx = bx - ax;
  const dz = bz - az;
  const l2 = dx * dx + dz * dz;
  const t = l2 ? Math.max(0, Math.min(1, ((x - ax) * dx + (z - az) * dz) / l2)) : 0;
  const px = ax + t * dx - x;
  const pz = az + t * dz - z;
  return Math.sqrt(px * px + pz * pz);
}

function polyEdgeDist(x: number, z: number, poly: ReadonlyArray<P>): number {
  let d = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    d = Math.min(d, segDist(x, z, a[0], a[1], b[0], b[1]));
  }
  return d;
}

/** Cheap value noise in [0,1), for colour variation. */
export function hash2(x: number, z: number): number {
  const s = Math.sin(x * 127.1 + z * 311.7) * 43758.5453;
  return s - Math.floor(s);
}
function vnoise(x: number, z: number): number {
  const xi = Math.floor(x);
  const zi = Math.floor(z);
  const fx = x - xi;
  const fz = z - zi;
  const u = fx * fx * (3 - 2 * fx);
  const v = fz * fz * (3 - 2 * fz);
  const a = hash2(xi, zi);
  const b = hash2(xi + 1, zi);
  const c = hash2(xi, zi + 1);
  const d = hash2(xi + 1, zi + 1);
  return a + (b - a) * u + (c - a) * v + (a - b - c + d) * u * v;
}

export function buildTerrain(spec: TerrainSpec): THREE.BufferGeometry {
  const { region, cell, layout } = spec;
  const nx = Math.ceil((region.maxX - region.minX) / cell) + 1;
  const nz = Math.ceil((region.maxZ - region.minZ) / cell) + 1;
  const pos = new Float32Array(nx * nz * 3);
  const col = new Float32Array(nx * nz * 3);
  const C = Object.fromEntries(Object.entries(spec.colors).map(([k, v]) => [k, new THREE.Color(v)])) as Record<keyof TerrainSpec['colors'], THREE.Color>;
  const tmp = new THREE.Color();
  const slots = layout.boothSlots;

  for (let j = 0; j < nz; j++) {
    for (let i = 0; i < nx; i++) {
      const x = region.minX + i * cell;
      const z = region.minZ + j * cell;
      let inside = false;
      let edge = Infinity;
      for (const poly of spec.land) {
        const d = polyEdgeDist(x, z, poly);
        if (pointInPolygon(x, z, poly)) {
          inside = true;
          edge = d;
          break;
        }
        edge = Math.min(edge, d);
      }
      let y: number;
      const n = vnoise(x * 0.08, z * 0.08);
      if (inside) {
        y = groundHeight(layout, x, z);
        // paint: lanes, plazas, shore, rock, gardens
        let lane = Infinity;
        let laneW = 0;
        for (const l of layout.lanes) {
          for (let k = 1; k < l.pts.length; k++) {
            const d = segDist(x, z, l.pts[k - 1][0], l.pts[k - 1][1], l.pts[k][0], l.pts[k][1]) - l.w / 2;
            if (d < lane) {
              lane = d;
              laneW = l.w;
            }
          }
        }
        let plaza = Infinity;
        for (const s of slots) plaza = Math.min(plaza, Math.hypot(s.x - x, s.z - z));
        if (y > 1.5) tmp.copy(C.rock).lerp(C.grass2, n > 0.6 ? 0.55 : 0);
        else if (y > 0.3) tmp.copy(C.grass).lerp(C.rock, y / 1.5);
        else if (edge < 5 && spec.beach(x, z)) tmp.copy(C.sand);
        else if (edge < 2.5) tmp.copy(C.rock);
        else tmp.copy(C.grass).lerp(C.grass2, n);
        if (plaza < 7) tmp.copy(C.plaza);
        else if (plaza < 8.5) tmp.lerp(C.plaza, (8.5 - plaza) / 1.5);
        if (lane < 0) tmp.copy(lane > -0.6 && laneW > 3 ? C.laneEdge : C.lane);
        else if (lane < 1) tmp.lerp(C.laneEdge, 1 - lane);
      } else {
        y = -Math.min(spec.maxDepth, edge * spec.shoreSlope);
        const beach = spec.beach(x, z);
        const under = Math.max(0, SEA_LEVEL - y);
        tmp
          .copy(beach ? C.sand : C.rock)
          .lerp(C.seabed, Math.min(1, under * 0.8))
          .lerp(C.deep, Math.min(1, under / 4));
      }
      const k = (j * nx + i) * 3;
      pos[k] = x;
      pos[k + 1] = y;
      pos[k + 2] = z;
      const shade = 0.94 + 0.12 * hash2(x, z);
      col[k] = tmp.r * shade;
      col[k + 1] = tmp.g * shade;
      col[k + 2] = tmp.b * shade;
    }
  }
  const index: number[] = [];
  for (let j = 0; j < nz - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i;
      const b = a + 1;
      const c = a + nx;
      const d = c + 1;
      index.push(a, c, b, b, c, d);
    }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  g.setAttribute('color', new THREE.BufferAttribute(col, 3));
  g.setIndex(index);
  g.computeVertexNormals();
  g.computeBoundingSphere();
  return g;
}
