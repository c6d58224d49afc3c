/** Moves the local player every frame and reports it to the server (send.ts throttles). */
import { useFrame } from '@react-three/fiber';
import { getLayout, type HallId } from '../../../shared/halls';
import { sendMove } from '../net/send';
import { localPlayer } from '../store/transient';
import { FRAME } from './frameOrder';
import { isCorrecting, stepLocalPlayer } from './localMotion';

/** longer frames are a stall (background tab): never walk through more than this at once */
const MAX_DT = 0.25;
/** sub-step so a slow frame cannot step over a thin wall (WALK_SPEED * 0.05 s = 0.23 m) */
const STEP_DT = 0.05;

export function LocalPlayerMotion({ hallId }: { hallId: HallId }) {
  const layout = getLayout(hallId);
  useFrame((_, delta) => {
    if (!localPlayer.ready) return;
    const now = performance.now();
    const dt = Math.min(delta, MAX_DT);
    const n = Math.ceil(dt / STEP_DT);
    for (let i = 0; i < n; i++) stepLocalPlayer(layout, dt / n, now);
    if (!isCorrecting()) sendMove(localPlayer.x, localPlayer.z, localPlayer.ry, localPlayer.moving, now);
  }, FRAME.localMotion);
  return null;
}
