/**
 * A product's 3D model on its booth's plinth, slowly turning — only for the booths nearest the
 * visitor (level of detail by distance). Untextured parts are merged into one vertex-coloured mesh,
 * so a model costs one draw call however many parts it was exported with.
 */
import { useFrame, useLoader } from '@react-three/fiber';
import { Component, Suspense, useMemo, useRef, type ReactNode } from 'react';
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { BuiltBooth } from './Booths';
import { useNearest } from './nearest';

const NEAR_M = 18;
const MAX_MODELS = 2;
const SIZE_M = 0.85;

class Quiet extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

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

function Model({ url, position }: { url: string; position: THREE.Vector3 }) {
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

export function ProductModels({ booths }: { booths: BuiltBooth[] }) {
  const withModel = useMemo(() => booths.filter((b) => b.booth.products.some((p) => p.model)), [booths]);
  const near = useNearest(withModel, (b) => b.booth.id, NEAR_M, MAX_MODELS);
  return (
    <>
      {near.map((id) => {
        const b = withModel.find((x) => x.booth.id === id);
        const url = b?.booth.products.find((p) => p.model)?.model?.url;
        if (!b || !url) return null;
        const position = b.shape.plinth.clone().applyMatrix4(b.matrix);
        return (
          <Quiet key={`${id}:${url}`}>
            <Suspense fallback={null}>
              <Model url={url} position={position} />
            </Suspense>
          </Quiet>
        );
      })}
    </>
  );
}
