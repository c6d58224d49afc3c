/**
 * The sea: one big plane with a cheap animated shader (a few travelling sine waves for the
 * normal, Fresnel towards the sky colour, a sun glint). No textures, no render targets.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';

export const SEA_LEVEL = -0.7;

const vertex = /* glsl */ `
varying vec3 vWorld;
#include <fog_pars_vertex>
void main() {
  vec4 wp = modelMatrix * vec4(position, 1.0);
  vWorld = wp.xyz;
  vec4 mvPosition = viewMatrix * wp;
  gl_Position = projectionMatrix * mvPosition;
  #include <fog_vertex>
}`;

const fragment = /* glsl */ `
uniform float uTime;
uniform vec3 uDeep;
uniform vec3 uSky;
uniform vec3 uSunDir;
uniform vec3 uSunColor;
uniform float uOpacity;
uniform float uChop;
/** the shallow-water box (centre x, z, half sizes): outside it the water turns opaque */
uniform vec4 uBox;
varying vec3 vWorld;
#include <fog_pars_fragment>

// One travelling wave's slope, faded out once its wavelength shrinks towards the pixel
// footprint (fw): ripples too fine for the screen would only alias into moire.
vec2 wave(vec2 p, vec2 d, float k, float speed, float amp, float fw) {
  float keep = 1.0 - smoothstep(0.25, 0.9, k * fw);
  return d * cos(dot(p, d) * k + uTime * speed) * amp * k * keep;
}

void main() {
  vec2 p = vWorld.xz;
  vec2 dp = fwidth(p);
  float fw = max(dp.x, dp.y);
  vec2 g = wave(p, vec2(0.8, 0.6), 0.21, 1.1, 0.5, fw)
         + wave(p, vec2(-0.6, 0.8), 0.37, 1.5, 0.3, fw)
         + wave(p, vec2(0.2, -0.98), 0.9, 2.2, 0.12, fw)
         + wave(p, vec2(0.95, -0.31), 1.9, 3.1, 0.05, fw)
         + wave(p, vec2(-0.7, -0.71), 3.3, 4.0, 0.025, fw);
  vec3 n = normalize(vec3(-g.x * uChop, 1.0, -g.y * uChop));
  vec3 v = normalize(cameraPosition - vWorld);
  // Schlick Fresnel, capped: at grazing angles water mirrors the sky, but never all of it, so
  // it keeps its own colour instead of turning into a flat sheet of sky tint
  float fres = 0.03 + 0.97 * pow(1.0 - max(dot(n, v), 0.0), 5.0);
  fres = min(fres, 0.75);
  vec3 col = mix(uDeep, uSky, fres);
  vec3 h = normalize(uSunDir + v);
  float spec = pow(max(dot(n, h), 0.0), 180.0);
  col += uSunColor * spec * 2.0;
  vec2 q = abs(vWorld.xz - uBox.xy) / uBox.zw;
  // fully opaque a little inside the edge of the modelled floor, so no seam shows where it ends
  float far = smoothstep(0.7, 0.97, max(q.x, q.y));
  gl_FragColor = vec4(col, mix(mix(uOpacity, 1.0, fres), 1.0, far));
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
  #include <fog_fragment>
}`;

export interface SeaLook {
  deep: THREE.ColorRepresentation;
  sky: THREE.ColorRepresentation;
  sunDir: [number, number, number];
  sunColor: THREE.ColorRepresentation;
  opacity?: number;
  chop?: number;
  /** where the sea floor is modelled (minX, maxX, minZ, maxZ): beyond it the water is opaque */
  shallows?: { minX: number; maxX: number; minZ: number; maxZ: number };
}

export function Sea({ look, size = 3000, y = SEA_LEVEL }: { look: SeaLook; size?: number; y?: number }) {
  const material = useMemo(
    () =>
      new THREE.ShaderMaterial({
        vertexShader: vertex,
        fragmentShader: fragment,
        transparent: true,
        depthWrite: false,
        fog: true,
        uniforms: THREE.UniformsUtils.merge([
          THREE.UniformsLib.fog,
          {
            uTime: { value: 0 },
            uDeep: { value: new THREE.Color() },
            uSky: { value: new THREE.Color() },
            uSunDir: { value: new THREE.Vector3() },
            uSunColor: { value: new THREE.Color() },
            uOpacity: { value: 0.8 },
            uChop: { value: 0.5 },
            uBox: { value: new THREE.Vector4(0, 0, 1e5, 1e5) },
          },
        ]),
      }),
    [],
  );
  useEffect(() => {
    const u = material.uniforms;
    (u.uDeep.value as THREE.Color).set(look.deep);
    (u.uSky.value as THREE.Color).set(look.sky);
    (u.uSunDir.value as THREE.Vector3).set(...look.sunDir).normalize();
    (u.uSunColor.value as THREE.Color).set(look.sunColor);
    u.uOpacity.value = look.opacity ?? 0.8;
    u.uChop.value = look.chop ?? 0.5;
    const b = look.shallows;
    if (b) (u.uBox.value as THREE.Vector4).set((b.minX + b.maxX) / 2, (b.minZ + b.maxZ) / 2, (b.maxX - b.minX) / 2, (b.maxZ - b.minZ) / 2);
  }, [material, look]);
  useEffect(() => () => material.dispose(), [material]);
  useFrame((_, dt) => {
    material.uniforms.uTime.value += Math.min(dt, 0.1);
  });
  return (
    <mesh rotation-x={-Math.PI / 2} position-y={y} material={material} renderOrder={1} name="sea">
      <planeGeometry args={[size, size]} />
    </mesh>
  );
}
