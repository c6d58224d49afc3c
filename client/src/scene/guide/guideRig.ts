/**
 * A loaded guide model, alive: its clips cross-faded on one AnimationMixer, blinks every 3-6 s, the
 * mouth's vowel morphs from the caption's track, and the head (then the eyes, within the model's
 * limits) turned toward the visitor's camera when it is near and in front. Works on any model that
 * keeps to assets/guide/README.md (VRM bone names, morph and clip names), so a designer's file
 * replaces a generated one without code changes. No allocation per frame.
 */
import * as THREE from 'three';
import { sampleMouth, VISEMES, type MouthTrack } from './lipSync';
import type { GuideClip } from './tourDriver';

const CLIPS: readonly GuideClip[] = ['idle', 'walk', 'talk', 'point', 'wave'];
/**
 * the visitor's camera is looked at while the visitor is nearer than this, metres (Guide.tsx
 * decides): about 8 m, and a little over, as Gulangyu's first spawn is exactly 8 m from the first stop
 */
export const LOOK_NEAR = 8.5;
/** how far the head turns from the body's front, radians */
const HEAD_YAW_MAX = 1.0;
const HEAD_PITCH_MAX = 0.45;
/** beyond this the camera is behind the guide: it looks ahead instead of wringing its neck */
const LOOK_BEHIND = 2.2;
/** the neck takes this share of the turn, the head the rest */
const NECK_SHARE = 0.35;
/** eye limits for a model without them in its extras (ours carry about these) */
const EYE_YAW_DEFAULT = 0.045;
const EYE_PITCH_DEFAULT = 0.02;
const BLINK_S = 0.16;
const FADE_S = 0.35;

const scratch = {
  head: new THREE.Vector3(),
  target: new THREE.Vector3(),
  q: new THREE.Quaternion(),
  e: new THREE.Euler(0, 0, 0, 'YXZ'),
  mouth: new Float32Array(VISEMES.length),
};

function clamp(v: number, m: number): number {
  return Math.max(-m, Math.min(m, v));
}

/** 1 - e^(-rate dt): the share of the way an exponential follower moves this frame */
function follow(rate: number, dt: number): number {
  return 1 - Math.exp(-rate * dt);
}

function firstSkinnedMesh(root: THREE.Object3D): THREE.SkinnedMesh | null {
  const found: THREE.SkinnedMesh[] = [];
  root.traverse((o) => {
    if ((o as THREE.SkinnedMesh).isSkinnedMesh) found.push(o as THREE.SkinnedMesh);
  });
  return found[0] ?? null;
}

export interface GuideNames {
  zh: string;
  en: string;
}

export class GuideRig {
  readonly mixer: THREE.AnimationMixer;
  readonly mesh: THREE.SkinnedMesh | null;
  readonly names: GuideNames;
  clip: GuideClip | null = null;

  private readonly actions = new Map<GuideClip, THREE.AnimationAction>();
  private readonly bones: { head?: THREE.Object3D; neck?: THREE.Object3D; eyes: THREE.Object3D[] };
  private readonly rest = new Map<THREE.Object3D, THREE.Quaternion>();
  private readonly morph: { blink: number; brow: number; visemes: number[] };
  private readonly eyeYawMax: number;
  private readonly eyePitchMax: number;
  private readonly mouth = new Float32Array(VISEMES.length);
  private blinkIn = 1.5 + Math.random() * 2;
  private blinkT = -1;
  private brow = 0;
  private lookYaw = 0;
  private lookPitch = 0;
  private lookW = 0;
  /** whether the head is turned toward the camera now (the probe reports it) */
  looking = false;

  constructor(
    readonly root: THREE.Object3D,
    animations: THREE.AnimationClip[],
  ) {
    this.mixer = new THREE.AnimationMixer(root);
    for (const name of CLIPS) {
      const clip = animations.find((a) => a.name === name);
      if (!clip) continue;
      const action = this.mixer.clipAction(clip);
      if (name === 'point') {
        action.setLoop(THREE.LoopOnce, 1);
        action.clampWhenFinished = true;
      }
      this.actions.set(name, action);
    }
    this.mesh = firstSkinnedMesh(root);
    if (this.mesh) {
      // one primitive, one draw call; it casts (the hall draws shadows only at high quality) but receives none
      this.mesh.castShadow = true;
      this.mesh.receiveShadow = false;
    }
    const dict = this.mesh?.morphTargetDictionary ?? {};
    this.morph = { blink: dict.blink ?? -1, brow: dict.browRaise ?? -1, visemes: VISEMES.map((v) => dict[v] ?? -1) };
    const find = (name: string) => root.getObjectByName(name);
    this.bones = { head: find('head'), neck: find('neck'), eyes: ['leftEye', 'rightEye'].map(find).filter((b): b is THREE.Object3D => !!b) };
    for (const b of [this.bones.head, this.bones.neck, ...this.bones.eyes]) if (b) this.rest.set(b, b.quaternion.clone());
    // the scene's extras, else the first root node's (Blender writes custom properties there)
    const extras = { ...(root.children[0]?.userData ?? {}), ...root.userData } as Record<string, unknown>;
    const num = (v: unknown, d: number) => (typeof v === 'number' && v > 0 ? v : d);
    this.eyeYawMax = num(extras.eye_yaw_max, EYE_YAW_DEFAULT);
    this.eyePitchMax = num(extras.eye_pitch_max, EYE_PITCH_DEFAULT);
    this.names = { zh: typeof extras.name_zh === 'string' ? extras.name_zh : '', en: typeof extras.name_en === 'string' ? extras.name_en : '' };
  }

