/**
 * Drops quality to "low" (no shadows, pixel ratio 1, no antialias) when frames are slow, unless
 * the visitor picked a quality themselves. Frame times go into a preallocated ring; the check
 * runs once a second after a warm-up, so a single hitch (scene build, shader compile) does not count.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { useStore } from '../../store';

/** A median frame slower than this (ms) for SLOW_SECONDS in a row means "too slow". */
export const SLOW_FRAME_MS = 34;
export const SLOW_SECONDS = 3;
const WARMUP_MS = 4000;

const ring = new Float32Array(90);
const sorted = new Float32Array(90);

/** Median of the last n frame times (no allocation). */
export function medianOf(values: Float32Array, n: number, scratch: Float32Array): number {
  if (n === 0) return 0;
  for (let i = 0; i < n; i++) scratch[i] = values[i];
  const view = scratch.subarray(0, n);
  view.sort();
  return view[Math.floor(n / 2)];
}

/** `?quality=high|low` pins the quality (benches, screenshots). */
function pinnedQuality(): 'high' | 'low' | null {
  if (typeof window === 'undefined') return null;
  const q = new URLSearchParams(window.location.search).get('quality');
  return q === 'high' || q === 'low' ? q : null;
}

export function AutoQuality() {
  const s = useRef({ n: 0, last: 0, start: 0, lastCheck: 0, slow: 0 });
  useEffect(() => {
    const q = pinnedQuality();
    if (q) useStore.getState().setQuality(q, true);
  }, []);
  useFrame(() => {
    const now = performance.now();
    const st = s.current;
    if (!st.start) st.start = now;
    if (st.last) ring[st.n++ % ring.length] = now - st.last;
    st.last = now;
    if (now - st.start < WARMUP_MS || now - st.lastCheck < 1000) return;
    st.lastCheck = now;
    const { quality, qualityPinned, setQuality } = useStore.getState();
    if (quality !== 'high' || qualityPinned) return;
    if (typeof document !== 'undefined' && document.hidden) return;
    const med = medianOf(ring, Math.min(st.n, ring.length), sorted);
    st.slow = med > SLOW_FRAME_MS ? st.slow + 1 : 0;
    if (st.slow >= SLOW_SECONDS) {
      setQuality('low');
      st.slow = 0;
    }
  });
  return null;
}
