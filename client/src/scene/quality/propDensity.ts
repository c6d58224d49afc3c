/**
 * Prop density by quality tier: a decorative instanced mesh (trees, shrubs, boulders, moored
 * boats) draws only the first share of its instances. Instances are put in an order where every
 * prefix is an even sample of the whole (a hash of position), with the solid ones (those standing
 * in a collider, which the server treats as walls) first and always drawn, so a lower tier never
 * leaves an invisible obstacle where a tree was.
 */
import { useEffect } from 'react';
import type * as THREE from 'three';
import { useTier } from './useTier';

function spreadKey(x: number, z: number): number {
  const s = Math.sin(x * 12.9898 + z * 78.233) * 43758.5453;
  return s - Math.floor(s);
}

/** Orders props so any prefix is an even spread: `solid` ones first (in their own order), then the rest by a position hash. */
export function spreadOrder<T extends { x: number; z: number }>(items: readonly T[], solid: (item: T) => boolean = () => false): { items: T[]; keep: number } {
  const hard = items.filter(solid);
  const soft = items.filter((it) => !solid(it)).sort((a, b) => spreadKey(a.x, a.z) - spreadKey(b.x, b.z));
  return { items: [...hard, ...soft], keep: hard.length };
}

/** How many of `total` instances to draw at `density`, never fewer than `keep` (the solid ones) nor than one when there are any. */
export function densityCount(total: number, keep: number, density: number): number {
  if (total <= 0) return 0;
  const d = Math.min(1, Math.max(0, density));
  return Math.min(total, Math.max(keep, 1, keep + Math.ceil((total - keep) * d)));
}

interface DensityData {
  total: number;
  keep: number;
}

/** Marks an instanced mesh as decorative: `total` instances built, the first `keep` always drawn. */
export function markDecorative(mesh: THREE.InstancedMesh, total: number, keep = 0): void {
  mesh.userData.density = { total, keep } satisfies DensityData;
}

/** Sets each decorative mesh's drawn count from the tier's prop density. */
export function usePropDensity(meshes: readonly THREE.InstancedMesh[]): void {
  const density = useTier().propDensity;
  useEffect(() => {
    for (const m of meshes) {
      const d = m.userData.density as DensityData | undefined;
      if (d) m.count = densityCount(d.total, d.keep, density);
    }
  }, [meshes, density]);
}
