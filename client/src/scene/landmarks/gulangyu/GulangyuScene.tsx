/**
 * Gulangyu hall: island terrain, the sea and the Lujiang channel with Xiamen's skyline to the
 * east, the landmarks, villas and banyans. Everything static is built once from the layout into
 * a handful of merged or instanced meshes sharing one vertex-colour material.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { groundHeight, isWalkable, pointInPolygon, type HallLayout, type SceneryKind } from '../../../../../shared/layout';
import { featuresOf, regionsOf } from '../../../../../shared/layoutParts';
import { Atmosphere, type Mood } from '../common/Atmosphere';
import { BoothSlots } from '../common/BoothSlots';
import { GeoBuilder, instanceMatrices, vertexColorMaterial } from '../common/GeoBuilder';
import { Sea, SEA_LEVEL, type SeaLook } from '../common/Sea';
import { buildSkyline } from '../common/skyline';
import { buildTerrain } from '../common/terrain';
import { hash2 } from '../common/terrain';
import { ChannelBoats } from '../common/ChannelBoats';
import { deckFromQuad } from '../common/decks';
import { alongLine } from '../common/alongLine';
import * as Plants from '../common/plants';
import * as P from './props';
import { markDecorative, spreadOrder, usePropDensity } from '../../quality/propDensity';

export const GULANGYU_DAY: Mood = {
  sun: [-0.45, 0.72, 0.55],
  sunColor: '#fff1dc',
  sunIntensity: 2.6,
  hemiSky: '#cfe6ff',
  hemiGround: '#8a7a62',
  hemiIntensity: 1.25,
  fog: '#cddfe9',
  fogNear: 140,
  fogFar: 1100,
  sky: { turbidity: 6, rayleigh: 1.2, mieCoefficient: 0.004, mieDirectionalG: 0.8 },
  exposure: 0.95,
};

const TERRAIN_REGION = { minX: -140, maxX: 120, minZ: -115, maxZ: 125 };

const SEA: SeaLook = {
  deep: '#1d5f78',
  sky: '#a9cde0',
  sunDir: GULANGYU_DAY.sun,
  sunColor: '#fff3de',
  opacity: 0.78,
  chop: 0.55,
  shallows: TERRAIN_REGION,
};

type Built = {
  terrain: THREE.BufferGeometry;
  statics: THREE.BufferGeometry;
  skyline: THREE.BufferGeometry;
  ferry: THREE.BufferGeometry;
  ferryAt: { x: number; z: number; ry: number };
  instanced: THREE.InstancedMesh[];
  geometries: THREE.BufferGeometry[];
};

const INSTANCED: Partial<Record<SceneryKind, (b: GeoBuilder) => void>> = {
  'villa-a': P.villaA,
  'villa-b': P.villaB,
  banyan: Plants.banyan,
  'flame-tree': Plants.flameTree,
  bougainvillea: Plants.bougainvillea,
};

const UNIQUE: Partial<Record<SceneryKind, (b: GeoBuilder) => void>> = {
  'bagua-lou': P.baguaLou,
  'piano-museum': P.pianoMuseum,
  piano: P.pianoSculpture,
  koxinga: P.koxinga,
  'pier-terminal': P.terminal,
  pavilion: P.pavilion,
  'sunlight-summit': P.sunlightSummit,
  'drum-rock': P.drumRock,
  monolith: (b) => {
    const g = P.boulderGeometry(11);
    b.add(g, null, { y: -0.2, sy: 1.9, sz: 0.85 });
    g.dispose();
  },
};

function build(layout: HallLayout, material: THREE.Material): Built {
  const terrain = buildTerrain({
    layout,
    land: regionsOf(layout, 'ground').map((r) => r.poly),
    region: TERRAIN_REGION,
    cell: 1.6,
    shoreSlope: 0.28,
    maxDepth: 7,
    beach: (x, z) => (z > 48 && x < 30 && x > -66) || (z < -60 && x > -30 && x < 20),
    colors: {
      grass: '#86a45a',
      grass2: '#6f9150',
      lane: '#d8c9ab',
      laneEdge: '#b9a688',
      plaza: '#e2d5bb',
      sand: '#ead7a6',
      rock: '#b3a48f',
      seabed: '#5f9c8f',
      deep: '#1f5a6c',
    },
  });

  const statics = new GeoBuilder();
  const ferryB = new GeoBuilder();
  let ferryAt = { x: 0, z: 0, ry: 0 };
  const groups = new Map<SceneryKind, { x: number; y: number; z: number; ry: number; s: number }[]>();
  for (const it of layout.scenery) {
    const y = groundHeight(layout, it.x, it.z);
    const unique = UNIQUE[it.kind];
    if (INSTANCED[it.kind]) {
      const list = groups.get(it.kind) ?? [];
      list.push({ x: it.x, y, z: it.z, ry: it.ry, s: it.s });
      groups.set(it.kind, list);
    } else if (it.kind === 'boulder') {
      const list = groups.get('boulder') ?? [];
      list.push({ x: it.x, y: y - it.s * 0.25, z: it.z, ry: it.ry, s: it.s });
      groups.set('boulder', list);
    } else if (it.kind === 'ferry') {
      ferryAt = { x: it.x, z: it.z, ry: it.ry };
      P.ferry(ferryB);
    } else if (unique) {
      statics.at({ x: it.x, y, z: it.z, ry: it.ry, sx: it.s, sy: it.s, sz: it.s }, () => unique(statics));
    } else throw new Error(`gulangyu: no drawing for scenery '${it.kind}'`); // fail loudly, not an empty spot
  }
  // decks over the water: the pier and the spans of the Forty-Four Bridge (the pavilion's
  // platform is drawn with the pavilion)
  for (const r of layout.walkable) {
    if (r.kind === 'pier') deckFromQuad(statics, r.poly, { color: '#a88f70', rail: C_RAIL, railGapEnds: 0 });
    else if (r.kind === 'bridge') deckFromQuad(statics, r.poly, { color: '#ddd6c9', rail: '#f4f1ea', railGapEnds: 1.6 });
  }
  // a low sea wall along the pier plaza
  for (const wall of featuresOf(layout, 'sea-wall')) alongLine(statics, wall.pts, (len) => statics.box('#b4a898', 2, 1.4, len, { y: -0.75 }));

  const sky = buildSkyline({
    place: { x: 330, z: -40, ry: -Math.PI / 2 },
    length: 760,
    seed: 3,
    landmarks: [
      { x: -10, kind: 'twin-sails' },
      { x: 130, kind: 'spire' },
      { x: -170, kind: 'slab' },
    ],
    hills: true,
  });
  sky.windows.dispose();

  const instanced: THREE.InstancedMesh[] = [];
  const geometries: THREE.BufferGeometry[] = [];
  const tint = new THREE.Color();
  // props standing where a visitor could walk but may not (in a collider) are always drawn; the rest thin out by tier
  const solid = (it: { x: number; z: number }) => layout.walkable.some((r) => pointInPolygon(it.x, it.z, r.poly)) && !isWalkable(layout, it.x, it.z);
  for (const [kind, all] of groups) {
    const { items, keep } = spreadOrder(all, solid);
    let g: THREE.BufferGeometry;
    const draw = INSTANCED[kind];
    if (kind === 'boulder') g = P.boulderGeometry();
    else if (draw) {
      const b = new GeoBuilder();
      draw(b);
      g = b.build();
    } else throw new Error(`gulangyu: no instanced drawing for ${kind}`);
    geometries.push(g);
    const mesh = new THREE.InstancedMesh(g, material, items.length);
    instanceMatrices(mesh, items);
    items.forEach((it, i) => {
      const v = 0.88 + 0.2 * hash2(it.x, it.z);
      tint.setRGB(v, v * (0.97 + 0.05 * hash2(it.z, it.x)), v);
      mesh.setColorAt(i, tint);
    });
    mesh.castShadow = true;
    mesh.receiveShadow = true;
    mesh.name = `gulangyu-${kind}`;
    markDecorative(mesh, items.length, keep);
    instanced.push(mesh);
  }

  return { terrain, statics: statics.build(), skyline: sky.body, ferry: ferryB.build(), ferryAt, instanced, geometries };
}

const C_RAIL = '#e9e4da';

export function GulangyuScene({ layout }: { layout: HallLayout }) {
  const material = useMemo(() => vertexColorMaterial(), []);
  const farMaterial = useMemo(() => vertexColorMaterial({ flatShading: true, roughness: 0.95 }), []);
  const built = useMemo(() => build(layout, material), [layout, material]);
  usePropDensity(built.instanced);
  useEffect(
    () => () => {
      built.terrain.dispose();
      built.statics.dispose();
      built.skyline.dispose();
      built.ferry.dispose();
      for (const g of built.geometries) g.dispose();
      for (const m of built.instanced) m.dispose();
      material.dispose();
      farMaterial.dispose();
    },
    [built, material, farMaterial],
  );
  const ferry = useRef<THREE.Mesh>(null);
  useFrame(({ clock }) => {
    const f = ferry.current;
    if (!f) return;
    const t = clock.elapsedTime;
    f.position.y = SEA_LEVEL + 0.5 + Math.sin(t * 0.9) * 0.08;
    f.rotation.z = Math.sin(t * 0.7) * 0.012;
  });

  return (
    <group name="gulangyu">
      <Atmosphere mood={GULANGYU_DAY} center={[-5, 0, 8]} extent={125} />
      <Sea look={SEA} />
      <mesh geometry={built.terrain} material={material} receiveShadow name="terrain" />
      <mesh geometry={built.statics} material={material} castShadow receiveShadow name="landmarks" />
      {built.instanced.map((m) => (
        <primitive key={m.name} object={m} />
      ))}
      <mesh geometry={built.skyline} material={farMaterial} name="skyline" />
      <mesh
        ref={ferry}
        geometry={built.ferry}
        material={material}
        position={[built.ferryAt.x, SEA_LEVEL + 0.5, built.ferryAt.z]}
        rotation-y={built.ferryAt.ry}
        castShadow
        name="ferry"
      />
      <ChannelBoats
        material={material}
        lanes={[
          { x0: 140, x1: 290, z: -160 },
          { x0: 260, x1: 120, z: 60 },
          { x0: 110, x1: 280, z: 190 },
        ]}
      />
      <BoothSlots layout={layout} />
    </group>
  );
}
