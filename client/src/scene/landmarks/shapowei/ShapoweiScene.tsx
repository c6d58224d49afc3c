/**
 * Shapowei hall: the typhoon-shelter basin with moored fishing boats, Art West Zone warehouses
 * with murals, a qilou arcade street, the Yanwu Bridge over the sea, in a day or evening mood.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import type { HallLayout } from '../../../../../shared/layout';
import { Atmosphere, type Mood } from '../common/Atmosphere';
import { BoothSlots } from '../common/BoothSlots';
import { ChannelBoats } from '../common/ChannelBoats';
import { GeoBuilder, placeMatrix, vertexColorMaterial } from '../common/GeoBuilder';
import { useMood, type MoodId } from '../common/mood';
import { C } from '../common/palette';
import { Sea, SEA_LEVEL, type SeaLook } from '../common/Sea';
import { buildSkyline } from '../common/skyline';
import { buildTerrain, hash2 } from '../common/terrain';
import * as G from '../gulangyu/props';
import { muralGeometry, muralTexture } from './murals';
import * as P from './props';

const MOODS: Record<MoodId, Mood> = {
  day: {
    sun: [0.35, 0.75, 0.55],
    sunColor: '#fff1dc',
    sunIntensity: 2.5,
    hemiSky: '#cfe6ff',
    hemiGround: '#8a7a62',
    hemiIntensity: 1.2,
    fog: '#cfe0ea',
    fogNear: 140,
    fogFar: 1000,
    sky: { turbidity: 6, rayleigh: 1.2, mieCoefficient: 0.004, mieDirectionalG: 0.8 },
    exposure: 0.95,
  },
  evening: {
    sun: [-0.9, 0.07, 0.45],
    sunColor: '#ffa566',
    sunIntensity: 2.0,
    hemiSky: '#a3a9d6',
    hemiGround: '#6b5248',
    hemiIntensity: 1.3,
    fog: '#d49c84',
    fogNear: 120,
    fogFar: 900,
    sky: { turbidity: 9, rayleigh: 2.6, mieCoefficient: 0.006, mieDirectionalG: 0.86 },
    exposure: 0.85,
  },
};

const REGION = { minX: -135, maxX: 125, minZ: -105, maxZ: 95 };

const SEAS: Record<MoodId, SeaLook> = {
  day: { deep: '#1d5f78', sky: '#a9cde0', sunDir: MOODS.day.sun, sunColor: '#fff3de', opacity: 0.85, chop: 0.5, shallows: REGION },
  evening: { deep: '#243f5c', sky: '#e0a184', sunDir: MOODS.evening.sun, sunColor: '#ffb27a', opacity: 0.88, chop: 0.5, shallows: REGION },
};

const WALLS = ['#ead9b8', '#e3b5a4', '#e0b873', '#b9cdd6', '#e6e1d8', '#d9c3a0'];
const WAREHOUSE = ['#9aa7ad', '#c4a484', '#a9b8a0'];

function build(layout: HallLayout) {
  const terrain = buildTerrain({
    layout,
    // the town goes on beyond the walkable area (filled with blocks below)
    land: [[[-135, -105], [125, -105], [125, 46], [13, 46], [13, -48], [-13, -48], [-13, 46], [-135, 46]]],
    region: REGION,
    cell: 2,
    shoreSlope: 2.5,
    maxDepth: 6,
    beach: () => false,
    colors: {
      grass: '#c9bfae',
      grass2: '#bdb29f',
      lane: '#a9a39a',
      laneEdge: '#cfc6b6',
      plaza: '#d8cdb8',
      sand: '#d8c79c',
      rock: '#a79c8e',
      seabed: '#3f7f7c',
      deep: '#1f4d63',
    },
  });

  const body = new GeoBuilder();
  const glass = new GeoBuilder();
  const murals: P.Builders['murals'] = [];
  const B: P.Builders = { body, glass, murals };
  const boats: { x: number; z: number; ry: number; s: number }[] = [];
  let wi = 0;
  let qi = 0;
  for (const it of layout.scenery) {
    const place = { x: it.x, z: it.z, ry: it.ry, sx: it.s, sy: it.s, sz: it.s };
    const both = (draw: () => void) => body.at(place, () => glass.at(place, draw));
    switch (it.kind) {
      case 'warehouse-a':
      case 'warehouse-b': {
        const len = it.kind === 'warehouse-a' ? 26 : 24;
        const at = placeMatrix(place);
        both(() => P.warehouse(B, len, it.kind === 'warehouse-b', WAREHOUSE[wi % WAREHOUSE.length], wi % 4, at));
        wi++;
        break;
      }
      case 'qilou-a':
      case 'qilou-b': {
        const wall = WALLS[Math.floor(hash2(it.x, it.z) * WALLS.length)];
        both(() => P.qilou(B, wall, qi % 3 ? C.white : '#f4e9d4', it.kind === 'qilou-b' ? 1 : 0));
        qi++;
        break;
      }
      case 'chimney':
        body.at(place, () => P.chimney(body));
        break;
      case 'lamp':
        body.at(place, () => P.lampPost(body));
        break;
      case 'banyan':
        body.at(place, () => G.banyan(body));
        break;
      case 'flame-tree':
        body.at(place, () => G.flameTree(body));
        break;
      case 'bougainvillea':
        body.at(place, () => G.bougainvillea(body));
        break;
      case 'fishing-boat':
        boats.push({ x: it.x, z: it.z, ry: it.ry, s: it.s });
        break;
      case 'wangchuan':
        body.at({ ...place, y: SEA_LEVEL + 0.4 }, () => P.wangchuan(body));
        break;
      case 'portal':
        body.at(place, () => P.portalFrame(body));
        break;
    }
  }
  // quay walls round the basin and along the sea, bollards, the footbridge and the mouth bridge
  const [basinW, basinE] = [-13, 13];
  for (const x of [basinW, basinE]) body.box('#a39a8c', 0.8, 6, 94, { x: x + (x < 0 ? -0.4 : 0.4), y: -2.9, z: -1 });
  body.box('#a39a8c', 26, 6, 0.8, { y: -2.9, z: -48.4 });
  body.box('#a39a8c', 82, 6, 0.8, { x: -54, y: -2.9, z: 46.4 });
  body.box('#a39a8c', 72, 6, 0.8, { x: 49, y: -2.9, z: 46.4 });
  for (let z = -44; z < 44; z += 8) for (const x of [basinW - 0.9, basinE + 0.9]) body.cyl('#3c4248', 0.25, 0.6, { x, z }, 6);
  for (const poly of layout.walkable.slice(1)) G.deckFromQuad(body, poly, { color: '#b9b1a3', rail: '#e9e4da', piles: 3 });
  for (let x = -95; x <= 85; x += 2.5) {
    if (x > -14 && x < 14) continue;
    body.boxB('#e9e4da', 0.15, 0.9, 0.15, { x, z: 46.1 });
  }
  body.boxB('#e9e4da', 180, 0.12, 0.15, { x: -5, y: 0.85, z: 46.1 });

  // town blocks beyond the walkable edge: west, north and east
  const R = (a: number, b: number) => hash2(a * 1.7, b * 2.3);
  const block = (x: number, z: number, w: number, d: number, ry: number) => {
    const h = 8 + R(x, z) * 18;
    const wall = WALLS[Math.floor(R(z, x) * WALLS.length)];
    body.at({ x, z, ry }, () => glass.at({ x, z, ry }, () => {
      body.boxB(wall, w, h, d);
      body.boxB('#8c8379', w + 0.3, 0.5, d + 0.3, { y: h });
      for (let y = 1.5; y < h - 2; y += 3.2) for (let i = 0; i < Math.floor(w / 3.5); i++) glass.boxB('#2b3742', 1.4, 1.6, 0.12, { x: -w / 2 + 2 + i * 3.5, y, z: d / 2 + 0.03 });
    }));
  };
  for (let z = -100; z < 44; z += 14) block(-110 + R(z, 1) * 6, z + 7, 14, 12, Math.PI / 2);
  for (let z = -100; z < 44; z += 14) block(104 - R(z, 2) * 6, z + 7, 14, 12, -Math.PI / 2);
  for (let x = -95; x < 85; x += 16) block(x + 8, -88 - R(x, 3) * 6, 14, 12, 0);

  // the Yanwu Bridge out at sea, low and long, with its lamps
  const bridgeAt = { x: 40, z: 165, ry: -0.12 };
  body.at(bridgeAt, () => P.yanwuBridge(body, 900));
  const lamp = new THREE.SphereGeometry(1, 8, 6);
  const lamps = new GeoBuilder();
  for (const it of layout.scenery) if (it.kind === 'lamp') lamps.add(lamp, '#fff2cf', { x: it.x, y: 4.05, z: it.z + 0.75, sx: 0.32, sy: 0.32, sz: 0.32 });
  lamps.at(bridgeAt, () => {
    for (let x = -445; x < 450; x += 24) for (const z of [-10.6, 10.6]) lamps.add(lamp, '#ffe6b0', { x, y: 12.1, z, sx: 0.5, sy: 0.4, sz: 0.5 });
  });
  lamp.dispose();

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
      const c = hash2(i * 0.37, 1.3) < 0.7 ? warm : dim;
      for (let k = i; k < Math.min(i + 36, col.count); k++) col.setXYZ(k, c.r, c.g, c.b);
    }
  }
  return {
    terrain,
    buildings: body.build(),
    glass: glassG,
    lamps: lamps.build(),
    murals: muralGeometry(murals),
    skyline,
    boats,
  };
}

function boatGeometry(): THREE.BufferGeometry {
  const b = new GeoBuilder();
  P.fishingBoat(b);
  return b.build();
}

const dummy = new THREE.Object3D();
const HULLS = ['#ffffff', '#b9e0ff', '#ffd6cc', '#d6ffd9', '#fff3b0'];

export function ShapoweiScene({ layout }: { layout: HallLayout }) {
  const mood = useMood((s) => s.mood);
  const material = useMemo(() => vertexColorMaterial(), []);
  const built = useMemo(() => build(layout), [layout]);
  const texture = useMemo(() => muralTexture(), []);
  const muralMat = useMemo(() => new THREE.MeshStandardMaterial({ map: texture, roughness: 0.9 }), [texture]);
  const glassDay = useMemo(() => new THREE.MeshStandardMaterial({ color: '#2e3a46', roughness: 0.3, metalness: 0.2 }), []);
  const glassNight = useMemo(() => new THREE.MeshBasicMaterial({ vertexColors: true }), []);
  const lampDay = useMemo(() => new THREE.MeshStandardMaterial({ color: '#f3efe6', roughness: 0.4 }), []);
  const lampNight = useMemo(() => new THREE.MeshBasicMaterial({ color: '#ffd98f' }), []);
  const boats = useMemo(() => {
    const m = new THREE.InstancedMesh(boatGeometry(), material, built.boats.length);
    const c = new THREE.Color();
    built.boats.forEach((b, i) => m.setColorAt(i, c.set(HULLS[i % HULLS.length])));
    m.castShadow = true;
    m.name = 'fishing-boats';
    return m;
  }, [built, material]);

  useEffect(
    () => () => {
      for (const g of [built.terrain, built.buildings, built.glass, built.lamps, built.skyline.body, built.skyline.windows]) g.dispose();
      built.murals?.dispose();
      boats.geometry.dispose();
      boats.dispose();
      for (const m of [material, muralMat, glassDay, glassNight, lampDay, lampNight]) m.dispose();
      texture.dispose();
    },
    [built, boats, material, muralMat, glassDay, glassNight, lampDay, lampNight, texture],
  );

  useFrame(({ clock }) => {
    const t = clock.elapsedTime;
    for (let i = 0; i < built.boats.length; i++) {
      const b = built.boats[i];
      dummy.position.set(b.x, SEA_LEVEL + 0.35 + Math.sin(t * 0.8 + i * 1.7) * 0.07, b.z);
      dummy.rotation.set(Math.sin(t * 0.6 + i) * 0.015, b.ry, Math.sin(t * 0.9 + i * 2.3) * 0.03);
      dummy.scale.setScalar(b.s);
      dummy.updateMatrix();
      boats.setMatrixAt(i, dummy.matrix);
    }
    boats.instanceMatrix.needsUpdate = true;
  });

  const evening = mood === 'evening';
  return (
    <group name="shapowei">
      <Atmosphere mood={MOODS[mood]} center={[-5, 0, -10]} extent={110} />
      <Sea look={SEAS[mood]} />
      <mesh geometry={built.terrain} material={material} receiveShadow name="terrain" />
      <mesh geometry={built.buildings} material={material} castShadow receiveShadow name="buildings" />
      <mesh geometry={built.glass} material={evening ? glassNight : glassDay} name="windows" />
      <mesh geometry={built.lamps} material={evening ? lampNight : lampDay} name="lamps" />
      {built.murals && <mesh geometry={built.murals} material={muralMat} receiveShadow name="murals" />}
      <mesh geometry={built.skyline.body} material={material} name="skyline" />
      {evening && <mesh geometry={built.skyline.windows} material={glassNight} name="skyline-windows" />}
      <primitive object={boats} />
      <ChannelBoats material={material} lanes={[{ x0: -200, x1: 200, z: 120 }, { x0: 220, x1: -160, z: 230 }]} />
      <BoothSlots layout={layout} />
    </group>
  );
}
