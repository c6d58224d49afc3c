/**
 * Picks the scenery for a hall. `?scene=empty` draws only a ground plane and light: the
 * baseline the bench compares frame times against.
 */
import { lazy } from 'react';
import { getLayout, type HallId } from '../../../../shared/halls';
import { HotspotMarkers } from '../hotspots/HotspotMarkers';
import { AutoQuality } from '../quality/AutoQuality';
import { DebugCamera } from './common/DebugCamera';

// One chunk per landmark: a visitor downloads only the hall they are in (the hall's first JS has a
// budget, bench/bundle.ts, which counts the bigger of the two). Inside the scene's Suspense boundary
// (HallCanvas), so the first frame (FirstFrame) still waits for the scenery.
const GulangyuScene = lazy(() => import('./gulangyu/GulangyuScene').then((m) => ({ default: m.GulangyuScene })));
const ShapoweiScene = lazy(() => import('./shapowei/ShapoweiScene').then((m) => ({ default: m.ShapoweiScene })));

function emptyScene(): boolean {
  return typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('scene') === 'empty';
}

export function HallScenery({ hallId }: { hallId: HallId }) {
  const layout = getLayout(hallId);
  if (emptyScene()) {
    return (
      <group name={`scenery-${hallId}-empty`}>
        <hemisphereLight args={['#bfe3ff', '#6b5a45', 1.2]} />
        <directionalLight position={[30, 50, 20]} intensity={2} />
        <mesh rotation-x={-Math.PI / 2}>
          <planeGeometry args={[400, 400]} />
          <meshStandardMaterial color="#d9c9a3" />
        </mesh>
        <DebugCamera />
        <AutoQuality />
      </group>
    );
  }
  return (
    <group name={`scenery-${hallId}`}>
      {hallId === 'gulangyu' ? <GulangyuScene layout={layout} /> : <ShapoweiScene layout={layout} />}
      <HotspotMarkers hallId={hallId} layout={layout} />
      <DebugCamera />
      <AutoQuality />
    </group>
  );
}
