/**
 * Third-person camera: orbits the local player at input.cameraYaw / cameraPitch /
 * cameraDistance (set by gestures and Q/E), follows smoothly, never dips under the ground.
 * On arrival it looks the way the avatar faces. Under prefers-reduced-motion (ui/a11y/reducedMotion)
 * it follows and zooms with no easing: locked to the avatar, no sway, no camera flight.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import * as THREE from 'three';
import { getLayout } from '../../../../shared/halls';
import { groundHeight } from '../../../../shared/layout';
import { FRAME } from '../../controls/frameOrder';
import { keyTurn } from '../../controls/useKeyboardMovement';
import { useStore } from '../../store';
import { input, localPlayer } from '../../store/transient';
import { motion, watchReducedMotion } from '../../ui/a11y/reducedMotion';

/** the camera looks at the chest/head, not the feet */
const FOCUS_HEIGHT = 1.45;
const FOLLOW_RATE = 9;
const ZOOM_RATE = 10;
const KEY_TURN_RATE = 1.8;
/** a jump this large (respawn, server correction across the hall) is cut, not flown */
const CUT_M = 8;
const GROUND_CLEARANCE = 0.35;

const focus = new THREE.Vector3();
const goal = new THREE.Vector3();
const rig = { started: false, distance: 0 };

/**
 * How far the camera's aim trails the avatar (m), now and at most since the last read: the sway of
 * the eased follow, measurable by tests (window.__ludao.motion). 0 throughout under reduced motion.
 */
export const cameraMotion = { lag: 0, maxLag: 0 };

export function CameraRig() {
  const camera = useThree((s) => s.camera);
  const hallId = useStore((s) => s.hallId);
  const layout = hallId ? getLayout(hallId) : null;

  useEffect(() => {
    watchReducedMotion();
    if (!window.__ludao) return;
    window.__ludao.motion = (reset = false) => {
      const out = {
        reduced: motion.reduced,
        travel: motion.reduced ? ('instant' as const) : ('eased' as const),
        lag: cameraMotion.lag,
        maxLag: cameraMotion.maxLag,
      };
      if (reset) cameraMotion.maxLag = 0;
      return out;
    };
  }, []);

  // A new hall (or a fresh seat after a lost one) starts over behind the avatar.
  useEffect(() => {
    rig.started = false;
  }, [hallId]);

  useFrame((_, delta) => {
    if (!localPlayer.ready || !layout) {
      rig.started = false;
      return;
    }
    const dt = Math.min(delta, 0.1);
    goal.set(localPlayer.x, localPlayer.y + FOCUS_HEIGHT, localPlayer.z);
    if (!rig.started) {
      input.cameraYaw = localPlayer.ry;
      rig.distance = input.cameraDistance;
      focus.copy(goal);
      rig.started = true;
    } else if (motion.reduced || focus.distanceTo(goal) > CUT_M) {
      focus.copy(goal);
    } else {
      focus.lerp(goal, 1 - Math.exp(-dt * FOLLOW_RATE));
    }
    if (keyTurn.dir) input.cameraYaw -= keyTurn.dir * KEY_TURN_RATE * dt;
    if (motion.reduced) rig.distance = input.cameraDistance;
    else rig.distance += (input.cameraDistance - rig.distance) * (1 - Math.exp(-dt * ZOOM_RATE));
    cameraMotion.lag = focus.distanceTo(goal);
    if (cameraMotion.lag > cameraMotion.maxLag) cameraMotion.maxLag = cameraMotion.lag;

    const yaw = input.cameraYaw;
    const pitch = input.cameraPitch;
    const flat = Math.cos(pitch) * rig.distance;
    // behind the player as seen along the yaw: camera looks towards (sin yaw, cos yaw)
    const x = focus.x - Math.sin(yaw) * flat;
    const z = focus.z - Math.cos(yaw) * flat;
    let y = focus.y + Math.sin(pitch) * rig.distance;
    const floor = groundHeight(layout, x, z) + GROUND_CLEARANCE;
    if (y < floor) y = floor;
    camera.position.set(x, y, z);
    camera.lookAt(focus);
  }, FRAME.camera);

  return null;
}
