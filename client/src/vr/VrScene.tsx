/**
 * The hall in a headset (issue #13): a lazy chunk, loaded only where immersive-vr is supported
 * (vrState.ts), so no visitor without WebXR pays for @react-three/xr.
 *
 * - The view stands where the local player stands (first person; the own avatar is hidden).
 * - Teleport: the trigger on a ray at walkable ground. The view jumps there at once, and the local
 *   player walks the planned way (controls/walkTo) at walking speed, so the server receives ordinary
 *   moves and clamps them as it clamps every move; others see the visitor walk there.
 * - Snap turn: the thumbstick left/right turns the view 30°.
 * - The trigger on a booth opens its card in the world (vrPanels.ts) with its main actions.
 * - Stage captions and the guide's words show on a strip below the view (DOM is not visible in VR).
 *
 * The controllers are drawn as plain rays (no controller models: those would load from a CDN) and
 * @react-three/xr's own pointers are off: picking is one raycast on each trigger press.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { XR, XROrigin, createXRStore, useXR } from '@react-three/xr';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as THREE from 'three';
import { create } from 'zustand';
import { getLayout, type HallId } from '../../../shared/halls';
import { groundHeight } from '../../../shared/layout';
import { FRAME } from '../controls/frameOrder';
import { walkDestination, walkTo } from '../controls/walkTo';
import { pick } from '../i18n/pick';
import { allDesks } from '../scene/proximity/desks';
import { useStore } from '../store';
import { localPlayer } from '../store/transient';
import { useAskStaff } from '../ui/askStaff/askStaffStore';
import { useBoothRequests } from '../ui/booth/boothRequests';
import { stopCaption } from '../ui/guide/tourScript';
import { useTour } from '../ui/guide/tourStore';
import { NS } from './locales';
import { BoothCard, CaptionStrip, type BoothAction } from './vrPanels';
import { classifyHit, snapTurn, type SnapState } from './vrPick';
import { useVr, vrView, type VrProbe } from './vrState';

const store = createXRStore({
  emulate: false,
  offerSession: false,
  enterGrantedSession: false,
  controller: false,
  hand: false,
  gaze: false,
  screenInput: false,
  transientPointer: false,
  handTracking: false,
});

/** the booth whose card is open in the world (one at a time) */
const useVrPanel = create<{ boothId: string | null }>(() => ({ boothId: null }));

const probe: VrProbe = { presenting: false, origin: { x: 0, z: 0, yaw: 0 }, panel: null, caption: '', lastPick: null, rays: 0 };

export default function VrScene({ hallId }: { hallId: HallId }) {
  useTranslation(NS); // registers the namespace (the button's words) with the chunk
  useEffect(() => {
    useVr.setState({
      enter: async () => {
        const session = await store.enterVR();
        if (!session) throw new Error('no session');
      },
    });
    const p = window.__ludao;
    if (p) p.vr = () => probe;
    return () => {
      useVr.setState({ enter: null, presenting: false });
      void store.getState().session?.end();
      if (p) delete p.vr;
    };
  }, []);
  return (
    <XR store={store}>
      <VrWorld hallId={hallId} />
    </XR>
  );
}

function VrWorld({ hallId }: { hallId: HallId }) {
  const session = useXR((s) => s.session);
  useEffect(() => {
    vrView.presenting = !!session;
    probe.presenting = !!session;
    useVr.setState({ presenting: !!session });
    if (!session) useVrPanel.setState({ boothId: null });
    return () => {
      vrView.presenting = false;
      probe.presenting = false;
    };
  }, [session]);
  return session ? <InSession hallId={hallId} session={session} /> : null;
}

const HANDS = ['left', 'right', 'none'] as const;
type Hand = (typeof HANDS)[number];
const RAY_M = 8;
const CAPTION_AHEAD_M = 1.3;
const CAPTION_BELOW_M = 0.42;
const PANEL_AHEAD_M = 1.6;

const m4 = new THREE.Matrix4();
/** the headset in world space, last frame */
const head = new THREE.Matrix4();
const camPos = new THREE.Vector3();
const camDir = new THREE.Vector3();
const goal = new THREE.Vector3();
const raycaster = new THREE.Raycaster();

