/**
 * One product model, loaded with GLTFLoader: a lazy chunk (ProductModels.tsx), so the loader and
 * the three.js classes it needs are fetched only when a booth with a model is near, not before the
 * hall's first frame. Untextured parts are merged into one vertex-coloured mesh, so a model costs
 * one draw call however many parts it was exported with.
 */
import { useFrame, useLoader } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

const SIZE_M = 0.85;

const merged = new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.55, metalness: 0.15 });

/** Merges untextured meshes into one; keeps textured, skinned and morphing ones as they are. */
function simplify(scene: THREE.Object3D): THREE.Group {
  scene.updateMatrixWorld(true);
  const out = new THREE.Group();
  const parts: THREE.BufferGeometry[] = [];
  const c = new THREE.Color();
  scene.traverse((o) => {
    const mesh = o as THREE.Mesh;
    if (!mesh.isMesh) return;
    const mat = mesh.material as THREE.MeshStandardMaterial;
    const plain = !Array.isArray(mesh.material) && !mat.map && !(mesh as THREE.SkinnedMesh).isSkinnedMesh && !mesh.morphTargetInfluences;
    if (plain) {
      const g = mesh.geometry.index ? mesh.geometry.toNonIndexed() : mesh.geometry.clone();
      for (const name of Object.keys(g.attributes)) if (name !== 'position' && name !== 'normal') g.deleteAttribute(name);
      g.applyMatrix4(mesh.matrixWorld);
      if (!g.attributes.normal) g.computeVertexNormals();
      c.copy(mat.color ?? new THREE.Color('#cccccc'));
      const n = g.attributes.position.count;
      const col = new Float32Array(n * 3);
      for (let i = 0; i < n; i++) col.set([c.r, c.g, c.b], i * 3);
      g.setAttribute('color', new THREE.BufferAttribute(col, 3));
      parts.push(g);
    } else {
      const copy = mesh.clone();
      copy.matrixAutoUpdate = false;
      copy.matrix.copy(mesh.matrixWorld);
      out.add(copy);
    }
  });
  if (parts.length) {
    const g = mergeGeometries(parts, false);
    for (const p of parts) p.dispose();
    if (g) out.add(new THREE.Mesh(g, merged));
  }
  // Fit into a SIZE_M cube standing on the origin.
  const box = new THREE.Box3().setFromObject(out);
  const size = box.getSize(new THREE.Vector3());
  const s = SIZE_M / Math.max(size.x, size.y, size.z, 1e-3);
  const centre = box.getCenter(new THREE.Vector3());
  const wrap = new THREE.Group();
  out.position.set(-centre.x * s, -box.min.y * s, -centre.z * s);
  out.scale.setScalar(s);
  wrap.add(out);
  return wrap;
}

export default function Model({ url, position }: { url: string; position: THREE.Vector3 }) {
  const gltf = useLoader(GLTFLoader, url);
  const object = useMemo(() => simplify(gltf.scene), [gltf]);
  const ref = useRef<THREE.Group>(null);
  useFrame((_, dt) => {
    if (ref.current) ref.current.rotation.y += dt * 0.5;
  });
  return (
    <group ref={ref} position={position}>
      <primitive object={object} />
    </group>
  );
}
