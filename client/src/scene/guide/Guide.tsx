/**
 * The hall's digital-human guide (issue #12): a lazy chunk of the hall, whose model is fetched only
 * once the hall has drawn its first frame. It stands at the first tour stop facing the arrivals,
 * greets and looks at a visitor who comes near, and runs this visitor's private tour (ui/guide).
 * One skinned primitive: one draw call. Answers `window.__ludao.guide()` for tests and benches.
 */
import { useFrame, useLoader } from '@react-three/fiber';
import { Component, Suspense, useEffect, useMemo, useRef, type ReactNode } from 'react';
import * as THREE from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { getLayout, type HallId } from '../../../../shared/halls';
import { groundHeight, type HallLayout } from '../../../../shared/layout';
import type { GuideProbe } from '../../debug';
import i18n from '../../i18n';
import { useStore } from '../../store';
import { localPlayer } from '../../store/transient';
import { stopCaption, spokenText } from '../../ui/guide/tourScript';
import { useTour } from '../../ui/guide/tourStore';
import { GUIDE_FILES } from './guideFiles';
import { GuideRig, LOOK_NEAR } from './guideRig';
import { homeSpot, TourDriver, WALK_SPEED, type Visitor } from './tourDriver';

/** `walk` is one cycle (two steps) a second, made for about 1 m/s: played faster to match the pace */
const WALK_CLIP_SPEED = 1.0;
/** frames the update cost is averaged over */
const COST_FRAMES = 300;

/** What the probe reads: written by the loaded guide each frame, plain values only. */
const live = {
  loaded: false,
  error: null as string | null,
  /** performance.now() when the hall was drawn and the model asked for, and when it was in the scene */
  askedAt: 0,
  loadMs: 0,
  url: '',
  driver: null as TourDriver | null,
  rig: null as GuideRig | null,
  layout: null as HallLayout | null,
  costs: new Float64Array(COST_FRAMES),
  costN: 0,
};

class Quiet extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(err: unknown) {
    live.error = err instanceof Error ? err.message : String(err);
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function captionText(layout: HallLayout | null): string {
  const { told } = useTour.getState();
  if (!layout || told === null) return '';
  const c = stopCaption(layout, told, i18n.language);
  return c ? [c.title, ...c.paragraphs].filter(Boolean).join('\n') : '';
}

/** The model file's fetch as the browser timed it: bytes over the wire and ms. */
function fileTiming(url: string): { bytes: number; ms: number } | null {
  if (!url) return null;
  const abs = new URL(url, window.location.href).href;
  const e = performance.getEntriesByName(abs)[0] as PerformanceResourceTiming | undefined;
  return e ? { bytes: e.encodedBodySize || e.transferSize, ms: e.duration } : null;
}

function probe(): GuideProbe {
  const tour = useTour.getState();
  const d = live.driver;
  const n = Math.min(live.costN, COST_FRAMES);
  const sorted = Array.from(live.costs.subarray(0, n)).sort((a, b) => a - b);
  const stops = live.layout?.tourStops ?? [];
  return {
    loaded: live.loaded,
    error: live.error,
    loadMs: live.loadMs,
    file: fileTiming(live.url),
    name: live.rig?.names ?? { zh: '', en: '' },
    clip: live.rig?.clip ?? null,
    position: d ? { x: d.x, z: d.z, yaw: d.yaw } : null,
    next: d?.remaining()[0] ? { ...d.remaining()[0] } : null,
    looking: live.rig?.looking ?? false,
    mouth: live.rig?.mouthOpen() ?? 0,
    caption: captionText(live.layout),
    tour: {
      active: tour.active,
      paused: tour.paused,
      phase: tour.phase,
      stop: tour.stop,
      stopId: stops[tour.stop]?.id ?? null,
      told: tour.told,
      count: tour.count,
    },
    update: { frames: n, meanMs: n ? sorted.reduce((a, b) => a + b, 0) / n : 0, p95Ms: n ? sorted[Math.floor(n * 0.95)] : 0 },
    triangles: live.rig?.mesh?.geometry.index ? live.rig.mesh.geometry.index.count / 3 : 0,
  };
}

export default function Guide({ hallId }: { hallId: HallId }) {
  const drawn = useStore((s) => s.hallDrawn);
  useEffect(() => {
    const p = window.__ludao;
    if (!p) return;
    p.guide = probe;
    return () => {
      if (p.guide === probe) delete p.guide;
    };
  }, []);
  // a tour belongs to one hall: leaving it ends the tour
  useEffect(() => () => useTour.getState().end(), [hallId]);
  useEffect(() => {
    if (drawn) live.askedAt = performance.now();
  }, [drawn]);
  // the model waits for the hall's first frame: it never delays it
  if (!drawn) return null;
  return (
    <Quiet>
      <Suspense fallback={null}>
        <LoadedGuide hallId={hallId} />
      </Suspense>
    </Quiet>
  );
}

const visitor: Visitor = { x: 0, z: 0, ry: 0 };

function LoadedGuide({ hallId }: { hallId: HallId }) {
  const url = GUIDE_FILES[hallId];
  const gltf = useLoader(GLTFLoader, url);
  const layout = getLayout(hallId);
  const group = useRef<THREE.Group>(null);
  const rig = useMemo(() => new GuideRig(gltf.scene, gltf.animations), [gltf]);
  const driver = useMemo(
    () =>
      new TourDriver(layout, homeSpot(layout), (stop) => {
        const c = stopCaption(layout, stop, i18n.language);
        return c ? spokenText(c) : '';
      }),
    [layout],
  );

  useEffect(() => {
    live.loaded = true;
    live.error = null;
    live.loadMs = performance.now() - live.askedAt;
    live.url = url;
    live.rig = rig;
    live.driver = driver;
    live.layout = layout;
    live.costN = 0;
    useTour.getState().setCount(layout.tourStops.length);
    useTour.getState().setGuide(rig.names);
    return () => {
      live.loaded = false;
      live.rig = null;
      live.driver = null;
      rig.dispose();
    };
  }, [rig, driver, layout, url]);

  useFrame((state, delta) => {
    const g = group.current;
    if (!g) return;
    const t0 = performance.now();
    const dt = Math.min(delta, 0.25);
    const tour = useTour.getState();
    let v: Visitor | null = null;
    if (localPlayer.ready) {
      visitor.x = localPlayer.x;
      visitor.z = localPlayer.z;
      visitor.ry = localPlayer.ry;
      v = visitor;
    }
    driver.step(dt, v, tour);
    g.position.set(driver.x, groundHeight(layout, driver.x, driver.z), driver.z);
    g.rotation.y = driver.yaw;
    g.updateMatrixWorld();
    rig.play(driver.clip, driver.clip === 'walk' ? WALK_SPEED / WALK_CLIP_SPEED : 1);
    // the visitor near (their avatar, else the camera itself in a pinned view): she looks at their eye, the camera
    const cam = state.camera.position;
    const near = v ? Math.hypot(v.x - driver.x, v.z - driver.z) < LOOK_NEAR : Math.hypot(cam.x - driver.x, cam.z - driver.z) < LOOK_NEAR;
    rig.update(dt, near ? cam : null, driver.track, driver.mouthTime(tour));
    live.costs[live.costN++ % COST_FRAMES] = performance.now() - t0;
  });

  return (
    <group ref={group} name="guide">
      <primitive object={gltf.scene} />
    </group>
  );
}
