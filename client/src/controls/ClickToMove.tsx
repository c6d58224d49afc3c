/**
 * Wraps the scenery so a click or tap on walkable ground sends the player there. It is also the
 * controls' one mount point inside the canvas (HallCanvas places it once per hall): keyboard,
 * camera gestures and the local player's per-frame motion start here.
 */
import type { ThreeEvent } from '@react-three/fiber';
import type { ReactNode } from 'react';
import { getLayout, type HallId } from '../../../shared/halls';
import { isWalkable } from '../../../shared/layout';
import { localPlayer } from '../store/transient';
import { walkTo } from './walkTo';
import { LocalPlayerMotion } from './LocalPlayerMotion';
import { TargetMarker } from './TargetMarker';
import { takeTap, useCanvasGestures } from './useCanvasGestures';
import { useKeyboardMovement } from './useKeyboardMovement';

export function ClickToMove({ hallId, children }: { hallId: HallId; children: ReactNode }) {
  const layout = getLayout(hallId);
  useKeyboardMovement();
  useCanvasGestures();

  const onPointerUp = (e: ThreeEvent<PointerEvent>) => {
    // Only the nearest surface under the pointer counts: a wall in front hides the ground behind it.
    e.stopPropagation();
    if (e.button !== 0 || !takeTap(e.pointerId) || !localPlayer.ready) return;
    const { x, z } = e.point;
    if (!isWalkable(layout, x, z)) return;
    walkTo(layout, { x, z });
  };

  return (
    <>
      <group onPointerUp={onPointerUp}>{children}</group>
      <TargetMarker layout={layout} />
      <LocalPlayerMotion hallId={hallId} />
    </>
  );
}
