/**
 * A few small boats crossing the water, one instanced mesh, moved in useFrame with module-scope
 * scratch objects (no allocation per frame).
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { GeoBuilder } from './GeoBuilder';
import { C } from './palette';
import { SEA_LEVEL } from './Sea';

export interface BoatLane {
  x0: number;
  x1: number;
  z: number;
  /** seconds for one crossing */
  period?: number;
}

const dummy = new THREE.Object3D();

function boatGeometry(): THREE.BufferGeometry {
  const b = new GeoBuilder();
  b.boxB(C.white, 3.2, 1.4, 10, { y: -0.6 });
  b.add(new THREE.CylinderGeometry(1.6, 1.6, 1.4, 3).rotateY(Math.PI).scale(1, 1, 1.2), C.white, { y: 0.1, z: 5 });
  b.boxB('#2d86c4', 3.25, 0.3, 10, { y: 0.3 });
  b.boxB(C.white, 2.6, 1.5, 5, { y: 0.8, z: -1 });
  b.boxB(C.window, 2.65, 0.6, 4.6, { y: 1.4, z: -1 });
  return b.build();
}

export function ChannelBoats({ material, lanes, y = SEA_LEVEL }: { material: THREE.Material; lanes: BoatLane[]; y?: number }) {
  const mesh = useMemo(() => {
    const m = new THREE.InstancedMesh(boatGeometry(), material, lanes.length);
    m.frustumCulled = false;
    m.name = 'channel-boats';
    return m;
  }, [material, lanes]);
  useEffect(
    () => () => {
      mesh.geometry.dispose();
      mesh.dispose();
    },
    [mesh],
  );
  useFrame(({ clock }) => {
    const t = clock.elapsedTime;
    for (let i = 0; i < lanes.length; i++) {
      const l = lanes[i];
      const period = l.period ?? 90 + i * 17;
      const ph = ((t / period + i * 0.37) % 1) * 2;
      const k = ph < 1 ? ph : 2 - ph;
      const dir = ph < 1 ? 1 : -1;
      dummy.position.set(l.x0 + (l.x1 - l.x0) * k, y + Math.sin(t + i) * 0.1, l.z + Math.sin(k * 3 + i) * 6);
      dummy.rotation.set(0, Math.sign(l.x1 - l.x0) * dir > 0 ? Math.PI / 2 : -Math.PI / 2, Math.sin(t * 0.8 + i) * 0.02);
      dummy.updateMatrix();
      mesh.setMatrixAt(i, dummy.matrix);
    }
    mesh.instanceMatrix.needsUpdate = true;
  });
  return <primitive object={mesh} />;
}
