/**
 * The 3D view of one hall. Scenery comes from the landmark folder; avatars, camera and
 * click-to-move are hall-independent.
 */
import { Canvas } from '@react-three/fiber';
import { lazy, Suspense } from 'react';
import type { HallId } from '../../../shared/halls';
import { useStore } from '../store';
import { HallScenery } from './landmarks';
import { Avatars } from './avatars/Avatars';
import { CameraRig } from './camera/CameraRig';
import { ClickToMove } from '../controls/ClickToMove';
import { RenderProbe } from './RenderProbe';
import { Booths } from './booths/Booths';
import { BoothReactions } from './booths/BoothReactions';
import { ProximityTracker } from './proximity/ProximityTracker';
import { FirstFrame } from './FirstFrame';
import { captureRequested } from '../debug';

// Read once: the renderer's context attributes cannot change after it is created.
const preserveDrawingBuffer = captureRequested();
// the stage (screen, frame, seats): its own chunk and Suspense, so the hall's first frame never waits for it
const Stage = lazy(() => import('./stage/Stage'));
// the digital-human guide (issue #12): its own chunk; its model loads after the hall's first frame
const Guide = lazy(() => import('./guide/Guide'));

export function HallCanvas({ hallId }: { hallId: HallId }) {
  const quality = useStore((s) => s.quality);
  return (
    <Canvas
      className="hall-canvas"
      data-testid="hall-canvas"
      shadows={quality === 'high'}
      dpr={quality === 'high' ? [1, 2] : 1}
      camera={{ fov: 55, near: 0.1, far: 1500, position: [0, 8, 12] }}
      gl={{ antialias: quality === 'high', powerPreference: 'high-performance', preserveDrawingBuffer }}
    >
      <Suspense fallback={null}>
        <ClickToMove hallId={hallId}>
          <HallScenery hallId={hallId} />
        </ClickToMove>
        <Avatars hallId={hallId} />
        <Booths hallId={hallId} />
        <BoothReactions hallId={hallId} />
        <ProximityTracker hallId={hallId} />
        <CameraRig />
        <FirstFrame />
      </Suspense>
      <Suspense fallback={null}>
        <Stage hallId={hallId} />
      </Suspense>
      <Suspense fallback={null}>
        <Guide hallId={hallId} />
      </Suspense>
      <RenderProbe />
    </Canvas>
  );
}
