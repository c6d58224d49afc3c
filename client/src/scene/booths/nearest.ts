import { useFrame } from '@react-three/fiber';
import { useRef, useState } from 'react';
import { localPlayer } from '../../store/transient';

/**
 * The ids of up to `max` items within `radius` of the visitor, nearest first, re-checked a few
 * times a second; React re-renders only when the set changes.
 */
export function useNearest<T extends { x: number; z: number }>(items: T[], id: (t: T) => string, radius: number, max: number): string[] {
  const [near, setNear] = useState<string[]>([]);
  const acc = useRef(1);
  useFrame((_, dt) => {
    acc.current += dt;
    if (acc.current < 0.4) return;
    acc.current = 0;
    if (!localPlayer.ready) return;
    const within: [number, string][] = [];
    for (const it of items) {
      const d = Math.hypot(it.x - localPlayer.x, it.z - localPlayer.z);
      if (d <= radius) within.push([d, id(it)]);
    }
    within.sort((a, b) => a[0] - b[0]);
    const next = within.slice(0, max).map((w) => w[1]).sort();
    if (next.join() !== near.join()) setNear(next);
  });
  return near;
}
