/**
 * `window.__ludaoBooths`: what the booth atlas last drew for each booth (name, title, logo URL), so
 * e2e tests can check that the 3D signs changed, not only the DOM panel. Read-only, visible data.
 */
import type * as THREE from 'three';
import type { BoothAtlas, SignProbe } from './atlas';

export interface BoothProbe {
  count(): number;
  signs(): Record<string, SignProbe>;
  /** the meshes booths draw right now (name, triangles): what the bench counts */
  drawn(): { name: string; triangles: number }[];
}

declare global {
  interface Window {
    __ludaoBooths?: BoothProbe;
  }
}

export function exposeBoothProbe(atlas: BoothAtlas, count: () => number, root: () => THREE.Object3D | null): () => void {
  const drawn = () => {
    const out: { name: string; triangles: number }[] = [];
    root()?.traverseVisible((o) => {
      const m = o as THREE.Mesh;
      if (!m.isMesh || (m.material as THREE.Material).visible === false) return;
      const g = m.geometry;
      const tris = (g.index ? g.index.count : g.attributes.position.count) / 3;
      out.push({ name: m.name || m.parent?.name || m.type, triangles: Math.round(tris) });
    });
    return out;
  };
  const probe: BoothProbe = { count, signs: () => Object.fromEntries(atlas.signs), drawn };
  window.__ludaoBooths = probe;
  return () => {
    if (window.__ludaoBooths === probe) delete window.__ludaoBooths;
  };
}
