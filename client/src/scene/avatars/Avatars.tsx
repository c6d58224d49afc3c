/**
 * Everyone in the hall, the local player included: one instanced draw per outfit style
 * (3 for any crowd size, plus their shadow passes), and one draw for all name labels.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { AVATAR_STYLES } from '../../../../shared/constants';
import { getLayout, type HallId } from '../../../../shared/halls';
import { FRAME } from '../../controls/frameOrder';
import { useStore } from '../../store';
import { NameLabels } from '../labels/NameLabels';
import { TIERS } from '../quality/tiers';
import { AvatarBatch, type AvatarDraw } from './AvatarBatch';
import { crowd, syncCrowd, updateCrowd } from './crowd';
import { vrView } from '../../vr/vrState';

const draw: AvatarDraw = { x: 0, y: 0, z: 0, ry: 0, phase: 0, walk: 0, breath: 0, alpha: 1, r: 1, g: 1, b: 1 };
/** the walk value the avatar shader reads as "seated" (avatarMaterial.ts) */
const SEATED = -1;
/** a frame longer than this is a stall (tab in background): do not let the walk cycle leap */
const MAX_DT = 0.1;

export function Avatars({ hallId }: { hallId: HallId }) {
  const visitors = useStore((s) => s.visitors);
  const selfId = useStore((s) => s.sessionId);
  const layout = getLayout(hallId);
  const batches = useMemo(() => AVATAR_STYLES.map((_, i) => new AvatarBatch(i)), []);

  useEffect(() => () => batches.forEach((b) => b.dispose()), [batches]);
  useEffect(() => syncCrowd(visitors, selfId), [visitors, selfId]);
  // the e2e probe: who is drawn seated, and where (2D catalog visitors, issue #13)
  useEffect(() => {
    const probe = window.__ludao;
    if (!probe) return;
    probe.seatedDrawn = () => crowd.filter((m) => m.seated && m.placed).map((m) => ({ name: m.name, x: m.x, z: m.z }));
    return () => {
      delete probe.seatedDrawn;
    };
  }, []);

  useFrame(({ camera }, delta) => {
    updateCrowd(layout, performance.now(), Math.min(delta, MAX_DT));
    // lower quality tiers leave out avatars far from the camera (never the visitor's own)
    const far = TIERS[useStore.getState().quality].avatarDrawM;
    const far2 = far * far;
    const cam = camera.position;
    for (let i = 0; i < batches.length; i++) batches[i].begin();
    for (let i = 0; i < crowd.length; i++) {
      const m = crowd[i];
      // in a headset the view is the player's own eyes: their avatar would wrap the camera
      if (!m.placed || (m.self && vrView.presenting)) continue;
      if (!m.self && (m.x - cam.x) ** 2 + (m.z - cam.z) ** 2 > far2) continue;
      draw.x = m.x;
      draw.y = m.y;
      draw.z = m.z;
      draw.ry = m.ry;
      draw.phase = m.phase;
      // a negative walk blend is the seated pose (avatarMaterial.ts): 2D catalog visitors (issue #13)
      draw.walk = m.seated ? SEATED : m.walk;
      draw.breath = m.breath;
      draw.alpha = m.alpha;
      draw.r = m.rgb.r;
      draw.g = m.rgb.g;
      draw.b = m.rgb.b;
      (batches[m.style] ?? batches[0]).add(draw);
    }
    for (let i = 0; i < batches.length; i++) batches[i].end();
  }, FRAME.avatars);

  return (
    <group name="avatars">
      {batches.map((b) => (
        <primitive key={b.mesh.uuid} object={b.mesh} />
      ))}
      <NameLabels />
    </group>
  );
}
