/**
 * In-scene markers for hotspots (a floating, turning "i" diamond over a ring) and portals (a
 * glowing ring on the ground), plus the portal check that starts travel. Hotspot cards open
 * through the shared desk tracker (scene/proximity/), like booth panels.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { isHallId, type HallId } from '../../../../shared/halls';
import { groundHeight, type HallLayout } from '../../../../shared/layout';
import { localPlayer } from '../../store/transient';
import { travelTo } from './travel';

const dummy = new THREE.Object3D();

function markerGeometry(): THREE.BufferGeometry {
  const g = new THREE.OctahedronGeometry(0.4, 0);
  g.scale(1, 1.5, 1);
  return g;
}

export function HotspotMarkers({ hallId, layout }: { hallId: HallId; layout: HallLayout }) {
  const hotspots = layout.hotspots;
  const portals = layout.portals;
  const { diamonds, rings, portalRings, ringMat } = useMemo(() => {
    const diamonds = new THREE.InstancedMesh(
      markerGeometry(),
      new THREE.MeshStandardMaterial({ color: '#f2b63d', emissive: '#8a5a00', emissiveIntensity: 0.6, roughness: 0.4 }),
      Math.max(1, hotspots.length),
    );
    diamonds.count = hotspots.length;
    diamonds.name = 'hotspot-markers';
    diamonds.frustumCulled = false;
    const ringMat = new THREE.MeshBasicMaterial({ color: '#ffffff', transparent: true, opacity: 0.55, depthWrite: false, side: THREE.DoubleSide });
    const rings = new THREE.InstancedMesh(new THREE.RingGeometry(0.92, 1, 40).rotateX(-Math.PI / 2), ringMat, Math.max(1, hotspots.length));
    rings.count = hotspots.length;
    hotspots.forEach((h, i) => {
      dummy.position.set(h.x, groundHeight(layout, h.x, h.z) + 0.06, h.z);
      dummy.rotation.set(0, 0, 0);
      dummy.scale.set(h.radius, 1, h.radius);
      dummy.updateMatrix();
      rings.setMatrixAt(i, dummy.matrix);
    });
    rings.name = 'hotspot-rings';
    const portalMat = new THREE.MeshBasicMaterial({ color: '#5ee7ff', transparent: true, opacity: 0.7, depthWrite: false, side: THREE.DoubleSide });
    const portalRings = new THREE.InstancedMesh(new THREE.RingGeometry(0.7, 1, 40).rotateX(-Math.PI / 2), portalMat, Math.max(1, portals.length));
    portalRings.count = portals.length;
    portalRings.name = 'portal-rings';
    portalRings.frustumCulled = false;
    return { diamonds, rings, portalRings, ringMat };
  }, [hotspots, portals, layout]);

  useEffect(
    () => () => {
      for (const m of [diamonds, rings, portalRings]) {
        m.geometry.dispose();
        (m.material as THREE.Material).dispose();
        m.dispose();
      }
    },
    [diamonds, rings, portalRings],
  );

  // the portal you arrived by does not bounce you back (see `armed` below)
  const state = useMemo(() => ({ armed: false, hallId }), [hallId]);

  useFrame(({ clock }) => {
    const t = clock.elapsedTime;
    for (let i = 0; i < hotspots.length; i++) {
      const h = hotspots[i];
      dummy.position.set(h.x, groundHeight(layout, h.x, h.z) + 4.6 + Math.sin(t * 1.6 + i) * 0.25, h.z);
      dummy.rotation.set(0, t * 0.9 + i, 0);
      dummy.scale.setScalar(1);
      dummy.updateMatrix();
      diamonds.setMatrixAt(i, dummy.matrix);
    }
    diamonds.instanceMatrix.needsUpdate = true;
    const pulse = 1 + Math.sin(t * 3) * 0.08;
    for (let i = 0; i < portals.length; i++) {
      const p = portals[i];
      dummy.position.set(p.x, groundHeight(layout, p.x, p.z) + 0.08, p.z);
      dummy.rotation.set(0, 0, 0);
      dummy.scale.set(p.radius * pulse, 1, p.radius * pulse);
      dummy.updateMatrix();
      portalRings.setMatrixAt(i, dummy.matrix);
    }
    portalRings.instanceMatrix.needsUpdate = true;
    ringMat.opacity = 0.4 + Math.sin(t * 2) * 0.15;

    if (!localPlayer.ready) return;
    const px = localPlayer.x;
    const pz = localPlayer.z;
    // portals: armed only after the visitor has been outside every portal once (spawning
    // next to one must not send you straight back)
    let inPortal: string | null = null;
    for (const p of portals) if (Math.hypot(px - p.x, pz - p.z) < p.radius) inPortal = p.to;
    if (!inPortal) state.armed = true;
    else if (state.armed && isHallId(inPortal)) {
      state.armed = false;
      travelTo(inPortal);
    }
  });

  return (
    <group name="hotspots">
      <primitive object={diamonds} />
      <primitive object={rings} />
      <primitive object={portalRings} />
    </group>
  );
}
