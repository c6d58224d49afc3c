/**
 * Shapowei hall: the typhoon-shelter basin with moored fishing boats, Art West Zone warehouses
 * with murals, a qilou arcade street, the Yanwu Bridge over the sea, in a day or evening mood.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import type { HallLayout } from '../../../../../shared/layout';
import { extent, feature, featuresOf, region } from '../../../../../shared/layoutParts';
import { Atmosphere, type Mood } from '../common/Atmosphere';
import { BoothSlots } from '../common/BoothSlots';
import { alongLine } from '../common/alongLine';
import { ChannelBoats } from '../common/ChannelBoats';
import { deckFromQuad } from '../common/decks';
import { GeoBuilder, placeMatrix, T, vertexColorMaterial } from '../common/GeoBuilder';
import { useStore } from '../../../store';
import type { MoodId } from '../../../store/moodSlice';
import { C } from '../common/palette';
import { Sea, type SeaLook } from '../common/Sea';
import { buildSkyline } from '../common/skyline';
import { buildTerrain, hash2 } from '../common/terrain';
import * as Plants from '../common/plants';
import { markDecorative, spreadOrder, usePropDensity } from '../../quality/propDensity';
import { muralGeometry, muralTexture } from './murals';
import * as P from './props';

const MOODS: Record<MoodId, Mood> = {
  // afternoon sun from the west: it lights the warehouse fronts across the basin
  day: {
    sun: [-0.55, 0.62, -0.3],
    sunColor: '#fff1dc',
    sunIntensity: 2.6,
    hemiSky: '#cfe6ff',
    hemiGround: '#8a7a62',
    hemiIntensity: 1.2,
    fog: '#c9dbe6',
    fogNear: 160,
    fogFar: 1100,
    sky: { turbidity: 5, rayleigh: 1.1, mieCoefficient: 0.004, mieDirectionalG: 0.8 },
    exposure: 0.95,
  },
  // the sun just down over the harbour mouth: warm west light, a blue-violet sky, lights coming on
  evening: {
    sun: [-0.85, 0.06, 0.5],
    sunColor: '#ff9d5c',
    sunIntensity: 1.7,
    hemiSky: '#8c93c4',
    hemiGround: '#5b4a48',
    hemiIntensity: 1.15,
    fog: '#9c98ae',
    fogNear: 150,
    fogFar: 1000,
    sky: { turbidity: 8, rayleigh: 2.2, mieCoefficient: 0.005, mieDirectionalG: 0.85 },
    exposure: 0.8,
  },
};

/** The sea stands lower here than on Gulangyu: the quay walls rise out of a tidal basin. */
const WATER = -1.5;
const REGION = { minX: -135, maxX: 125, minZ: -105, maxZ: 95 };

const SEAS: Record<MoodId, SeaLook> = {
  day: { deep: '#1b5a6a', sky: '#9cc3d8', sunDir: MOODS.day.sun, sunColor: '#fff3de', opacity: 0.9, chop: 0.45, shallows: REGION },
  evening: { deep: '#1a3a52', sky: '#7f88a8', sunDir: MOODS.evening.sun, sunColor: '#ffab6b', opacity: 0.92, chop: 0.45, shallows: REGION },
};

const WALLS = ['#ead9b8', '#e3b5a4', '#e0b873', '#b9cdd6', '#e6e1d8', '#d9c3a0'];
const STYLE: Record<string, P.WarehouseStyle> = { 'warehouse-a': 'brick', 'warehouse-b': 'icehouse', 'warehouse-c': 'frame' };
const GRANITE = ['#a89f92', '#9d9487', '#b3ab9e', '#948b7f'];

type Line = ReadonlyArray<readonly [number, number]>;