function InSession({ hallId, session }: { hallId: HallId; session: XRSession }) {
  const layout = getLayout(hallId);
  const { t, i18n } = useTranslation(NS);
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const origin = useRef<THREE.Group>(null);
  const ui = useRef<THREE.Group>(null);
  const yaw = useRef(localPlayer.ry + Math.PI);
  const snaps = useMemo(() => ({ left: { armed: true }, right: { armed: true }, none: { armed: true } }) as Record<Hand, SnapState>, []);
  const rays = useMemo(() => {
    const geo = new THREE.BoxGeometry(0.006, 0.006, RAY_M).translate(0, 0, -RAY_M / 2);
    const mat = new THREE.MeshBasicMaterial({ color: '#7fd6cf', transparent: true, opacity: 0.75 });
    const out = {} as Record<Hand, THREE.Mesh>;
    for (const h of HANDS) {
      const m = new THREE.Mesh(geo, mat);
      m.matrixAutoUpdate = false;
      m.visible = false;
      out[h] = m;
    }
    return out;
  }, []);
  const booth = useMemo(() => new BoothCard(), []);
  const captions = useMemo(() => new CaptionStrip(), []);
  const panel = useRef<string | null>(null);
  useEffect(
    () => () => {
      booth.dispose();
      captions.dispose();
      rays.left.geometry.dispose();
      (rays.left.material as THREE.Material).dispose();
    },
    [booth, captions, rays],
  );

  const lang = i18n.language;
  // the booth card's text follows the booth (an exhibitor's edit, staff going on duty) and the language
  const openId = useVrPanel((s) => s.boothId);
  const b = useStore((s) => (openId ? s.booths[openId] : undefined));
  useEffect(() => {
    panel.current = b ? b.id : null;
    probe.panel = panel.current;
    booth.mesh.visible = !!b;
    if (!b) return;
    booth.draw({
      title: pick(b.title, lang),
      exhibitor: t('booth.exhibitor', { name: pick(b.exhibitor.name, lang) }),
      staff: b.staffOnDuty ? t('booth.staffOn') : t('booth.staffOff'),
      staffOn: b.staffOnDuty,
      productsLabel: t('booth.products'),
      products: b.products.length ? b.products.map((p) => pick(p.name, lang)) : [t('booth.noProducts')],
      hint: t('booth.onScreen'),
      buttons: [
        { action: 'leaveCard', label: t('booth.leaveCard') },
        { action: 'askStaff', label: t('booth.askStaff') },
        { action: 'meeting', label: t('booth.meeting') },
        { action: 'close', label: t('booth.close') },
      ],
    });
  }, [b, lang, t, booth, openId]);

  // Place a freshly opened card in front of the viewer, facing them (world-locked: it stays put).
  useEffect(() => {
    if (!openId) return;
    const cam = gl.xr.getCamera();
    eyes(cam);
    camDir.y = 0;
    if (camDir.lengthSq() < 1e-6) camDir.set(0, 0, -1);
    camDir.normalize();
    booth.mesh.position.copy(camPos).addScaledVector(camDir, PANEL_AHEAD_M);
    booth.mesh.position.y = camPos.y - 0.15;
    booth.mesh.lookAt(camPos.x, booth.mesh.position.y, camPos.z);
  }, [openId, gl, booth]);

  useEffect(() => {
    const act = (action: BoothAction, id: string) => {
      const s = useStore.getState();
      useVrPanel.setState({ boothId: null });
      if (action === 'close') return;
      // These flows ask for typing and, for a card, a consent notice to read: they continue in the
      // hall's own panels on the screen, so VR ends and the booth panel opens with the flow.
      s.openBoothPanel(id, 'click');
      if (action === 'leaveCard') useBoothRequests.getState().requestLeaveCard(id);
      if (action === 'askStaff') useAskStaff.getState().open(id);
      void session.end();
    };
    const onSelect = (e: XRInputSourceEvent) => {
      const hand = (e.inputSource.handedness || 'none') as Hand;
      const ray = rays[hand];
      if (!ray?.visible) return;
      raycaster.ray.origin.setFromMatrixPosition(ray.matrix);
      raycaster.ray.direction.set(0, 0, -1).transformDirection(ray.matrix);
      raycaster.far = 80;
      raycaster.camera = gl.xr.getCamera();
      // the open card first: its buttons
      if (panel.current && booth.mesh.visible) {
        const hit = raycaster.intersectObject(booth.mesh, false)[0];
        if (hit?.uv) {
          const action = booth.actionAt(hit.uv);
          probe.lastPick = { kind: 'panel', id: panel.current, action: action ?? undefined };
          if (action) act(action, panel.current);
          return;
        }
      }
      const hit = firstSceneHit(scene, ui.current);
      if (!hit) {
        probe.lastPick = { kind: 'none' };
        return;
      }
      const what = classifyHit(layout, allDesks, hit.point);
      probe.lastPick = { ...what, hit: { x: hit.point.x, y: hit.point.y, z: hit.point.z, object: hit.object.name } };
      if (what.kind === 'booth') useVrPanel.setState({ boothId: what.id });
      else if (what.kind === 'walk') walkTo(layout, what);
    };
    session.addEventListener('select', onSelect);
    return () => session.removeEventListener('select', onSelect);
  }, [session, rays, booth, gl, scene, layout]);

  // Captions: the stage's cue, else the guide's words at the stop it tells.
  const caption = useRef({ told: -2, lang: '', text: '' });
  const labels = useMemo(() => ({ stage: t('captions.stage'), guide: t('captions.guide') }), [t]);

  useFrame((_, __, frame) => {
    const o = origin.current;
    if (!o || !localPlayer.ready) return;
    // the view stands where a teleport is headed (the walk there is the server's business), else on the player
    const at = walkDestination() ?? localPlayer;
    const ref = gl.xr.getReferenceSpace();
    let rayCount = 0;
    for (const src of session.inputSources) {
      const hand = (src.handedness || 'none') as Hand;
      const pad = src.gamepad;
      if (pad && pad.axes.length >= 2) yaw.current += snapTurn(snaps[hand], pad.axes.length >= 4 ? pad.axes[2] : pad.axes[0]);
    }
    o.position.set(at.x, groundHeight(layout, at.x, at.z), at.z);
    o.rotation.set(0, yaw.current, 0);
    o.updateMatrixWorld();
    probe.origin.x = at.x;
    probe.origin.z = at.z;
    probe.origin.yaw = yaw.current;
    for (const h of HANDS) rays[h].visible = false;
    const viewer = frame && ref ? frame.getViewerPose(ref) : undefined;
    if (viewer) head.multiplyMatrices(o.matrixWorld, m4.fromArray(viewer.transform.matrix));
    if (frame && ref) {
      for (const src of session.inputSources) {
        const hand = (src.handedness || 'none') as Hand;
        const pose = frame.getPose(src.targetRaySpace, ref);
        const ray = rays[hand];
        if (!pose || !ray) continue;
        m4.fromArray(pose.transform.matrix);
        ray.matrix.multiplyMatrices(o.matrixWorld, m4);
        ray.matrixWorldNeedsUpdate = true;
        ray.visible = true;
        rayCount++;
      }
    }
    probe.rays = rayCount;

    // the caption strip rides below the view, eased so head jitter does not shake the words
    const stageText = useStore.getState().stageCaption;
    const tour = useTour.getState();
    const told = tour.active && tour.told !== null ? tour.told : -1;
    const c = caption.current;
    if (!stageText && (told !== c.told || lang !== c.lang)) {
      c.told = told;
      c.lang = lang;
      const sc = told >= 0 ? stopCaption(layout, told, lang) : null;
      c.text = sc ? [sc.title, ...sc.paragraphs].filter(Boolean).join(' · ') : '';
    }
    const text = stageText || c.text;
    if (stageText) c.told = -2;
    captions.draw(stageText ? labels.stage : labels.guide, text);
    probe.caption = text;
    if (text) {
      const cam = gl.xr.getCamera();
      eyes(cam);
      camDir.y = 0;
      if (camDir.lengthSq() < 1e-6) camDir.set(0, 0, -1);
      camDir.normalize();
      goal.copy(camPos).addScaledVector(camDir, CAPTION_AHEAD_M);
      goal.y = camPos.y - CAPTION_BELOW_M;
      captions.mesh.position.lerp(goal, captions.mesh.position.distanceToSquared(goal) > 4 ? 1 : 0.15);
      captions.mesh.lookAt(camPos.x, camPos.y - CAPTION_BELOW_M * 0.5, camPos.z);
    }
  }, FRAME.localMotion + 5);

  return (
    <>
      <XROrigin ref={origin} />
      <group ref={ui} name="vr-ui">
        {HANDS.map((h) => (
          <primitive key={h} object={rays[h]} />
        ))}
        <primitive object={booth.mesh} />
        <primitive object={captions.mesh} />
      </group>
    </>
  );
}

/**
 * Where the eyes are and look (camPos, camDir): the viewer pose of the last frame placed by the
 * origin (`head`, kept in useFrame), the same math as the controller rays. The XR camera object's
 * own position is not kept up to date in a session, so getWorldPosition would be stale.
 */
function eyes(_cam: THREE.Camera): void {
  camPos.setFromMatrixPosition(head);
  camDir.setFromMatrixColumn(head, 2).negate();
}

const hits: THREE.Intersection[] = [];

/** The nearest visible mesh the ray meets, leaving out the VR panels and rays and the avatars' crowd. */
function firstSceneHit(scene: THREE.Scene, skip: THREE.Object3D | null): THREE.Intersection | null {
  hits.length = 0;
  raycaster.intersectObjects(scene.children, true, hits);
  for (const h of hits) {
    if (!(h.object as THREE.Mesh).isMesh || !visibleChain(h.object, skip)) continue;
    return h;
  }
  return null;
}

function visibleChain(o: THREE.Object3D | null, skip: THREE.Object3D | null): boolean {
  for (let p = o; p; p = p.parent) {
    if (!p.visible || p === skip || p.name === 'avatars') return false;
  }
  return true;
}
