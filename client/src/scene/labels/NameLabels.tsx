/**
 * A name tag over every avatar (your own too), all in one draw call: tags live in a shared
 * canvas atlas and are placed per instance each frame from the crowd's drawn poses.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { FRAME } from '../../controls/frameOrder';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { LABEL_HEIGHT } from '../avatars/avatarParts';
import { crowd } from '../avatars/crowd';
import { LabelAtlas, SLOT_H } from './labelAtlas';
import { LABEL_MIN_PX, labelMaterial } from './labelMaterial';
import { TIERS } from '../quality/tiers';

/** tag height in metres; width follows the painted name */
const TAG_H = 0.32;
const FIRST_CAPACITY = 16;
const rect = { u: 0, v: 0, du: 0, dv: 0 };

class LabelBatch {
  readonly atlas = new LabelAtlas();
  readonly material = labelMaterial(this.atlas.texture);
  readonly mesh: THREE.Mesh<THREE.InstancedBufferGeometry, THREE.ShaderMaterial>;
  private capacity = 0;
  private count = 0;
  private uploaded = -1;
  private pos!: THREE.InstancedBufferAttribute;
  private size!: THREE.InstancedBufferAttribute;
  private rect!: THREE.InstancedBufferAttribute;
  private alpha!: THREE.InstancedBufferAttribute;
  private attrs: THREE.InstancedBufferAttribute[] = [];
  private readonly quad = new THREE.PlaneGeometry(1, 1);

  constructor() {
    this.mesh = new THREE.Mesh(this.makeGeometry(FIRST_CAPACITY), this.material);
    this.mesh.name = 'name-labels';
    this.mesh.frustumCulled = false;
    this.mesh.raycast = () => {};
    this.mesh.renderOrder = 10;
  }

  private makeGeometry(capacity: number): THREE.InstancedBufferGeometry {
    const g = new THREE.InstancedBufferGeometry();
    g.index = this.quad.index;
    g.setAttribute('position', this.quad.getAttribute('position'));
    g.setAttribute('uv', this.quad.getAttribute('uv'));
    const attr = (n: number) => new THREE.InstancedBufferAttribute(new Float32Array(capacity * n), n).setUsage(THREE.DynamicDrawUsage);
    g.setAttribute('iPos', (this.pos = attr(3)));
    g.setAttribute('iSize', (this.size = attr(2)));
    g.setAttribute('iRect', (this.rect = attr(4)));
    g.setAttribute('iAlpha', (this.alpha = attr(1)));
    g.instanceCount = 0;
    this.attrs = [this.pos, this.size, this.rect, this.alpha];
    this.capacity = capacity;
    return g;
  }

  update(bufferHeight: number, dpr: number, fade: readonly [number, number]): void {
    this.material.uniforms.uViewH.value = bufferHeight;
    (this.material.uniforms.uFade.value as THREE.Vector2).set(fade[0], fade[1]);
    this.material.uniforms.uMinPx.value = LABEL_MIN_PX * dpr;
    if (this.uploaded !== this.atlas.version) {
      // the atlas may have grown into a new texture
      this.material.uniforms.map.value = this.atlas.texture;
      this.atlas.texture.needsUpdate = true;
      this.uploaded = this.atlas.version;
    }
    this.count = 0;
    for (let i = 0; i < crowd.length; i++) {
      const m = crowd[i];
      if (!m.placed) continue;
      const slot = this.atlas.slot(m.id);
      if (!slot?.ready) continue;
      if (this.count === this.capacity) this.grow();
      const k = this.count++;
      this.atlas.rect(slot, rect);
      const p = this.pos.array as Float32Array;
      const s = this.size.array as Float32Array;
      const r = this.rect.array as Float32Array;
      p[k * 3] = m.x;
      p[k * 3 + 1] = m.y + (LABEL_HEIGHT[m.style] ?? LABEL_HEIGHT[0]);
      p[k * 3 + 2] = m.z;
      s[k * 2] = (TAG_H * slot.width) / SLOT_H;
      s[k * 2 + 1] = TAG_H;
      r[k * 4] = rect.u;
      r[k * 4 + 1] = rect.v;
      r[k * 4 + 2] = rect.du;
      r[k * 4 + 3] = rect.dv;
      (this.alpha.array as Float32Array)[k] = Math.min(1, m.alpha + 0.2);
    }
    const g = this.mesh.geometry;
    g.instanceCount = this.count;
    this.mesh.visible = this.count > 0;
    if (!this.count) return;
    for (let i = 0; i < this.attrs.length; i++) {
      const a = this.attrs[i];
      a.clearUpdateRanges();
      a.addUpdateRange(0, this.count * a.itemSize);
      a.needsUpdate = true;
    }
  }

  private grow(): void {
    const old = this.mesh.geometry;
    const prev = this.attrs.map((a) => a.array);
    this.mesh.geometry = this.makeGeometry(this.capacity * 2);
    this.attrs.forEach((a, i) => (a.array as Float32Array).set(prev[i]));
    old.dispose();
  }

  /** Frees GPU copies only (three re-uploads on use): React's strict mode may mount this again. */
  dispose(): void {
    this.mesh.geometry.dispose();
    this.quad.dispose();
    this.material.dispose();
    this.atlas.dispose();
  }
}

export function NameLabels() {
  const visitors = useStore((s) => s.visitors);
  const selfId = useStore((s) => s.sessionId);
  const batch = useMemo(() => new LabelBatch(), []);
  const { t } = useTranslation();
  const staffTag = t('hall.staffTag');

  useEffect(() => () => batch.dispose(), [batch]);

  useEffect(() => {
    const atlas = batch.atlas;
    for (const id of [...atlas.ids()]) if (!visitors[id]) atlas.release(id);
    for (const v of Object.values(visitors)) atlas.set(v.id, v.staff ? `${v.name} · ${staffTag}` : v.name, v.color, v.id === selfId, !!v.staff);
  }, [batch, visitors, selfId, staffTag]);

  // fewer tags far away at lower quality tiers
  useFrame(({ size, viewport }) => batch.update(size.height * viewport.dpr, viewport.dpr, TIERS[useStore.getState().quality].labelFade), FRAME.labels);

  return <primitive object={batch.mesh} />;
}
