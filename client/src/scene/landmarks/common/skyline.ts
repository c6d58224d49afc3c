/**
 * A distant city built from boxes: rows of towers along a shore, a few signature shapes, hills
 * behind. Two merged geometries: the buildings, and their windows (lit only in the evening).
 */
import type * as THREE from 'three';
import { GeoBuilder, T } from './GeoBuilder';
import { hash2 } from './terrain';

export interface SkylineSpec {
  /** shore line: the city starts at local z = 0 and grows towards -z; placed by `place` */
  place: { x: number; z: number; ry: number };
  length: number;
  seed: number;
  /** extra tall towers at local x positions */
  landmarks?: Array<{ x: number; kind: 'twin-sails' | 'spire' | 'slab' }>;
  hills?: boolean;
  palette?: string[];
}

const DAY = ['#e9ecef', '#dfe4ea', '#cfd8e3', '#b9cadb', '#f2ede4', '#d9d2c7', '#a9bccd', '#e4e8ee'];

export function buildSkyline(spec: SkylineSpec): { body: THREE.BufferGeometry; windows: THREE.BufferGeometry } {
  const body = new GeoBuilder();
  const win = new GeoBuilder();
  const pal = spec.palette ?? DAY;
  let k = spec.seed;
  const R = () => hash2(k++ * 1.37, spec.seed * 7.1);
  const half = spec.length / 2;

  const place = { x: spec.place.x, z: spec.place.z, ry: spec.place.ry };
  body.at(place, () =>
    win.at(place, () => {
      // quay and the shore strip
      body.box('#9aa3a8', spec.length + 200, 3, 60, { y: -1, z: -30 });
      // three rows of blocks, taller further back
      for (let row = 0; row < 3; row++) {
        let x = -half;
        while (x < half) {
          const w = 10 + R() * 16;
          const d = 10 + R() * 14;
          const tall = R() < 0.18;
          const h = (row === 0 ? 10 + R() * 18 : 16 + R() * (26 + row * 18)) * (tall ? 1.7 : 1);
          const z = -12 - row * 32 - R() * 10;
          const color = pal[Math.floor(R() * pal.length)];
          body.boxB(color, w, h, d, { x: x + w / 2, z });
          if (R() < 0.3) body.boxB(color, w * 0.6, h * 0.12, d * 0.6, { x: x + w / 2, y: h, z });
          // window bands on the face towards the sea
          const floors = Math.floor(h / 3.5);
          for (let f = 1; f < floors; f += 2) {
            if (R() < 0.35) continue;
            win.boxB('#ffd89a', w * (0.5 + R() * 0.4), 1.1, 0.3, { x: x + w / 2, y: f * 3.5, z: z + d / 2 + 0.2 });
          }
          x += w + 3 + R() * 8;
        }
      }
      for (const l of spec.landmarks ?? []) {
        if (l.kind === 'twin-sails') {
          // two slim towers whose crowns slope like sails (a Xiamen waterfront signature)
          for (const dx of [-14, 14]) {
            const flip = dx < 0 ? 1 : -1;
            body.boxB('#dfe7ee', 16, 120, 22, { x: l.x + dx, z: -30 });
            body.add(T.cyl6, '#cfdbe6', { x: l.x + dx, y: 120, z: -30, sx: 11, sy: 45, sz: 11, rz: flip * 0.22 });
            for (let f = 4; f < 34; f += 2) win.boxB('#ffe2a8', 14, 1.2, 0.3, { x: l.x + dx, y: f * 3.5, z: -18.8 });
          }
        } else if (l.kind === 'spire') {
          body.boxB('#c9d6e2', 22, 110, 22, { x: l.x, z: -40 });
          body.boxB('#c9d6e2', 14, 30, 14, { x: l.x, y: 110, z: -40 });
          body.add(T.cone8, '#dde5ec', { x: l.x, y: 140, z: -40, sx: 3, sy: 25, sz: 3 });
          for (let f = 3; f < 30; f += 2) win.boxB('#ffe2a8', 18, 1.2, 0.3, { x: l.x, y: f * 3.5, z: -28.8 });
        } else {
          body.boxB('#b4c6d6', 40, 75, 16, { x: l.x, z: -35 });
          for (let f = 2; f < 20; f += 2) win.boxB('#ffe2a8', 36, 1.2, 0.3, { x: l.x, y: f * 3.5, z: -26.8 });
        }
      }
      if (spec.hills) {
        for (let i = -4; i <= 4; i++) {
          body.add(T.blob, i % 2 ? '#6f8a73' : '#7c9680', {
            x: i * (spec.length / 8) + (R() - 0.5) * 40,
            y: -10,
            z: -190 - R() * 60,
            sx: 90 + R() * 60,
            sy: 40 + R() * 45,
            sz: 60,
          });
        }
      }
    }),
  );
  return { body: body.build(), windows: win.build() };
}
