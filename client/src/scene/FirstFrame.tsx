/**
 * Tells the loading screen the hall is on screen: mounted inside the scene's Suspense boundary, it
 * runs only once everything the scene waits for has loaded, and reports on the first frame drawn.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { useStore } from '../store';

export function FirstFrame() {
  const told = useRef(false);
  useEffect(() => () => useStore.getState().setHallDrawn(false), []);
  useFrame(() => {
    if (told.current) return;
    told.current = true;
    useStore.getState().setHallDrawn(true);
  });
  return null;
}
