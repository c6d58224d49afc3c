/**
 * Every avatar of one style in a single instanced draw. Filled from scratch each frame
 * (begin / add / end) so joins, leaves and style mixes need no bookkeeping of slots.
 */
import * as THREE from 'three';
import { avatarDepthMaterial, avatarMaterial } from './avatarMaterial';
import { avatarGeometry } from './avatarGeometry';

const FIRST_CAPACITY = 16;

export interface AvatarDraw {
  x: number;
  y: number;
  z: number;
  ry: number;
  phase: number;
  walk: number;
  breath: number;
  alpha: number;
  /** linear RGB */
  r: number;
  g: number;
  b: number;
}

export class AvatarBatch {
  readonly mesh: THREE.Mesh<THREE.InstancedBufferGeometry, THREE.MeshStandardMaterial>;
  private capacity = 0;
  private count = 0;
  private pose!: THREE.InstancedBufferAttribute;
  private anim!: THREE.InstancedBufferAttribute;
  private color!: THREE.InstancedBufferAttribute;
  private attrs: THREE.InstancedBufferAttribute[] = [];

  constructor(private readonly style: number) {
    this.mesh = new THREE.Mesh(this.makeGeometry(FIRST_CAPACITY), avatarMaterial());
    this.mesh.name = `avatars-style-${style}`;
    this.mesh.customDepthMaterial = avatarDepthMaterial();
    this.mesh.castShadow = true;
    // Instances are placed in the shader: the base geometry's bounds say nothing about where they are.
    this.mesh.frustumCulled = false;
    this.mesh.raycast = () => {};
    this.mesh.visible = false;
  }

  private makeGeometry(capacity: number): THREE.InstancedBufferGeometry {
    const base = avatarGeometry(this.style);
    const g = new THREE.InstancedBufferGeometry();
    g.index = base.index;
    for (const name of Object.keys(base.attributes)) g.setAttribute(name, base.getAttribute(name));
    this.pose = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 4), 4).setUsage(THREE.DynamicDrawUsage);
    this.anim = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 4), 4).setUsage(THREE.DynamicDrawUsage);
    this.color = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3), 3).setUsage(THREE.DynamicDrawUsage);
    g.setAttribute('iPose', this.pose);
    g.setAttribute('iAnim', this.anim);
    g.setAttribute('iColor', this.color);
    g.instanceCount = 0;
    this.attrs = [this.pose, this.anim, this.color];
    this.capacity = capacity;
    return g;
  }

  begin(): void {
    this.count = 0;
  }

  add(d: AvatarDraw): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    const p = this.pose.array as Float32Array;
    const a = this.anim.array as Float32Array;
    const c = this.color.array as Float32Array;
    p[i * 4] = d.x;
    p[i * 4 + 1] = d.y;
    p[i * 4 + 2] = d.z;
    p[i * 4 + 3] = d.ry;
    a[i * 4] = d.phase;
    a[i * 4 + 1] = d.walk;
    a[i * 4 + 2] = d.breath;
    a[i * 4 + 3] = d.alpha;
    c[i * 3] = d.r;
    c[i * 3 + 1] = d.g;
    c[i * 3 + 2] = d.b;
  }

  end(): void {
    const g = this.mesh.geometry;
    g.instanceCount = this.count;
    this.mesh.visible = this.count > 0;
    if (!this.count) return;
    for (const attr of [this.pose, this.anim, this.color]) {
      attr.clearUpdateRanges();
      attr.addUpdateRange(0, this.count * attr.itemSize);
      attr.needsUpdate = true;
    }
  }

  /** Rare (the hall got busier than ever before): a doubled buffer, the old one freed. */
  private grow(): void {
    const old = this.mesh.geometry;
    const [pose, anim, color] = [this.pose.array, this.anim.array, this.color.array];
    this.mesh.geometry = this.makeGeometry(this.capacity * 2);
    (this.pose.array as Float32Array).set(pose);
    (this.anim.array as Float32Array).set(anim);
    (this.color.array as Float32Array).set(color);
    // This also drops the GPU copy of the shared base attributes; the next draw re-uploads them.
    old.dispose();
  }

  /** Frees GPU copies only (three re-uploads on use): React's strict mode may mount this again. */
  dispose(): void {
    this.mesh.geometry.dispose();
  }
}
