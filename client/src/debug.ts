/**
 * A read-only probe on `window.__ludao` for e2e tests and benchmarks: where am I, where are the
 * others, what does the renderer draw. It exposes nothing a visitor could not see on screen.
 */
import { useStore } from './store';
import type { ProximityState } from './store/proximity';
import { input, localPlayer, reactionsInFlight, remotePoses, serverSelf } from './store/transient';
import { allDesks, type Desk } from './scene/proximity/desks';
import type { VoiceReport } from './scene/guide/speech';
import type { StageLotDrawn } from './ui/auction/stageLot';
import type { VrProbe } from './vr/vrState';
import { platformName } from './platform/platform';
import type { VoiceProbe } from './voice/engine';

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
  /** where the server last placed this visitor (its own pose patch), t = 0 before the first */
  serverSelf(): { x: number; z: number; t: number };
  remotes(): Record<string, { x: number; y: number; z: number }>;
  status(): string;
  /** the roster as the name tags show it: names, and the booth a staff member on duty stands for */
  roster(): { name: string; staff: string; seated: boolean }[];
  /** the figures the 3D view draws seated (2D catalog visitors, issue #13) and where; absent until the avatars mount */
  seatedDrawn?(): { name: string; x: number; z: number }[];
  /** reactions floating over booths right now (scene/booths/BoothReactions) */
  reactionsInFlight(): number;
  /** the walk-up machine: the desk the visitor stands at, the card open, the one closed by hand */
  proximity(): ProximityState;
  /** every desk a visitor can walk up to (booths, landmark hotspots), as circles on the floor */
  desks(): Desk[];
  /** where the camera looks (radians): keys walk relative to it */
  cameraYaw(): number;
  /** how far the camera stands from the player (m): wheel and pinch change it */
  cameraDistance(): number;
  render: RenderInfo | null;
  /** median ms to draw the current frame `frames` times, each waited for to completion (benches) */
  drawCost?(frames: number): number;
  /** the stage video and this page's server-clock estimate, read together (ui/stage/StageLayer; absent until it loads) */
  stage?(): StageProbe;
  /** what the hall's Q&A panel lists and what the stage card last drew (ui/qa/HallQa; absent until it loads) */
  qa?(): QaProbe;
  /** the hall's guide and this visitor's private tour (scene/guide/Guide; absent until its chunk loads) */
  guide?(): GuideProbe;
  /** the instance's public tour as this page draws it (ui/guide/group; absent until its chunk loads) */
  groupTour?(): GroupTourProbe;
  /**
   * reduced motion and the camera's follow (scene/camera/CameraRig; absent until it mounts): `lag` is
   * how far its aim trails the avatar now, `maxLag` the most since the last `motion(true)` (m)
   */
  motion?(reset?: boolean): { reduced: boolean; travel: 'instant' | 'eased'; lag: number; maxLag: number };
  /** the quality tier drawn now, the visitor's choice (auto or a tier), whether it is pinned, and the platform (scene/quality, platform/) */
  quality(): { tier: string; choice: string; pinned: boolean; platform: string };
  /** the VR view (vr/VrScene; absent until the XR chunk loads, which only happens where immersive-vr is supported) */
  vr?(): VrProbe;
  /** proximity voice (ui/voice, voice/; issue #13): status, mute, own mic level and each peer's connection, role, incoming level and volume */
  voice?(): VoiceProbe;
  /** the stamp passport as the server last sent it (ui/passport) */
  passport?(): { earned: string[]; souvenirs: { set: string; id: string }[]; guest: boolean };
}

export interface GuideProbe {
  /** the model is loaded and in the scene */
  loaded: boolean;
  error: string | null;
  /** ms from asking for the model (after the hall's first frame) to its first use */
  loadMs: number;
  /** the model file's fetch (resource timing): bytes and ms */
  file: { bytes: number; ms: number } | null;
  name: { zh: string; en: string };
  clip: string | null;
  /** where it stands and faces (forward is (sin yaw, cos yaw)) */
  position: { x: number; z: number; yaw: number } | null;
  /** the waypoint it walks to next, null when standing */
  next: { x: number; z: number } | null;
  /** head turned toward the visitor's camera */
  looking: boolean;
  /** the widest vowel morph weight now, 0..1 */
  mouth: number;
  /** the caption box's text (title and paragraphs), '' when none */
  caption: string;
  tour: { active: boolean; paused: boolean; phase: string; stop: number; stopId: string | null; told: number | null; count: number };
  /** the guide's own per-frame work (tour step, mixer, face, look), over the last 300 frames */
  update: { frames: number; meanMs: number; p95Ms: number };
  triangles: number;
  /** the guide's draw calls in the last frame (its mesh in each render pass: the view, the shadow map) */
  drawCalls: number;
  /** the guide's voice (scene/guide/speech.ts): the local voice chosen, or null fields for captions only */
  voice: VoiceReport | null;
  /** seconds into the mouth track and the syllable sounding, while the guide tells (-1 otherwise) */
  mouthT: number;
  syllable: number;
  /** the booth district the tour ends at, once the guide set off for it (scene/guide/tourEnd.ts) */
  end: { slots: string[]; spot: { x: number; z: number }; nearSlot: string } | null;
}

/** The public tour (issue #12, group tours) as this page shows it, on the server's clock. */
export interface GroupTourProbe {
  tour: { id: string; mode: 'guide' | 'host'; hostId: string; hostName: string; stop: number; session: string | null } | null;
  phase: 'walking' | 'telling' | null;
  /** the stop whose caption shows (null while the guide walks) */
  told: number | null;
  tellT: number;
  /** where the public guide is on its leg (guide mode) */
  guide: { x: number; z: number } | null;
  /** where followers walk after: the guide, or the host's avatar */
  leader: { x: number; z: number } | null;
  following: boolean;
  /** a walk after the leader (or to a gathering) is under way */
  walking: boolean;
  offer: { x: number; z: number; by: string } | null;
  canLead: boolean;
  /** the box's caption text */
  caption: string;
}

export interface QaProbe {
  /** the session the questions are for; '' when none is on stage */
  sessionId: string;
  approved: string[];
  pending: string[];
  /** the questions the 3D stage card drew last (empty while a video plays on the screen) */
  card: string[];
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
  /** the auction lot the card drew last (issue #12), null while it shows none */
  auction: StageLotDrawn | null;
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
    serverSelf: () => ({ x: serverSelf.x, z: serverSelf.z, t: serverSelf.t }),
    roster: () => Object.values(useStore.getState().visitors).map((v) => ({ name: v.name, staff: v.staff, seated: v.seated })),
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
    cameraDistance: () => input.cameraDistance,
    quality: () => {
      const { quality, qualityChoice, qualityPinned } = useStore.getState();
      return { tier: quality, choice: qualityChoice, pinned: qualityPinned, platform: platformName() };
    },
    render: null,
  };
}
