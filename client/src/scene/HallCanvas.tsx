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
import { useVrSupported } from '../vr/vrState';
import { TIERS } from './quality/tiers';
import { useTranslation } from 'react-i18next';
import { NS as A11Y_NS } from '../ui/a11y/locales';
import { useVoice } from '../ui/voice/voiceStore';

// Read once: the renderer's context attributes cannot change after it is created.
const preserveDrawingBuffer = captureRequested();
// the stage (screen, frame, seats): its own chunk and Suspense, so the hall's first frame never waits for it
const Stage = lazy(() => import('./stage/Stage'));
// the digital-human guide (issue #12): its own chunk; its model loads after the hall's first frame
const Guide = lazy(() => import('./guide/Guide'));
// VR (issue #13): @react-three/xr in its own chunk, fetched only where immersive-vr is supported
const VrScene = lazy(() => import('../vr/VrScene'));
// proximity voice's speaking indicators over heads (issue #13): part of the voice chunk, mounted while voice is on
const SpeakingIndicators = lazy(() => import('../voice/SpeakingIndicators'));

export function HallCanvas({ hallId }: { hallId: HallId }) {
  const quality = useStore((s) => s.quality);
  // the tier's pixel-ratio cap and shadows (scene/quality/tiers.ts); antialias is fixed at the context's creation
  const tier = TIERS[quality];
  const vr = useVrSupported();
  const voiceOn = useVoice((s) => s.status === 'on');
  const { t } = useTranslation(A11Y_NS);
  return (
    <Canvas
      className="hall-canvas"
      data-testid="hall-canvas"
      // a screen reader hears what the view is and how to walk it; the "nearby" list (ui/a11y) names what is in it
      role="img"
      aria-label={t('canvas', { hall: t(`halls.${hallId}`, { ns: 'translation' }) })}
      shadows={tier.shadowMap > 0}
      dpr={[1, tier.maxDpr]}
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
      {voiceOn && (
        <Suspense fallback={null}>
          <SpeakingIndicators />
        </Suspense>
      )}
      {vr && (
        <Suspense fallback={null}>
          <VrScene hallId={hallId} />
        </Suspense>
      )}
      <RenderProbe />
    </Canvas>
  );
}
