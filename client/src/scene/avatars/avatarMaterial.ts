/**
 * The avatar materials: three's standard (and shadow-depth) material with a vertex stage that
 * poses one instance of the figure. Per instance it reads
 *   iPose  = (x, y, z, yaw)             where the feet are and which way the person faces
 *   iAnim  = (phase, walk, breath, alpha) walk-cycle phase, walk blend 0..1 (below 0: seated), breath phase, opacity
 *   iColor = the visitor's colour (linear)
 * Limbs swing about the joints in avatarParts.ts; opacity < 1 (a disconnected visitor) is drawn
 * as a screen-door pattern.
 */
import * as THREE from 'three';
import { Joint, Part } from './avatarParts';

const f = (n: number) => n.toFixed(4);

const POSE_GLSL = /* glsl */ `
attribute float aPart;
attribute float aTint;
attribute vec4 iPose;
attribute vec4 iAnim;
attribute vec3 iColor;
varying float vLudaoAlpha;
mat3 ludaoM;
vec3 ludaoT;

mat3 ludaoRotX(float a) { float c = cos(a), s = sin(a); return mat3(1.0, 0.0, 0.0, 0.0, c, s, 0.0, -s, c); }
mat3 ludaoRotY(float a) { float c = cos(a), s = sin(a); return mat3(c, 0.0, -s, 0.0, 1.0, 0.0, s, 0.0, c); }
mat3 ludaoRotZ(float a) { float c = cos(a), s = sin(a); return mat3(c, s, 0.0, -s, c, 0.0, 0.0, 0.0, 1.0); }

// Each part is an affine map p' = M p + T: a child limb turns about its own joint, then with its parent.
void ludaoSetup() {
  int part = int(aPart + 0.5);
  float phase = iAnim.x;
  // a 2D catalog visitor (issue #13) is drawn seated: walk < 0 says so; the pose is the standing one, folded
  float seated = step(iAnim.y, -0.5);
  float walk = max(iAnim.y, 0.0);
  float swing = sin(phase) * walk;
  // the chest rises a centimetre with each breath, less while walking
  float breath = sin(iAnim.z) * 0.014 * (1.0 - 0.7 * walk);
  float chestLift = breath * ${f(Joint.chestSpan)};
  bool left = part == ${Part.upperArmL} || part == ${Part.forearmL} || part == ${Part.thighL} || part == ${Part.shinL};
  float side = left ? 1.0 : -1.0;
  // left leg forward while swing > 0; each arm swings against its own leg
  float gait = left ? swing : -swing;
  mat3 M = mat3(1.0);
  vec3 T = vec3(0.0);

  if (part == ${Part.trunk}) {
    M = mat3(1.0 + breath * 0.4, 0.0, 0.0, 0.0, 1.0 + breath, 0.0, 0.0, 0.0, 1.0 + breath * 0.4);
    T = vec3(0.0, -${f(Joint.waistY)} * breath, 0.0);
  } else if (part == ${Part.head}) {
    T = vec3(0.0, chestLift, 0.0);
  } else if (part <= ${Part.forearmR}) {
    float forward = -gait * 0.55 + 0.03 * sin(iAnim.z + 1.0) * (1.0 - walk) + seated * 0.45;
    vec3 shoulder = vec3(side * ${f(Joint.shoulderX)}, ${f(Joint.shoulderY)}, 0.0);
    mat3 Ru = ludaoRotX(-forward) * ludaoRotZ(side * 0.07);
    if (part <= ${Part.upperArmR}) {
      M = Ru;
      T = shoulder - Ru * shoulder;
    } else {
      vec3 elbow = vec3(side * ${f(Joint.shoulderX)}, ${f(Joint.elbowY)}, 0.0);
      mat3 Rf = ludaoRotX(-(0.12 + 0.6 * max(forward, 0.0) + seated * 0.6));
      M = Ru * Rf;
      T = Ru * (elbow - Rf * elbow - shoulder) + shoulder;
    }
    T.y += chestLift;
  } else {
    vec3 hip = vec3(side * ${f(Joint.hipX)}, ${f(Joint.hipY)}, 0.0);
    // seated: thighs forward to level, shins hang down from the knees
    mat3 Rt = ludaoRotX(-gait * 0.5 - seated * 1.5708);
    if (part <= ${Part.thighR}) {
      M = Rt;
      T = hip - Rt * hip;
    } else {
      // the knee folds while the leg swings forward (thigh angle rising), straight while it bears weight
      float rising = left ? cos(phase) : -cos(phase);
      vec3 knee = vec3(side * ${f(Joint.hipX)}, ${f(Joint.kneeY)}, 0.0);
      mat3 Rs = ludaoRotX(walk * 0.95 * max(rising, 0.0) + 0.05 * walk + seated * 1.5708);
      M = Rt * Rs;
      T = Rt * (knee - Rs * knee - hip) + hip;
    }
  }
  // hips drop a little when the legs are apart
  float bob = -0.04 * walk * abs(sin(phase));
  // seated, the hips come down to knee height so the feet stay on the ground
  bob -= seated * ${f(Joint.hipY - Joint.kneeY)};
  mat3 R = ludaoRotY(iPose.w);
  ludaoM = R * M;
  ludaoT = R * (T + vec3(0.0, bob, 0.0)) + iPose.xyz;
}
`;

