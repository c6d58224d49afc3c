/** A ring pulsing on the ground where a click or tap sent the player; gone on arrival. */
import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import * as THREE from 'three';
import { groundHeight, type HallLayout } from '../../../shared/layout';
import { walkDestination } from './walkTo';
import { FRAME } from './frameOrder';

// Shared, built once: the marker is one small mesh and one draw call while visible.
const ring = new THREE.RingGeometry(0.32, 0.42, 32).rotateX(-Math.PI / 2);
const material = new THREE.MeshBasicMaterial({ color: '#fff6d8', transparent: true, opacity: 0.85, depthWrite: false });

export function TargetMarker({ layout }: { layout: HallLayout }) {
  const mesh = useRef<THREE.Mesh>(null);
  useFrame(({ clock }) => {
    const m = mesh.current;
    if (!m) return;
    // where the walk ends, not the next corner of a planned way
    const t = walkDestination();
    m.visible = t !== null;
    if (!t) return;
    // lifted a little above the ground so it never z-fights with the paving
    m.position.set(t.x, groundHeight(layout, t.x, t.z) + 0.04, t.z);
    const pulse = 1 + 0.12 * Math.sin(clock.elapsedTime * 6);
    m.scale.set(pulse, 1, pulse);
  }, FRAME.labels);
  return <mesh ref={mesh} geometry={ring} material={material} visible={false} renderOrder={5} raycast={() => null} />;
}