/** Granite quay wall along a line, its face towards `face` (+1/-1 of the normal). */
function quayWall(b: GeoBuilder, line: Line, face: 1 | -1): void {
  alongLine(b, line, (len) => {
    // core of the wall, then courses of dressed blocks on the water face, a pale coping on top
    b.box('#8f877b', 1.2, 7, len, { y: -3.5, x: face * -0.6 });
    const rows = [-0.55, -1.1, -1.65, -2.2];
    rows.forEach((y, r) => {
      let z = -len / 2 + (r % 2) * 0.6;
      let k = r * 3;
      while (z < len / 2) {
        const l = Math.min(1.1 + hash2(z, r) * 0.7, len / 2 - z);
        b.box(GRANITE[(k++ + r) % GRANITE.length], 0.1, 0.5, l - 0.06, { x: face * 0.03, y: y + 0.25 - 0.275, z: z + l / 2 });
        z += l;
      }
    });
    b.box('#cfc6b8', 1.0, 0.25, len, { x: face * -0.3, y: -0.1 });
    // tide line: the green-black band where the water laps
    b.box('#3d4a3f', 0.12, 0.35, len, { x: face * 0.04, y: WATER + 0.15 });
  });
}

function build(layout: HallLayout) {
  // The typhoon shelter: the basin runs inland from the sea, which meets the land at its open end.
  const basin = extent(feature(layout, 'basin').pts);
  const seaZ = basin.maxZ;
  const seaWalls = featuresOf(layout, 'sea-wall');
  const shore = extent(seaWalls.flatMap((w) => w.pts));
  const terrain = buildTerrain({
    layout,
    // the town goes on beyond the walkable area (filled with blocks below), round the basin
    land: [
      [
        [REGION.minX, REGION.minZ],
        [REGION.maxX, REGION.minZ],
        [REGION.maxX, seaZ],
        [basin.maxX, seaZ],
        [basin.maxX, basin.minZ],
        [basin.minX, basin.minZ],
        [basin.minX, seaZ],
        [REGION.minX, seaZ],
      ],
    ],
    region: REGION,
    cell: 2,
    shoreSlope: 4,
    maxDepth: 6,
    beach: () => false,
    colors: {
      grass: '#c9bfae',
      grass2: '#bdb29f',
      lane: '#b3aa9c',
      laneEdge: '#cfc6b6',
      plaza: '#d8cdb8',
      sand: '#d8c79c',
      rock: '#5f6658',
      seabed: '#2f5e55',
      deep: '#1d4550',
    },
  });

  const body = new GeoBuilder();
  const glass = new GeoBuilder();
  const bulbs = new GeoBuilder();
  const murals: P.Builders['murals'] = [];
  const B: P.Builders = { body, glass, bulbs, murals };
  const boats: Record<'a' | 'b' | 'c', { x: number; z: number; ry: number; s: number }[]> = { a: [], b: [], c: [] };
  let wi = 0;
  let qi = 0;
  const lamps: { x: number; z: number; ry: number }[] = [];
  // the fronts facing the basin across the quays: warehouse walls east, qilou arcades west
  const fronts = { east: Infinity, west: -Infinity };
  for (const it of layout.scenery) {
    const place = { x: it.x, z: it.z, ry: it.ry, sx: it.s, sy: it.s, sz: it.s };
    const all = (draw: () => void) => body.at(place, () => glass.at(place, () => bulbs.at(place, draw)));
    switch (it.kind) {
      case 'warehouse-a':
      case 'warehouse-b':
      case 'warehouse-c': {
        const len = it.kind === 'warehouse-c' ? 22 : 24;
        const at = placeMatrix(place);
        all(() => P.warehouse(B, len, STYLE[it.kind], at, wi));
        fronts.east = Math.min(fronts.east, it.x + Math.sin(it.ry) * (P.WAREHOUSE_DEPTH / 2 - 0.2));
        wi++;
        break;
      }
      case 'qilou-a':
      case 'qilou-b': {
        const wall = WALLS[Math.floor(hash2(it.x, it.z) * WALLS.length)];
        all(() => P.qilou(B, wall, qi % 3 ? C.white : '#f4e9d4', it.kind === 'qilou-b' ? 1 : 0, qi));
        if (Math.sin(it.ry) > 0) fronts.west = Math.max(fronts.west, it.x + Math.sin(it.ry) * P.QILOU_ARCADE);
        qi++;
        break;
      }
      case 'chimney':
        body.at(place, () => P.chimney(body));
        break;
      case 'lamp':
        body.at(place, () => P.lampPost(body));
        lamps.push({ x: it.x, z: it.z, ry: it.ry });
        bulbs.add(T.sphere, '#fff2cf', { x: it.x + Math.sin(it.ry) * 0.75, y: 4.05, z: it.z + Math.cos(it.ry) * 0.75, sx: 0.32, sy: 0.32, sz: 0.32 });
        break;
      case 'banyan':
        body.at(place, () => Plants.banyan(body));
        break;
      case 'flame-tree':
        body.at(place, () => Plants.flameTree(body));
        break;
      case 'bougainvillea':
        body.at(place, () => Plants.bougainvillea(body));
        break;
      case 'boat-a':
      case 'boat-b':
      case 'boat-c':
        boats[it.kind.slice(5) as 'a' | 'b' | 'c'].push({ x: it.x, z: it.z, ry: it.ry, s: it.s });
        break;
      case 'wangchuan':
        body.at({ ...place, y: WATER + 0.4 }, () => P.wangchuan(body));
        break;
      case 'portal':
        body.at(place, () => P.portalFrame(body));
        break;
      default:
        // fail loudly, not an empty spot: a kind the plan places must be drawn here
        throw new Error(`shapowei: no drawing for scenery '${it.kind}'`);
    }
  }

  // the basin: granite quay walls on three sides, the sea wall along the promenade
  quayWall(
    body,
    [
      [basin.minX, basin.minZ],
      [basin.minX, seaZ],
    ],
    1,
  );
  quayWall(
    body,
    [
      [basin.maxX, basin.minZ],
      [basin.maxX, seaZ],
    ],
    -1,
  );
  quayWall(
    body,
    [
      [basin.minX, basin.minZ],
      [basin.maxX, basin.minZ],
    ],
    -1,
  );
  for (const wall of seaWalls) quayWall(body, wall.pts, -1);
  // bollards and hanging tyre fenders along the basin
  for (let z = basin.minZ + 3; z < seaZ - 2; z += 6) {
    for (const x of [basin.minX - 0.6, basin.maxX + 0.6]) {
      body.cyl('#3c4248', 0.22, 0.5, { x, z }, 6);
      body.cyl('#3c4248', 0.3, 0.08, { x, y: 0.5, z }, 6);
      body.add(T.cyl8, '#1a1a1a', { x: x + (x < 0 ? 0.75 : -0.75), y: -0.9, z: z + 3, sx: 0.45, sy: 0.3, sz: 0.45, rz: Math.PI / 2 });
    }
  }
  // a mooring rope from the end of each boat nearest the quay to a bollard
  const rope = new THREE.Vector3();
  const post = new THREE.Vector3();
  for (const list of Object.values(boats)) {
    for (const bt of list) {
      const side = bt.x < (basin.minX + basin.maxX) / 2 ? basin.minX - 0.5 : basin.maxX + 0.5;
      const fx = Math.sin(bt.ry) * 4.2 * bt.s;
      const fz = Math.cos(bt.ry) * 4.2 * bt.s;
      const end = Math.abs(bt.x + fx - side) < Math.abs(bt.x - fx - side) ? 1 : -1;
      rope.set(bt.x + fx * end, WATER + 1.7 * bt.s, bt.z + fz * end);
      post.set(side, 0.45, bt.z + fz * end + (Math.abs(fz) > 1 ? fz * end * 0.3 : 1.5));
      P.bar(body, '#5a5146', rope, post, 0.04);
    }
  }
  // the footbridge over the basin and the road bridge over its mouth (the seafront square)
  deckFromQuad(body, region(layout, 'footbridge').poly, { color: '#8f99a1', rail: '#e9e4da', piles: 3 });
  const mouth = extent(region(layout, 'basin-mouth').poly);
  const mx = (mouth.minX + mouth.maxX) / 2;
  const mz = (mouth.minZ + mouth.maxZ) / 2;
  const mw = mouth.maxX - mouth.minX;
  body.box('#c9c0b2', mw, 1.0, mouth.maxZ - mouth.minZ, { x: mx, y: -0.5, z: mz });
  for (const dx of [-10.5, -3.5, 3.5, 10.5]) body.box('#b7ae9f', 1.4, 6, 8, { x: mx + dx, y: -3.5, z: mz });
  body.box('#b7ae9f', mw, 1.6, 0.6, { x: mx, y: -1.3, z: mouth.minZ + 0.2 });
  for (const x of [mouth.minX + 0.48, mouth.maxX - 0.48])
    for (let z = mouth.minZ + 0.3; z < mouth.maxZ; z += 1.6) body.boxB('#e9e4da', 0.16, 0.9, 0.16, { x, z });
  // the name of the place over the footbridge, facing up the basin: the first thing one reads
  // from the arrival quay. Not on the mouth bridge: there it stood between the quays and the stage.
  const foot = extent(region(layout, 'footbridge').poly);
  const signZ = foot.minZ + 0.6;
  body.boxB('#5a3a2c', 0.35, 6.2, 0.35, { x: mx - 6.2, z: signZ });
  body.boxB('#5a3a2c', 0.35, 6.2, 0.35, { x: mx + 6.2, z: signZ });
  body.boxB('#1d2430', 12.4, 3.2, 0.3, { x: mx, y: 4.2, z: signZ });
  murals.push({ m: new THREE.Matrix4().makeRotationY(Math.PI).setPosition(mx, 5.8, signZ - 0.18), w: 12, h: 3, cell: P.CELL.shapowei });
  murals.push({ m: new THREE.Matrix4().setPosition(mx, 5.8, signZ + 0.18), w: 12, h: 3, cell: P.CELL.shapowei });
  // sea promenade railing, just in from the sea wall, open for 2 m either side of the basin mouth
  const railZ = seaZ - 0.4;
  const gap = { west: basin.minX - 2, east: basin.maxX + 2 };
  for (let x = shore.minX; x <= shore.maxX; x += 2.5) {
    if (x > gap.west && x < gap.east) continue;
    body.boxB('#e9e4da', 0.15, 0.9, 0.15, { x, z: railZ });
  }
  body.boxB('#e9e4da', gap.west - shore.minX, 0.12, 0.15, { x: (shore.minX + gap.west) / 2, y: 0.85, z: railZ });
  body.boxB('#e9e4da', shore.maxX - gap.east, 0.12, 0.15, { x: (gap.east + shore.maxX) / 2, y: 0.85, z: railZ });

  // festoon lights: from the warehouse eaves to the quay lamps, and across the qilou quay
  const a = new THREE.Vector3();
  const c = new THREE.Vector3();
  const quayLamps = lamps.filter((l) => l.x > gap.west && l.x < gap.east && l.z < seaZ - 6);
  for (const l of quayLamps) {
    const east = l.x > (basin.minX + basin.maxX) / 2;
    for (const dz of [-5, 5]) {
      a.set(l.x, 4.3, l.z);
      c.set(east ? fronts.east : fronts.west, east ? 7.4 : 5.2, l.z + dz);
      P.stringLights(B, a, c, 0.8);
    }
  }
  // along each basin edge, lamp to lamp
  for (const x of new Set(quayLamps.map((l) => l.x))) {
    const row = quayLamps.filter((l) => l.x === x).sort((p, q) => p.z - q.z);
    for (let i = 1; i < row.length; i++) {
      a.set(x, 4.3, row[i - 1].z);
      c.set(x, 4.3, row[i].z);
      P.stringLights(B, a, c, 1.0);
    }
  }

  // town blocks beyond the walkable edge: west, north and east
  const R = (p: number, q: number) => hash2(p * 1.7, q * 2.3);
  const block = (x: number, z: number, w: number, d: number, ry: number) => {
    const h = 8 + R(x, z) * 18;
    const wall = WALLS[Math.floor(R(z, x) * WALLS.length)];
    body.at({ x, z, ry }, () =>
      glass.at({ x, z, ry }, () => {
        body.boxB(wall, w, h, d);
        body.boxB('#8c8379', w + 0.3, 0.5, d + 0.3, { y: h });
        for (let y = 1.5; y < h - 2; y += 3.2)
          for (let i = 0; i < Math.floor(w / 3.5); i++) glass.boxB('#2b3742', 1.4, 1.6, 0.12, { x: -w / 2 + 2 + i * 3.5, y, z: d / 2 + 0.03 });
      }),
    );
  };
  for (let z = -100; z < seaZ - 2; z += 14) block(-110 + R(z, 1) * 6, z + 7, 14, 12, Math.PI / 2);
  for (let z = -100; z < seaZ - 2; z += 14) block(104 - R(z, 2) * 6, z + 7, 14, 12, -Math.PI / 2);
  for (let x = shore.minX; x < shore.maxX; x += 16) block(x + 8, -90 - R(x, 3) * 6, 14, 12, 0);

  // the Yanwu Bridge out at sea, long and low, running off along the coast
  body.at({ x: 60, z: 118, ry: -0.16 }, () => bulbs.at({ x: 60, z: 118, ry: -0.16 }, () => P.yanwuBridge(body, bulbs, 1100, WATER)));
  // the coast beyond: the Huandao road's headland and the hills behind Xiamen University
  body.add(T.blob, '#6f8a73', { x: 420, y: -30, z: 60, sx: 160, sy: 80, sz: 140 });
  body.add(T.blob, '#7c9680', { x: 330, y: -40, z: -90, sx: 140, sy: 95, sz: 120 });
  body.box('#9aa3a8', 40, 3, 400, { x: 260, y: -0.5, z: 40 });

  const skyline = buildSkyline({
    place: { x: 30, z: -280, ry: 0 },
    length: 700,
    seed: 11,
    landmarks: [
      { x: 140, kind: 'twin-sails' },
      { x: -120, kind: 'spire' },
    ],
    hills: true,
  });
  // windows: random panes lit or dark in the evening
  const glassG = glass.build();
  const col = glassG.attributes.color as THREE.BufferAttribute | undefined;
  if (col) {
    const warm = new THREE.Color('#ffcf7a');
    const dim = new THREE.Color('#5a4b40');
    for (let i = 0; i < col.count; i += 36) {
      const k = hash2(i * 0.37, 1.3) < 0.7 ? warm : dim;
      for (let j = i; j < Math.min(i + 36, col.count); j++) col.setXYZ(j, k.r, k.g, k.b);
    }
  }
  return {
    terrain,
    buildings: body.build(),
    glass: glassG,
    lamps: bulbs.build(),
    murals: muralGeometry(murals),
    skyline,
    boats,
  };
}

