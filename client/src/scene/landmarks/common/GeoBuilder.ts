/**
 * Collects coloured primitives into one merged geometry (one draw call per material).
 * Every part is stored non-indexed with position, normal and colour only, so anything can be
 * merged with anything; the shared material reads vertex colours and shades flat.
 */
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

const m = new THREE.Matrix4();
const q = new THREE.Quaternion();
const e = new THREE.Euler();
const p = new THREE.Vector3();
const s = new THREE.Vector3();
const c = new THREE.Color();

export interface Place {
  x?: number;
  y?: number;
  z?: number;
  /** rotation about Y (then X, Z), radians */
  ry?: number;
  rx?: number;
  rz?: number;
  sx?: number;
  sy?: number;
  sz?: number;
}

export function placeMatrix(o: Place, out = new THREE.Matrix4()): THREE.Matrix4 {
  e.set(o.rx ?? 0, o.ry ?? 0, o.rz ?? 0, 'YXZ');
  q.setFromEuler(e);
  p.set(o.x ?? 0, o.y ?? 0, o.z ?? 0);
  s.set(o.sx ?? 1, o.sy ?? 1, o.sz ?? 1);
  return out.compose(p, q, s);
}

/** Templates, shared: a part is cloned and transformed on add, the template is never changed. */
export const T = {
  box: new THREE.BoxGeometry(1, 1, 1),
  /** box with its base at y = 0 */
  boxB: new THREE.BoxGeometry(1, 1, 1).translate(0, 0.5, 0),
  cyl6: new THREE.CylinderGeometry(1, 1, 1, 6).translate(0, 0.5, 0),
  cyl8: new THREE.CylinderGeometry(1, 1, 1, 8).translate(0, 0.5, 0),
  cyl12: new THREE.CylinderGeometry(1, 1, 1, 12).translate(0, 0.5, 0),
  /** four-sided pyramid over a unit square, base at y = 0 (hip roofs) */
  pyramid: new THREE.ConeGeometry(Math.SQRT1_2, 1, 4, 1).rotateY(Math.PI / 4).translate(0, 0.5, 0),
  blob: new THREE.IcosahedronGeometry(1, 0),
  blob1: new THREE.IcosahedronGeometry(1, 1),
  sphere: new THREE.SphereGeometry(1, 10, 7),
  cone8: new THREE.ConeGeometry(1, 1, 8).translate(0, 0.5, 0),
};

export class GeoBuilder {
  private parts: THREE.BufferGeometry[] = [];
  /** a transform applied to everything added (lets a helper draw in local space) */
  private frame: THREE.Matrix4 | null = null;

  /** Runs `draw` with every part placed relative to `o`. Frames nest. */
  at(o: Place, draw: () => void): this {
    const prev = this.frame;
    const local = placeMatrix(o);
    this.frame = prev ? prev.clone().multiply(local) : local;
    draw();
    this.frame = prev;
    return this;
  }

  add(g: THREE.BufferGeometry, color: THREE.ColorRepresentation | null, o: Place = {}): this {
    const part = g.index ? g.toNonIndexed() : g.clone();
    for (const name of Object.keys(part.attributes)) {
      if (name !== 'position' && name !== 'normal' && !(name === 'color' && color === null)) part.deleteAttribute(name);
    }
    placeMatrix(o, m);
    if (this.frame) m.premultiply(this.frame);
    part.applyMatrix4(m);
    if (!part.attributes.normal) part.computeVertexNormals();
    if (color !== null) {
      c.set(color);
      const n = part.attributes.position.count;
      const col = new Float32Array(n * 3);
      for (let i = 0; i < n; i++) {
        col[i * 3] = c.r;
        col[i * 3 + 1] = c.g;
        col[i * 3 + 2] = c.b;
      }
      part.setAttribute('color', new THREE.BufferAttribute(col, 3));
    }
    this.parts.push(part);
    return this;
  }

  /** A box by its centre. */
  box(color: THREE.ColorRepresentation, w: number, h: number, d: number, o: Place = {}): this {
    return this.add(T.box, color, { ...o, sx: w, sy: h, sz: d });
  }
  /** A box standing on y = o.y. */
  boxB(color: THREE.ColorRepresentation, w: number, h: number, d: number, o: Place = {}): this {
    return this.add(T.boxB, color, { ...o, sx: w, sy: h, sz: d });
  }
  /** A cylinder standing on y = o.y. */
  cyl(color: THREE.ColorRepresentation, r: number, h: number, o: Place = {}, seg: 6 | 8 | 12 = 8): this {
    const g = seg === 6 ? T.cyl6 : seg === 12 ? T.cyl12 : T.cyl8;
    return this.add(g, color, { ...o, sx: r, sy: h, sz: r });
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  build(): THREE.BufferGeometry {
    const g = this.parts.length ? mergeGeometries(this.parts, false) : new THREE.BufferGeometry();
    for (const part of this.parts) part.dispose();
    this.parts = [];
    g.computeBoundingSphere();
    g.computeBoundingBox();
    return g;
  }
}

/** The one material most scenery shares: vertex colours, flat shading. */
export function vertexColorMaterial(opts: THREE.MeshStandardMaterialParameters = {}): THREE.MeshStandardMaterial {
  return new THREE.MeshStandardMaterial({ vertexColors: true, flatShading: true, roughness: 0.88, metalness: 0, ...opts });
}

/** Instance matrices from placements (x, y, z, ry, uniform scale). */
export function instanceMatrices(
  mesh: THREE.InstancedMesh,
  items: ReadonlyArray<{ x: number; y?: number; z: number; ry?: number; s?: number; sy?: number }>,
): void {
  items.forEach((it, i) => {
    mesh.setMatrixAt(i, placeMatrix({ x: it.x, y: it.y ?? 0, z: it.z, ry: it.ry ?? 0, sx: it.s ?? 1, sy: (it.s ?? 1) * (it.sy ?? 1), sz: it.s ?? 1 }, m));
  });
  mesh.instanceMatrix.needsUpdate = true;
  mesh.computeBoundingSphere();
}
