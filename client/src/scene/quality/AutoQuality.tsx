/**
 * Follows the measured frame time through the quality tiers (tiers.ts: step down when slow, up
 * carefully when fast, never back up to a tier it left for being slow), unless the visitor picked
 * a tier by hand or the URL pins one. Frame times go into a preallocated ring; the check runs once
 * a second after a warm-up, so the scene build and first shader compiles do not count. Where auto
 * settles is remembered on this device as the next visit's starting tier.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { useStore } from '../../store';
import { saveSettled } from './qualityPrefs';
import { governor, judge, type GovernorState } from './tiers';

export { SLOW_FRAME_MS, SLOW_SECONDS } from './tiers';
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

export function AutoQuality() {
  const s = useRef({ n: 0, last: 0, start: 0, lastCheck: 0 });
  const gov = useRef<GovernorState | null>(null);
  const pinned = useStore((st) => st.qualityPinned);

  // handing the choice back to auto starts the rule afresh from the tier in use
  useEffect(() => {
    if (!pinned) gov.current = null;
  }, [pinned]);

  useFrame(() => {
    const now = performance.now();
    const st = s.current;
    if (!st.start) st.start = now;
    if (st.last) ring[st.n++ % ring.length] = now - st.last;
    st.last = now;
    if (now - st.start < WARMUP_MS || now - st.lastCheck < 1000) return;
    // (a device drawing a frame every few seconds is judged once per frame: that is slow, not a stall;
    // a hidden tab draws nothing, and its one long gap on return does not move the median)
    st.lastCheck = now;
    const { quality, qualityPinned, setQuality } = useStore.getState();
    if (qualityPinned) return;
    if (typeof document !== 'undefined' && document.hidden) return;
    const g = (gov.current ??= governor(quality));
    const next = judge(g, medianOf(ring, Math.min(st.n, ring.length), sorted));
    if (next !== quality) {
      setQuality(next);
      saveSettled(next);
      // the ring still holds the old tier's frames
      st.n = 0;
    }
  });
  return null;
}