  /** Cross-fades to `name` (a clip the model lacks keeps the current one). `point` restarts from its start. */
  play(name: GuideClip, timeScale = 1): void {
    const next = this.actions.get(name);
    if (!next) return;
    next.timeScale = timeScale;
    if (name === this.clip) return;
    const prev = this.clip ? this.actions.get(this.clip) : undefined;
    next.reset().setEffectiveWeight(1).play();
    if (prev) next.crossFadeFrom(prev, FADE_S, false);
    this.clip = name;
  }

  /**
   * One frame: clips, then the face, then the look. `camera` is the visitor's eye in world space
   * when the visitor is near (null: look ahead); `track`/`mouthT` the caption being spoken
   * (mouthT < 0: mouth at rest).
   */
  update(dt: number, camera: THREE.Vector3 | null, track: MouthTrack | null, mouthT: number): void {
    // clips key the bones they move; the look is added on top, so start each frame from the rest pose
    for (const [bone, q] of this.rest) bone.quaternion.copy(q);
    this.mixer.update(dt);
    this.face(dt, track, mouthT);
    this.look(dt, camera);
  }

  private face(dt: number, track: MouthTrack | null, mouthT: number): void {
    const inf = this.mesh?.morphTargetInfluences;
    if (!inf) return;
    // blink
    this.blinkIn -= dt;
    if (this.blinkIn <= 0 && this.blinkT < 0) {
      this.blinkT = 0;
      this.blinkIn = 3 + Math.random() * 3;
    }
    let blink = 0;
    if (this.blinkT >= 0) {
      this.blinkT += dt;
      blink = this.blinkT < BLINK_S ? Math.sin((Math.PI * this.blinkT) / BLINK_S) : 0;
      if (this.blinkT >= BLINK_S) this.blinkT = -1;
    }
    if (this.morph.blink >= 0) inf[this.morph.blink] = blink;
    // mouth: the track's target, followed quickly so syllables blend instead of snapping
    const target = scratch.mouth;
    if (track && mouthT >= 0) sampleMouth(track, mouthT, target);
    else target.fill(0);
    const k = follow(28, dt);
    for (let i = 0; i < this.mouth.length; i++) {
      this.mouth[i] += (target[i] - this.mouth[i]) * k;
      const idx = this.morph.visemes[i];
      if (idx >= 0) inf[idx] = this.mouth[i];
    }
    // brows: lifted as a telling begins, relaxed while it goes on
    const browWant = track && mouthT >= 0 && mouthT < 1.2 ? 0.6 : 0;
    this.brow += (browWant - this.brow) * follow(6, dt);
    if (this.morph.brow >= 0) inf[this.morph.brow] = this.brow;
  }

  private look(dt: number, camera: THREE.Vector3 | null): void {
    const { head, neck, eyes } = this.bones;
    if (!head) return;
    let wantYaw = 0;
    let wantPitch = 0;
    let want = 0;
    if (camera) {
      const p = head.getWorldPosition(scratch.head);
      const t = scratch.target.copy(camera);
      this.root.worldToLocal(p);
      this.root.worldToLocal(t);
      const dx = t.x - p.x;
      const dy = t.y - p.y;
      const dz = t.z - p.z;
      const flat = Math.hypot(dx, dz);
      const yaw = Math.atan2(dx, dz);
      if (Math.abs(yaw) < LOOK_BEHIND) {
        want = 1;
        wantYaw = yaw;
        wantPitch = Math.atan2(dy, flat);
      }
    }
    this.looking = want > 0;
    const k = follow(5, dt);
    this.lookW += (want - this.lookW) * k;
    this.lookYaw += (clamp(wantYaw, HEAD_YAW_MAX) - this.lookYaw) * k;
    this.lookPitch += (clamp(wantPitch, HEAD_PITCH_MAX) - this.lookPitch) * k;
    const yaw = this.lookYaw * this.lookW;
    const pitch = this.lookPitch * this.lookW;
    // a positive turn about +X tips the face down: looking up is the negative
    const turn = (bone: THREE.Object3D | undefined, share: number) => {
      if (!bone) return;
      scratch.q.setFromEuler(scratch.e.set(-pitch * share, yaw * share, 0));
      bone.quaternion.premultiply(scratch.q);
    };
    if (neck) {
      turn(neck, NECK_SHARE);
      turn(head, 1 - NECK_SHARE);
    } else turn(head, 1);
    // the eyes lead: what the head has not turned yet, within the irises' limits
    const eyeYaw = clamp((wantYaw - yaw) * want, this.eyeYawMax);
    const eyePitch = clamp((wantPitch - pitch) * want, this.eyePitchMax);
    scratch.q.setFromEuler(scratch.e.set(-eyePitch, eyeYaw, 0));
    for (const eye of eyes) eye.quaternion.premultiply(scratch.q);
  }

  /** the largest vowel weight now (the probe shows the mouth moves) */
  mouthOpen(): number {
    let m = 0;
    for (const v of this.mouth) m = Math.max(m, v);
    return m;
  }

  dispose(): void {
    this.mixer.stopAllAction();
    this.mixer.uncacheRoot(this.root);
  }
}
