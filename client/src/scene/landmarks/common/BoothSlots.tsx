/**
 * Empty booth slots drawn as simple stands (platform, back board, a zone-coloured header), all
 * in one instanced mesh. Booth dressing from the database replaces these later.
 */
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { groundHeight, SLOT_RADIUS, type HallLayout } from '../../../../../shared/layout';
import { GeoBuilder, placeMatrix, vertexColorMaterial } from './GeoBuilder';
import { useOccupiedSlots } from '../../booths/occupied';

const ZONE_TINTS = ['#d6336c', '#2d86c4', '#e0a526', '#27ae60', '#8e44ad', '#e67e22'];

function standGeometry(): THREE.BufferGeometry {
  const b = new GeoBuilder();
  // unit stand: radius 1 platform; scaled per slot size in x/z only
  b.cyl('#efe9df', 1, 0.18, {}, 8);
  b.boxB('#ffffff', 1.5, 2.6, 0.08, { z: -0.78 });
  b.boxB('#ffffff', 1.56, 0.45, 0.14, { y: 2.6, z: -0.78 });
  b.boxB('#d8d2c8', 0.06, 2.6, 0.5, { x: -0.75, z: -0.55 });
  b.boxB('#d8d2c8', 0.06, 2.6, 0.5, { x: 0.75, z: -0.55 });
  b.boxB('#ffffff', 0.7, 1.0, 0.45, { z: 0.2 });
  return b.build();
}

export function BoothSlots({ layout }: { layout: HallLayout }) {
  // Slots with an exhibitor get a dressed booth (scene/booths) instead of the empty stand.
  const occupied = useOccupiedSlots(layout.id);
  const { mesh, geometry, material } = useMemo(() => {
    const geometry = standGeometry();
    const material = vertexColorMaterial({ flatShading: false, roughness: 0.7 });
    const slots = layout.boothSlots.filter((s) => !occupied.has(s.id));
    const mesh = new THREE.InstancedMesh(geometry, material, Math.max(1, slots.length));
    mesh.count = slots.length;
    const zoneIndex = new Map(layout.zones.map((z, i) => [z.id, i]));
    const m = new THREE.Matrix4();
    const c = new THREE.Color();
    slots.forEach((s, i) => {
      const r = SLOT_RADIUS[s.size] * 0.85;
      placeMatrix({ x: s.x, y: groundHeight(layout, s.x, s.z), z: s.z, ry: s.ry, sx: r, sy: 1, sz: r }, m);
      mesh.setMatrixAt(i, m);
      c.set(ZONE_TINTS[(zoneIndex.get(s.zone) ?? 0) % ZONE_TINTS.length]).lerp(new THREE.Color('#ffffff'), 0.55);
      mesh.setColorAt(i, c);
    });
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
    mesh.castShadow = true;
    mesh.receiveShadow = true;
    mesh.name = 'booth-slots';
    return { mesh, geometry, material };
  }, [layout, occupied]);
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
      mesh.dispose();
    },
    [mesh, geometry, material],
  );
  return <primitive object={mesh} />;
}
