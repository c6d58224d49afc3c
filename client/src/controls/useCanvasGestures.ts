/**
 * Pointer gestures on the 3D canvas: drag (mouse or one finger) orbits the camera, wheel or
 * pinch zooms, and a short still press counts as a tap that click-to-move may use. Listeners
 * sit on the canvas itself, so they run before R3F's (on the canvas' parent) see the same event.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { input } from '../store/transient';

export const CAMERA_LIMITS = { minPitch: 0.08, maxPitch: 1.35, minDistance: 2.5, maxDistance: 24 } as const;
/** a tap moves less than this many CSS pixels... */
const TAP_SLOP_PX = 6;
/** ...and is released within this many milliseconds */
const TAP_MS = 400;
const ORBIT_RAD_PER_PX = 0.006;
const WHEEL_ZOOM = 0.0012;

interface Press {
  startX: number;
  startY: number;
  x: number;
  y: number;
  at: number;
  moved: boolean;
}

const presses = new Map<number, Press>();
/** two fingers were down at some point of this gesture: nothing in it is a tap */
let multiTouch = false;
let pinchFrom = 0;
let lastTap = -1;

/** True if `pointerId` was just released as a tap (and consumes it). */
export function takeTap(pointerId: number): boolean {
  if (lastTap !== pointerId) return false;
  lastTap = -1;
  return true;
}

function clampZoom(d: number): number {
  return Math.min(CAMERA_LIMITS.maxDistance, Math.max(CAMERA_LIMITS.minDistance, d));
}

function pinchDistance(): number {
  const [a, b] = presses.values();
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
}

export function useCanvasGestures(): void {
  const canvas = useThree((s) => s.gl.domElement);

  useEffect(() => {
    const down = (e: PointerEvent) => {
      presses.set(e.pointerId, { startX: e.clientX, startY: e.clientY, x: e.clientX, y: e.clientY, at: performance.now(), moved: false });
      if (presses.size >= 2) {
        multiTouch = true;
        pinchFrom = pinchDistance();
      }
      try {
        // keep receiving moves when the drag leaves the canvas (over the HUD, outside the window)
        canvas.setPointerCapture(e.pointerId);
      } catch {
        /* the pointer is already gone */
      }
    };

    const move = (e: PointerEvent) => {
      const p = presses.get(e.pointerId);
      if (!p) return;
      const dx = e.clientX - p.x;
      const dy = e.clientY - p.y;
      p.x = e.clientX;
      p.y = e.clientY;
      if (Math.hypot(p.x - p.startX, p.y - p.startY) > TAP_SLOP_PX) p.moved = true;
      if (presses.size === 1 && !multiTouch) {
        // OrbitControls' sense: dragging right swings the camera left around the player
        input.cameraYaw -= dx * ORBIT_RAD_PER_PX;
        input.cameraPitch = Math.min(CAMERA_LIMITS.maxPitch, Math.max(CAMERA_LIMITS.minPitch, input.cameraPitch + dy * ORBIT_RAD_PER_PX));
        if (p.moved) canvas.style.cursor = 'grabbing';
      } else if (presses.size === 2) {
        const d = pinchDistance();
        if (pinchFrom > 0 && d > 0) input.cameraDistance = clampZoom((input.cameraDistance * pinchFrom) / d);
        pinchFrom = d;
      }
    };

    const up = (e: PointerEvent) => {
      const p = presses.get(e.pointerId);
      if (!p) return;
      presses.delete(e.pointerId);
      const tap = e.type === 'pointerup' && !multiTouch && !p.moved && performance.now() - p.at < TAP_MS;
      lastTap = tap ? e.pointerId : -1;
      if (presses.size === 0) multiTouch = false;
      else pinchFrom = pinchDistance();
      canvas.style.cursor = '';
    };

    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      // pixel, line and page deltas all become a gentle, proportional zoom
      const px = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
      input.cameraDistance = clampZoom(input.cameraDistance * Math.exp(px * WHEEL_ZOOM));
    };

    const noMenu = (e: Event) => e.preventDefault();

    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    canvas.addEventListener('wheel', wheel, { passive: false });
    canvas.addEventListener('contextmenu', noMenu);
    return () => {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
      canvas.removeEventListener('wheel', wheel);
      canvas.removeEventListener('contextmenu', noMenu);
      presses.clear();
      multiTouch = false;
    };
  }, [canvas]);
}
