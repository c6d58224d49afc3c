/**
 * Sky, sun, ambient light and haze for one mood. The sky is drei's <Sky> (a shader, nothing
 * downloaded); the fog colour is picked to match its horizon so the sea fades into it.
 */
import { Sky } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useTier } from '../../quality/useTier';

export interface Mood {
  /** direction towards the sun (any length) */
  sun: [number, number, number];
  sunColor: string;
  sunIntensity: number;
  hemiSky: string;
  hemiGround: string;
  hemiIntensity: number;
  fog: string;
  fogNear: number;
  fogFar: number;
  sky: { turbidity: number; rayleigh: number; mieCoefficient: number; mieDirectionalG: number };
  exposure: number;
}

export function Atmosphere({ mood, center = [0, 0, 0], extent = 140 }: { mood: Mood; center?: [number, number, number]; extent?: number }) {
  // shadows and their map size by quality tier (scene/quality/tiers.ts); 0 = none
  const shadowMap = useTier().shadowMap;
  const light = useRef<THREE.DirectionalLight>(null);
  const scene = useThree((s) => s.scene);
  const gl = useThree((s) => s.gl);
  const sunPos = useMemo(() => new THREE.Vector3(...mood.sun).normalize(), [mood.sun]);

  useLayoutEffect(() => {
    const l = light.current;
    if (!l) return;
    l.position.set(center[0] + sunPos.x * 250, center[1] + sunPos.y * 250, center[2] + sunPos.z * 250);
    l.target.position.set(center[0], center[1], center[2]);
    l.target.updateMatrixWorld();
    const cam = l.shadow.camera;
    cam.left = -extent;
    cam.right = extent;
    cam.top = extent;
    cam.bottom = -extent;
    cam.near = 10;
    cam.far = 600;
    cam.updateProjectionMatrix();
    l.shadow.bias = -0.0004;
    l.shadow.normalBias = 0.05;
  }, [center, extent, sunPos, shadowMap]);

  useEffect(() => {
    const prevFog = scene.fog;
    scene.fog = new THREE.Fog(mood.fog, mood.fogNear, mood.fogFar);
    const prevExposure = gl.toneMappingExposure;
    gl.toneMappingExposure = mood.exposure;
    return () => {
      scene.fog = prevFog;
      gl.toneMappingExposure = prevExposure;
    };
  }, [scene, gl, mood]);

  return (
    <>
      <Sky
        distance={1200}
        sunPosition={sunPos}
        turbidity={mood.sky.turbidity}
        rayleigh={mood.sky.rayleigh}
        mieCoefficient={mood.sky.mieCoefficient}
        mieDirectionalG={mood.sky.mieDirectionalG}
      />
      <hemisphereLight args={[mood.hemiSky, mood.hemiGround, mood.hemiIntensity]} />
      <directionalLight
        // a new map size needs a new shadow map: remount the light
        key={shadowMap}
        ref={light}
        color={mood.sunColor}
        intensity={mood.sunIntensity}
        castShadow={shadowMap > 0}
        shadow-mapSize-width={shadowMap || 512}
        shadow-mapSize-height={shadowMap || 512}
      />
    </>
  );
}
