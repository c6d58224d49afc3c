/**
 * A read-only probe on `window.__ludao` for e2e tests and benchmarks: where am I, where are the
 * others, what does the renderer draw. It exposes nothing a visitor could not see on screen.
 */
import { useStore } from './store';
import type { ProximityState } from './store/proximity';
import { input, localPlayer, reactionsInFlight, remotePoses } from './store/transient';
import { allDesks, type Desk } from './scene/proximity/desks';

export interface RenderInfo {
  calls: number;
  triangles: number;
  geometries: number;
  textures: number;
  /** median frame time over the last second, ms */
  frameMs: number;
}

export interface LudaoProbe {
  self(): { x: number; y: number; z: number; ry: number; ready: boolean };
  remotes(): Record<string, { x: number; y: number; z: number }>;
  status(): string;
  /** the roster as the name tags show it: names, and the booth a staff member on duty stands for */
  roster(): { name: string; staff: string }[];
  /** reactions floating over booths right now (scene/booths/BoothReactions) */
  reactionsInFlight(): number;
  /** the walk-up machine: the desk the visitor stands at, the card open, the one closed by hand */
  proximity(): ProximityState;
  /** every desk a visitor can walk up to (booths, landmark hotspots), as circles on the floor */
  desks(): Desk[];
  /** where the camera looks (radians): keys walk relative to it */
  cameraYaw(): number;
  render: RenderInfo | null;
  /** median ms to draw the current frame `frames` times, each waited for to completion (benches) */
  drawCost?(frames: number): number;
  /** the stage video and this page's server-clock estimate, read together (ui/stage/StageLayer; absent until it loads) */
  stage?(): StageProbe;
}

export interface StageProbe {
  sessionId: string | null;
  phase: 'none' | 'before' | 'on' | 'after';
  startsAt: number | null;
  /** this page's estimate of the server's time, ms since epoch */
  serverNow: number;
  currentTime: number;
  paused: boolean;
  rate: number;
  muted: boolean;
  volume: number;
  readyState: number;
  offsetMs: number;
  rttMs: number | null;
  clockSamples: number;
  caption: string;
  /** a live session's stream state (connecting, playing, waiting, unsupported), null when none plays */
  live: string | null;
  /** video frames decoded so far (the stage plays when this advances) */
  framesDecoded: number;
  /** what the 3D screen shows now: the video as a texture, or the title card */
  screen: 'video' | 'card';
}

declare global {
  interface Window {
    __ludao?: LudaoProbe;
    /** set by a test or bench (page.addInitScript) that reads the canvas' pixels */
    __ludaoCapture?: boolean;
  }
}

/**
 * Whether a test or bench will read the canvas back (screenshots, pixel checks): `?capture=1` or
 * `window.__ludaoCapture`. Only then is the drawing buffer preserved, which costs real GPUs a copy
 * per frame.
 */
export function captureRequested(): boolean {
  return window.__ludaoCapture === true || new URLSearchParams(window.location.search).get('capture') === '1';
}

export function installProbe(): void {
  window.__ludao = {
    self: () => ({ x: localPlayer.x, y: localPlayer.y, z: localPlayer.z, ry: localPlayer.ry, ready: localPlayer.ready }),
    roster: () => Object.values(useStore.getState().visitors).map((v) => ({ name: v.name, staff: v.staff })),
    reactionsInFlight: () => reactionsInFlight.n,
    remotes: () => {
      const out: Record<string, { x: number; y: number; z: number }> = {};
      for (const [id, buf] of remotePoses) {
        const s = buf.latest();
        if (s) out[id] = { x: s.x, y: s.y, z: s.z };
      }
      return out;
    },
    status: () => useStore.getState().status,
    proximity: () => {
      const { near, card, dismissed } = useStore.getState();
      return { near, card, dismissed };
    },
    desks: () => allDesks.map((d) => ({ ...d })),
    cameraYaw: () => input.cameraYaw,
    render: null,
  };
}