function patchVertex(shader: { vertexShader: string }, withColor: boolean): void {
  let vs = shader.vertexShader.replace('void main() {', `${POSE_GLSL}\nvoid main() {\n  ludaoSetup();\n  vLudaoAlpha = iAnim.w;`);
  vs = vs
    .replace('#include <beginnormal_vertex>', '#include <beginnormal_vertex>\n  objectNormal = ludaoM * objectNormal;')
    .replace('#include <begin_vertex>', '#include <begin_vertex>\n  transformed = ludaoM * transformed + ludaoT;');
  if (withColor) {
    vs = vs.replace(
      '#include <color_vertex>',
      /* glsl */ `#include <color_vertex>
  vColor.rgb = mix(vColor.rgb, vColor.rgb * iColor, aTint);
  // a visitor whose connection dropped is drawn greyed (and see-through, below)
  float ludaoGrey = dot(vColor.rgb, vec3(0.2126, 0.7152, 0.0722));
  vColor.rgb = mix(vColor.rgb, vec3(ludaoGrey * 0.8 + 0.1), step(iAnim.w, 0.999) * 0.8);`,
    );
  }
  shader.vertexShader = vs;
}

/**
 * See-through by an ordered 4x4 screen-door pattern: stays in the opaque pass (no sorting, same
 * draw call, limbs never show through the body) and, unlike alpha hashing, does not sparkle.
 */
function patchAlpha(shader: { fragmentShader: string }): void {
  shader.fragmentShader = shader.fragmentShader.replace(
    'void main() {',
    /* glsl */ `varying float vLudaoAlpha;
float ludaoBayer4(vec2 p) {
  ivec2 q = ivec2(mod(p, 4.0));
  int i = q.x + q.y * 4;
  int m[16] = int[16](0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5);
  return (float(m[i]) + 0.5) / 16.0;
}
void main() {
  if (vLudaoAlpha < 0.999 && vLudaoAlpha < ludaoBayer4(gl_FragCoord.xy)) discard;`,
  );
}

let body: THREE.MeshStandardMaterial | null = null;
let depth: THREE.MeshDepthMaterial | null = null;

/** One material for every avatar of every colour: colour is per instance. */
export function avatarMaterial(): THREE.MeshStandardMaterial {
  if (!body) {
    body = new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.75, metalness: 0 });
    body.onBeforeCompile = (shader) => {
      patchVertex(shader, true);
      patchAlpha(shader);
    };
    body.customProgramCacheKey = () => 'ludao-avatar';
  }
  return body;
}

/** Shadows must see the same posed limbs, or a walking person casts a standing shadow. */
export function avatarDepthMaterial(): THREE.MeshDepthMaterial {
  if (!depth) {
    depth = new THREE.MeshDepthMaterial();
    depth.onBeforeCompile = (shader) => {
      patchVertex(shader, false);
      patchAlpha(shader);
    };
    depth.customProgramCacheKey = () => 'ludao-avatar-depth';
  }
  return depth;
}
