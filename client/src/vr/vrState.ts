/**
 * What the hall needs to know about VR before (and without) the XR chunk: whether this browser can
 * enter an immersive-vr session at all, and, once the chunk has loaded, how to enter. Kept tiny and
 * free of three/@react-three/xr so the hall's initial bundle does not grow: the XR code (VrScene) is a
 * lazy chunk fetched only where `isSessionSupported('immersive-vr')` says yes.
 */
import { isWeChat } from '../platform/platform';
import { useEffect } from 'react';
import { create } from 'zustand';

interface VrState {
  /** immersive-vr is supported here (and this is not WeChat's browser) */
  supported: boolean;
  /** the XR chunk has loaded and registered `enter` */
  enter: (() => Promise<void>) | null;
  presenting: boolean;
  /** the last attempt to enter failed (shown on the button's title and as a toast) */
  failed: boolean;
}

export const useVr = create<VrState>(() => ({ supported: false, enter: null, presenting: false, failed: false }));

/** what a test or bench reads (window.__ludao.vr) */
export interface VrProbe {
  presenting: boolean;
  /** where the view stands and turns (radians, three's rotation.y of the origin) */
  origin: { x: number; z: number; yaw: number };
  /** the booth whose card is open in the world, or null */
  panel: string | null;
  caption: string;
  /** the last trigger press: what it hit and what it did */
  lastPick: { kind: string; id?: string; x?: number; z?: number; action?: string; hit?: { x: number; y: number; z: number; object: string } } | null;
  /** input sources with a target ray this frame */
  rays: number;
}

/** Read per frame by scene code (no React): the headset is on, the view is first person. */
export const vrView = { presenting: false };

let probe: Promise<boolean> | null = null;

/** Asks the browser once per page whether an immersive-vr session can start. */
export function probeVrSupport(): Promise<boolean> {
  if (!probe) {
    const xr = typeof navigator !== 'undefined' ? (navigator as Navigator & { xr?: { isSessionSupported(mode: string): Promise<boolean> } }).xr : undefined;
    probe =
      !xr || isWeChat(navigator.userAgent)
        ? Promise.resolve(false)
        : xr.isSessionSupported('immersive-vr').then(
            (ok) => ok,
            () => false,
          );
  }
  return probe;
}

/** True once the browser said immersive-vr is supported; the hall then loads the XR chunk. */
export function useVrSupported(): boolean {
  const supported = useVr((s) => s.supported);
  useEffect(() => {
    let live = true;
    void probeVrSupport().then((ok) => {
      if (live && ok) useVr.setState({ supported: true });
    });
    return () => {
      live = false;
    };
  }, []);
  return supported;
}
