/**
 * A small "speaking" sprite over the head of everyone heard speaking in proximity voice (issue
 * #13), the own avatar too while the mic sends. Part of the voice chunk: mounted in the canvas only
 * while voice is on. One shared texture (sound waves on a green disc); sprites follow the drawn
 * avatars (scene/avatars/crowd.ts) above their name tags, and pulse gently.
 */
import { useEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import * as THREE from 'three';
import { crowd } from '../scene/avatars/crowd';
import { LABEL_HEIGHT } from '../scene/avatars/avatarParts';
import { FRAME } from '../controls/frameOrder';
import { useVoice } from '../ui/voice/voiceStore';
import { drawnIndicators } from './engine';
import { VOICE_MAX_PEERS, VOICE_STAGE_LISTENERS } from '../../../shared/voice';

/** above the name tag */
const LIFT_M = 0.42;
const SIZE_M = 0.34;
const POOL = VOICE_STAGE_LISTENERS + VOICE_MAX_PEERS + 1;

function waveTexture(): THREE.CanvasTexture {
  const c = document.createElement('canvas');
  c.width = 64;
  c.height = 64;
  const g = c.getContext('2d')!;
  g.fillStyle = 'rgba(21, 128, 61, 0.95)';
  g.beginPath();
  g.arc(32, 32, 30, 0, Math.PI * 2);
  g.fill();
  g.strokeStyle = '#ffffff';
  g.lineCap = 'round';
  g.lineWidth = 5;
  // three bars of a level meter: short, tall, short
  for (const [x, h] of [
    [20, 10],
    [32, 20],
    [44, 10],
  ] as const) {
    g.beginPath();
    g.moveTo(x, 32 - h);
    g.lineTo(x, 32 + h);
    g.stroke();
  }
  const t = new THREE.CanvasTexture(c);
  t.colorSpace = THREE.SRGBColorSpace;
  return t;
}

export default function SpeakingIndicators() {
  const material = useMemo(() => new THREE.SpriteMaterial({ map: waveTexture(), transparent: true, depthWrite: false }), []);
  // plain three objects (the hall registers only the JSX elements it uses: threeCatalogue.ts)
  // a fixed pool: at most the peers one can hear (stage listeners included) and oneself speak at once
  const group = useMemo(() => {
    const g = new THREE.Group();
    g.name = 'voice-speaking';
    for (let i = 0; i < POOL; i++) {
      const sprite = new THREE.Sprite(material);
      sprite.raycast = () => {};
      sprite.visible = false;
      g.add(sprite);
    }
    return g;
  }, [material]);
  useEffect(
    () => () => {
      group.clear();
      drawnIndicators.n = 0;
      material.map?.dispose();
      material.dispose();
    },
    [group, material],
  );
  useFrame(({ clock }) => {
    const speaking = useVoice.getState().speaking;
    let n = 0;
    for (let i = 0; i < crowd.length; i++) {
      const m = crowd[i];
      if (!m.placed || !speaking.has(m.id)) continue;
      if (n === POOL) break;
      const s = group.children[n] as THREE.Sprite;
      s.visible = true;
      const pulse = 1 + 0.12 * Math.sin(clock.elapsedTime * 9 + i);
      s.scale.set(SIZE_M * pulse, SIZE_M * pulse, 1);
      s.position.set(m.x, m.y + (LABEL_HEIGHT[m.style as 0 | 1 | 2] ?? LABEL_HEIGHT[0]) + LIFT_M, m.z);
      n++;
    }
    for (let i = n; i < group.children.length; i++) group.children[i].visible = false;
    drawnIndicators.n = n;
  }, FRAME.labels);
  return <primitive object={group} />;
}