function boatGeometry(paint: P.BoatPaint): THREE.BufferGeometry {
  const b = new GeoBuilder();
  P.fishingBoat(b, paint);
  return b.build();
}

const dummy = new THREE.Object3D();
const FLEETS = ['a', 'b', 'c'] as const;

export function ShapoweiScene({ layout }: { layout: HallLayout }) {
  const mood = useStore((s) => s.mood);
  const material = useMemo(() => vertexColorMaterial(), []);
  const built = useMemo(() => build(layout), [layout]);
  const texture = useMemo(() => muralTexture(), []);
  const muralMat = useMemo(() => new THREE.MeshStandardMaterial({ map: texture, roughness: 0.9 }), [texture]);
  const glassDay = useMemo(() => new THREE.MeshStandardMaterial({ color: '#2e3a46', roughness: 0.3, metalness: 0.2 }), []);
  const glassNight = useMemo(() => new THREE.MeshBasicMaterial({ vertexColors: true }), []);
  const lampDay = useMemo(() => vertexColorMaterial({ flatShading: false, roughness: 0.5 }), []);
  const lampNight = useMemo(() => new THREE.MeshBasicMaterial({ vertexColors: true }), []);
  // one instanced mesh per paint scheme; a slight per-boat tint keeps the rows from looking cloned
  const fleets = useMemo(
    () =>
      FLEETS.map((k) => {
        // moored boats are scenery on the water: any share of them may go at a lower tier (propDensity.ts)
        const list = spreadOrder(built.boats[k]).items;
        const m = new THREE.InstancedMesh(boatGeometry(P.BOAT_PAINTS[k]), material, Math.max(1, list.length));
        m.count = list.length;
        markDecorative(m, list.length);
        const c = new THREE.Color();
        list.forEach((b, i) => {
          const v = 0.88 + 0.12 * hash2(b.x, b.z);
          m.setColorAt(i, c.setRGB(v, v, v * (0.97 + 0.06 * hash2(b.z, b.x))));
        });
        m.castShadow = true;
        m.frustumCulled = false;
        m.name = `fishing-boats-${k}`;
        return { mesh: m, list };
      }),
    [built, material],
  );
  const fleetMeshes = useMemo(() => fleets.map((f) => f.mesh), [fleets]);
  usePropDensity(fleetMeshes);

  useEffect(
    () => () => {
      for (const g of [built.terrain, built.buildings, built.glass, built.lamps, built.skyline.body, built.skyline.windows]) g.dispose();
      built.murals?.dispose();
      for (const f of fleets) {
        f.mesh.geometry.dispose();
        f.mesh.dispose();
      }
      for (const m of [material, muralMat, glassDay, glassNight, lampDay, lampNight]) m.dispose();
      texture.dispose();
    },
    [built, fleets, material, muralMat, glassDay, glassNight, lampDay, lampNight, texture],
  );

  useFrame(({ clock }) => {
    const t = clock.elapsedTime;
    let n = 0;
    for (const f of fleets) {
      // only the boats drawn at this tier bob
      for (let i = 0; i < f.mesh.count; i++, n++) {
        const b = f.list[i];
        dummy.position.set(b.x, WATER + 0.05 + Math.sin(t * 0.8 + n * 1.7) * 0.06, b.z);
        dummy.rotation.set(Math.sin(t * 0.6 + n) * 0.012, b.ry, Math.sin(t * 0.9 + n * 2.3) * 0.025);
        dummy.scale.setScalar(b.s);
        dummy.updateMatrix();
        f.mesh.setMatrixAt(i, dummy.matrix);
      }
      f.mesh.instanceMatrix.needsUpdate = true;
    }
  });

  const evening = mood === 'evening';
  return (
    <group name="shapowei">
      <Atmosphere mood={MOODS[mood]} center={[0, 0, -5]} extent={110} />
      <Sea look={SEAS[mood]} y={WATER} />
      <mesh geometry={built.terrain} material={material} receiveShadow name="terrain" />
      <mesh geometry={built.buildings} material={material} castShadow receiveShadow name="buildings" />
      <mesh geometry={built.glass} material={evening ? glassNight : glassDay} name="windows" />
      <mesh geometry={built.lamps} material={evening ? lampNight : lampDay} name="lamps" />
      {built.murals && <mesh geometry={built.murals} material={muralMat} receiveShadow name="murals" />}
      <mesh geometry={built.skyline.body} material={material} name="skyline" />
      {evening && <mesh geometry={built.skyline.windows} material={glassNight} name="skyline-windows" />}
      {fleets.map((f) => (
        <primitive key={f.mesh.name} object={f.mesh} />
      ))}
      <ChannelBoats
        material={material}
        y={WATER}
        lanes={[
          { x0: -200, x1: 200, z: 85 },
          { x0: 220, x1: -160, z: 200 },
        ]}
      />
      <BoothSlots layout={layout} />
    </group>
  );
}
