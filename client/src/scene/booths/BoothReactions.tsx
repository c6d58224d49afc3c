/**
 * Reactions at booths float up over the booth in every instance of the hall: a heart for a like,
 * a raised question mark for "I have a question". Up to 24 at once from one pool of sprites (two
 * shared textures drawn on a canvas, so no emoji font is needed); each rises 2.5 m and fades in
 * 2.4 s. Nothing is drawn while none are in flight.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { getLayout, type HallId } from '../../../../shared/halls';
import { SLOT_RADIUS } from '../../../../shared/layout';
import { boothReactions, reactionsInFlight } from '../../store/transient';

const POOL = 24;
const LIFE_MS = 2400;
const RISE_M = 2.5;

function iconTexture(kind: 'like' | 'question'): THREE.CanvasTexture {
  const c = document.createElement('canvas');
  c.width = c.height = 64;
  const g = c.getContext('2d')!;
  g.fillStyle = kind === 'like' ? '#d6336c' : '#0d3b57';
  g.strokeStyle = '#ffffff';
  g.lineWidth = 4;
  if (kind === 'like') {
    g.beginPath();
    g.moveTo(32, 54);
    g.bezierCurveTo(6, 36, 6, 12, 22, 12);
    g.bezierCurveTo(28, 12, 32, 18, 32, 22);
    g.bezierCurveTo(32, 18, 36, 12, 42, 12);
    g.bezierCurveTo(58, 12, 58, 36, 32, 54);
    g.fill();
    g.stroke();
  } else {
    g.beginPath();
    g.arc(32, 32, 26, 0, Math.PI * 2);
    g.fill();
    g.stroke();
    g.fillStyle = '#ffffff';
    g.font = '700 40px sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('?', 32, 34);
  }
  const t = new THREE.CanvasTexture(c);
  t.colorSpace = THREE.SRGBColorSpace;
  return t;
}

export function BoothReactions({ hallId }: { hallId: HallId }) {
  const slots = useMemo(() => new Map(getLayout(hallId).boothSlots.map((s) => [s.id, s])), [hallId]);
  const pool = useMemo(() => {
    const tex = { like: iconTexture('like'), question: iconTexture('question') };
    const mats = {
      like: new THREE.SpriteMaterial({ map: tex.like, transparent: true, depthWrite: false }),
      question: new THREE.SpriteMaterial({ map: tex.question, transparent: true, depthWrite: false }),
    };
    const group = new THREE.Group();
    group.name = 'booth-reactions';
    const items = Array.from({ length: POOL }, () => {
      // each sprite owns a material copy so it can fade on its own
      const s = new THREE.Sprite(mats.like.clone());
      s.visible = false;
      s.scale.set(0.6, 0.6, 1);
      s.raycast = () => {};
      group.add(s);
      return { sprite: s, t0: 0, x: 0, y: 0, z: 0, busy: false };
    });
    return { group, items, tex, mats };
  }, []);
  useEffect(
    () => () => {
      for (const i of pool.items) i.sprite.material.dispose();
      pool.mats.like.dispose();
      pool.mats.question.dispose();
      pool.tex.like.dispose();
      pool.tex.question.dispose();
    },
    [pool],
  );

  useFrame(() => {
    const now = performance.now();
    // start the waiting ones (a burst beyond the pool is dropped: it would be unreadable anyway)
    while (boothReactions.length) {
      const r = boothReactions.shift()!;
      const slot = slots.get(r.slotId);
      const free = pool.items.find((i) => !i.busy);
      if (!slot || !free) continue;
      const spread = SLOT_RADIUS[slot.size] * 0.5;
      free.busy = true;
      free.t0 = r.t;
      free.x = slot.x + (Math.random() - 0.5) * spread;
      free.z = slot.z + (Math.random() - 0.5) * spread;
      free.y = 2.6 + SLOT_RADIUS[slot.size] * 0.2;
      free.sprite.material.map = pool.tex[r.kind];
      free.sprite.material.needsUpdate = true;
      free.sprite.visible = true;
    }
    let flying = 0;
    for (const i of pool.items) {
      if (!i.busy) continue;
      flying++;
      const k = (now - i.t0) / LIFE_MS;
      if (k >= 1) {
        i.busy = false;
        i.sprite.visible = false;
        continue;
      }
      i.sprite.position.set(i.x, i.y + k * RISE_M, i.z);
      i.sprite.material.opacity = k < 0.15 ? k / 0.15 : 1 - (k - 0.15) / 0.85;
    }
    reactionsInFlight.n = flying;
  });

  return <primitive object={pool.group} />;
}
