/**
 * `?cam=x,y,z,tx,ty,tz` pins the camera (for screenshots, benches and e2e viewpoints). It
 * hooks the scene's onBeforeRender, so it wins over whatever camera rig runs in useFrame.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';

export function pinnedCamera(): number[] | null {
  if (typeof window === 'undefined') return null;
  const raw = new URLSearchParams(window.location.search).get('cam');
  if (!raw) return null;
  const v = raw.split(',').map(Number);
  return v.length === 6 && v.every(Number.isFinite) ? v : null;
}

export function DebugCamera() {
  const scene = useThree((s) => s.scene);
  useEffect(() => {
    const v = pinnedCamera();
    if (!v) return;
    const prev = scene.onBeforeRender;
    scene.onBeforeRender = (_r, _s, camera) => {
      camera.position.set(v[0], v[1], v[2]);
      camera.lookAt(v[3], v[4], v[5]);
      camera.updateMatrixWorld();
    };
    return () => {
      scene.onBeforeRender = prev;
    };
  }, [scene]);
  return null;
}
