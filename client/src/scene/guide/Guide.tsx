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
import { stepPublicGuide } from './publicTourDriver';
import { refineTrack, syllableAt } from './lipSync';
import { loadPinyin } from './pinyinLoad';
import { GuideVoice } from './speech';
import { boothDistrict } from './tourEnd';
import { useTourEnd } from '../../ui/guide/tourEndStore';

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
  voice: null as GuideVoice | null,
  /** the guide's draws (its mesh's render and shadow passes) counted this frame, and in the last whole one */
  draws: 0,
  drawsLast: 0,
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
    drawCalls: live.drawsLast,
    voice: live.voice?.report() ?? null,
    mouthT: d?.track && d.mouthTime(tour) >= 0 ? d.speechT : -1,
    syllable: d?.track && d.mouthTime(tour) >= 0 ? syllableAt(d.track, d.speechT) : -1,
    end: useTourEnd.getState().district,
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

/** What the public guide says at a stop, in this visitor's language (the same text as the private tour's). */
function sayPublic(stop: number): string {
  const layout = live.layout;
  const c = layout ? stopCaption(layout, stop, i18n.language) : null;
  return c ? spokenText(c) : '';
}

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

  // the voice (speech.ts), the booth district the tour ends at (tourEnd.ts), and the pinyin for the mouth, fetched when a tour starts
  useEffect(() => {
    const voice = new GuideVoice(() => i18n.language);
    live.voice = voice;
    driver.voice = voice;
    driver.endSpot = (from) => {
      const placed = new Set(Object.values(useStore.getState().booths).flatMap((b) => (b.slotId ? [b.slotId] : [])));
      const district = boothDistrict(layout, from, placed);
      useTourEnd.setState({ district });
      return district?.spot ?? null;
    };
    const relang = () => voice.relang();
    i18n.on('languageChanged', relang);
    const onTour = (s: { active: boolean; run: number }, prev: { active: boolean; run: number }) => {
      if (s.run !== prev.run) useTourEnd.setState({ district: null });
      if (s.active && !prev.active)
        void loadPinyin().then((ok) => {
          if (ok && driver.track) refineTrack(driver.track);
        });
    };
    const unsubscribe = useTour.subscribe(onTour);
    if (useTour.getState().active) onTour(useTour.getState(), { active: false, run: useTour.getState().run });
    return () => {
      unsubscribe();
      i18n.off('languageChanged', relang);
      driver.voice = null;
      driver.endSpot = null;
      voice.dispose();
      if (live.voice === voice) live.voice = null;
    };
  }, [driver, layout]);

  // the guide's real draw calls: its mesh is drawn once per render pass it is in (the view, the shadow map)
  useEffect(() => {
    const mesh = rig.mesh;
    if (!mesh) return;
    const count = () => void live.draws++;
    mesh.onBeforeRender = count;
    mesh.onBeforeShadow = count;
    return () => {
      mesh.onBeforeRender = () => {};
      mesh.onBeforeShadow = () => {};
    };
  }, [rig]);

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
    live.drawsLast = live.draws;
    live.draws = 0;
    const dt = Math.min(delta, 0.25);
    const tour = useTour.getState();
    let v: Visitor | null = null;
    if (localPlayer.ready) {
      visitor.x = localPlayer.x;
      visitor.z = localPlayer.z;
      visitor.ry = localPlayer.ry;
      v = visitor;
    }
    // a public tour the guide leads puts her where the server's timeline has her (issue #12, group tours)
    const pub = stepPublicGuide(layout, dt, v, sayPublic);
    if (!pub) driver.step(dt, v, tour);
    const d = pub ?? driver;
    g.position.set(d.x, groundHeight(layout, d.x, d.z), d.z);
    g.rotation.y = d.yaw;
    g.updateMatrixWorld();
    rig.play(d.clip, d.clip === 'walk' ? WALK_SPEED / WALK_CLIP_SPEED : 1);
    // the visitor near (their avatar, else the camera itself in a pinned view): she looks at their eye, the camera
    const cam = state.camera.position;
    const near = v ? Math.hypot(v.x - d.x, v.z - d.z) < LOOK_NEAR : Math.hypot(cam.x - d.x, cam.z - d.z) < LOOK_NEAR;
    rig.update(dt, near ? cam : null, d.track, d.mouthTime(tour));
    live.costs[live.costN++ % COST_FRAMES] = performance.now() - t0;
  });

  return (
    <group ref={group} name="guide">
      <primitive object={gltf.scene} />
    </group>
  );
}
