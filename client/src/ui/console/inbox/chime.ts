/**
 * The inbox's "a visitor wrote" sound: two short soft notes made on the spot with the Web Audio
 * API (no sound file, nothing fetched). Browsers let a page make sound only once someone has
 * interacted with it; before that the chime reports that it could not play, and the inbox offers
 * a button that enables it (the click is the interaction). The choice to mute is remembered.
 */
import { useCallback, useEffect, useState } from 'react';

const KEY = 'ludao.inbox.sound';
let ctx: AudioContext | null = null;

export type ChimeState = 'on' | 'off' | 'blocked';

function canStart(): boolean {
  // without User Activation (older Safari) we try, and the context's state tells
  return typeof navigator === 'undefined' || !navigator.userActivation || navigator.userActivation.hasBeenActive;
}

function context(): AudioContext | null {
  if (ctx) return ctx;
  if (typeof AudioContext === 'undefined' || !canStart()) return null;
  try {
    ctx = new AudioContext();
  } catch {
    return null;
  }
  return ctx;
}

/** Plays the chime now; false when the page may not make sound (yet). */
export function playChime(): boolean {
  const c = context();
  if (!c) return false;
  if (c.state === 'suspended') void c.resume().catch(() => undefined);
  if (c.state === 'closed') return false;
  const t0 = c.currentTime + 0.01;
  // E6 then A6, each a sine with a quick attack and a soft exponential fall
  for (const [freq, at] of [
    [1318.5, 0],
    [1760, 0.13],
  ] as const) {
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t0 + at);
    gain.gain.exponentialRampToValueAtTime(0.18, t0 + at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + at + 0.3);
    osc.connect(gain).connect(c.destination);
    osc.start(t0 + at);
    osc.stop(t0 + at + 0.32);
  }
  return true;
}

function savedOn(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

/** The sound setting and a `chime()` that honours it; `chimes` counts the chimes played. */
export function useChime(): { state: ChimeState; toggle: () => void; chime: () => void; chimes: number } {
  const [on, setOn] = useState(savedOn);
  const [allowed, setAllowed] = useState(() => canStart());
  const [chimes, setChimes] = useState(0);

  // the first click or key anywhere on the page allows sound
  useEffect(() => {
    if (allowed) return;
    const allow = () => setAllowed(true);
    window.addEventListener('pointerdown', allow, { once: true });
    window.addEventListener('keydown', allow, { once: true });
    return () => {
      window.removeEventListener('pointerdown', allow);
      window.removeEventListener('keydown', allow);
    };
  }, [allowed]);

  const toggle = useCallback(() => {
    if (!allowed || !on) {
      setAllowed(true);
      setOn(true);
      try {
        localStorage.removeItem(KEY);
      } catch {
        /* ignore */
      }
      // a short chime says it works, and starts the audio within this click
      if (playChime()) setChimes((n) => n + 1);
      return;
    }
    setOn(false);
    try {
      localStorage.setItem(KEY, 'off');
    } catch {
      /* ignore */
    }
  }, [allowed, on]);

  const chime = useCallback(() => {
    if (on && playChime()) setChimes((n) => n + 1);
  }, [on]);

  return { state: !on ? 'off' : allowed ? 'on' : 'blocked', toggle, chime, chimes };
}
