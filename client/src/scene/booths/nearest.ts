import { useFrame } from '@react-three/fiber';
import { useRef, useState } from 'react';
import { localPlayer } from '../../store/transient';

const CHECK_EVERY_S = 0.4;

/**
 * The ids of up to `max` items within `radius` of the visitor, nearest first: what to dress up
 * near the visitor (product models, the video screen). Which card opens is the desk tracker's job
 * (scene/proximity/). Re-checked a few times a second into reused scratch arrays; React
 * re-renders only when the set changes.
 */
export function useNearest<T extends { x: number; z: number }>(items: T[], id: (t: T) => string, radius: number, max: number): string[] {
  const [near, setNear] = useState<string[]>([]);
  const scratch = useRef({ acc: CHECK_EVERY_S, d: [] as number[], ids: [] as string[] });
  useFrame((_, dt) => {
    const s = scratch.current;
    s.acc += dt;
    if (s.acc < CHECK_EVERY_S) return;
    s.acc = 0;
    if (!localPlayer.ready) return;
    // insertion into the first `max` slots, nearest first
    let n = 0;
    for (const it of items) {
      const d = Math.hypot(it.x - localPlayer.x, it.z - localPlayer.z);
      if (d > radius) continue;
      let k = Math.min(n, max);
      if (k === max && d >= s.d[max - 1]) continue;
      if (k === max) k--;
      while (k > 0 && s.d[k - 1] > d) {
        s.d[k] = s.d[k - 1];
        s.ids[k] = s.ids[k - 1];
        k--;
      }
      s.d[k] = d;
      s.ids[k] = id(it);
      n = Math.min(n + 1, max);
    }
    let same = n === near.length;
    for (let i = 0; same && i < n; i++) same = near.includes(s.ids[i]);
    if (!same) setNear(s.ids.slice(0, n).sort());
  });
  return near;
}
