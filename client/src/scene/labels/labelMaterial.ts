/**
 * Billboards for name tags: each instance is a quad turned to face the camera in view space,
 * sized in metres (so tags shrink with distance like the people they name) but never below a
 * readable pixel height, and faded out far away, where a crowd of tags would only be noise.
 */
import * as THREE from 'three';

export const LABEL_FADE_NEAR = 26;
export const LABEL_FADE_FAR = 38;

/** smallest on-screen tag height, in CSS pixels */
export const LABEL_MIN_PX = 15;

export function labelMaterial(map: THREE.Texture): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    // uMinPx is LABEL_MIN_PX in drawing-buffer pixels; uViewH the drawing-buffer height (kept up to date each frame)
    // uFade: the distances (m) the tags fade out between, set per quality tier (scene/quality/tiers.ts)
    uniforms: {
      map: { value: map },
      uMinPx: { value: LABEL_MIN_PX },
      uViewH: { value: 720 },
      uFade: { value: new THREE.Vector2(LABEL_FADE_NEAR, LABEL_FADE_FAR) },
    },
    transparent: true,
    depthWrite: false,
    vertexShader: /* glsl */ `
      attribute vec3 iPos;
      attribute vec2 iSize;
      attribute vec4 iRect;
      attribute float iAlpha;
      uniform float uMinPx;
      uniform float uViewH;
      uniform vec2 uFade;
      varying vec2 vUv;
      varying float vAlpha;
      void main() {
        vec4 mv = viewMatrix * vec4(iPos, 1.0);
        float px = iSize.y * projectionMatrix[1][1] * uViewH / (2.0 * max(-mv.z, 0.01));
        vec2 size = iSize * max(1.0, uMinPx / px);
        // anchor at the bottom centre of the tag
        mv.xy += vec2(position.x, position.y + 0.5) * size;
        vUv = iRect.xy + uv * iRect.zw;
        vAlpha = iAlpha * (1.0 - smoothstep(uFade.x, uFade.y, -mv.z));
        gl_Position = projectionMatrix * mv;
      }
    `,
    fragmentShader: /* glsl */ `
      uniform sampler2D map;
      varying vec2 vUv;
      varying float vAlpha;
      void main() {
        vec4 c = texture2D(map, vUv);
        float a = c.a * vAlpha;
        if (a < 0.02) discard;
        gl_FragColor = vec4(c.rgb, a);
      }
    `,
  });
}
