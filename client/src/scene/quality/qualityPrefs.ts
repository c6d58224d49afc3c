/**
 * Where the quality comes from, in order: `?quality=low|medium|high` in the URL (benches and
 * screenshots pin it), the visitor's hand choice remembered on this device, or "auto", which starts
 * at the tier this device settled at last time (or by device kind) and follows the frame time.
 */
import { isQuality, isQualityChoice, startingTier, type Quality, type QualityChoice } from './tiers';

const CHOICE_KEY = 'ludao.quality';
const SETTLED_KEY = 'ludao.quality.auto';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (private mode, some in-app browsers)
  }
}

/** `?quality=` pins the tier for this page (benches, screenshots); not remembered. */
export function urlQuality(): Quality | null {
  if (typeof window === 'undefined') return null;
  const q = new URLSearchParams(window.location.search).get('quality');
  return isQuality(q) ? q : null;
}

export function loadChoice(): QualityChoice {
  const v = storage()?.getItem(CHOICE_KEY);
  return isQualityChoice(v) ? v : 'auto';
}

export function saveChoice(choice: QualityChoice): void {
  try {
    if (choice === 'auto') storage()?.removeItem(CHOICE_KEY);
    else storage()?.setItem(CHOICE_KEY, choice);
  } catch {
    /* full or disabled: the choice holds for this visit */
  }
}

/** Where "auto" settled on this device, the next visit's starting point. */
export function saveSettled(q: Quality): void {
  try {
    storage()?.setItem(SETTLED_KEY, q);
  } catch {
    /* as above */
  }
}

function loadSettled(): Quality | null {
  const v = storage()?.getItem(SETTLED_KEY);
  return isQuality(v) ? v : null;
}

function mobileDevice(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

/** The store's first quality state. */
export function initialQuality(): { quality: Quality; qualityChoice: QualityChoice; qualityPinned: boolean } {
  const pinned = urlQuality();
  if (pinned) return { quality: pinned, qualityChoice: pinned, qualityPinned: true };
  const choice = loadChoice();
  if (choice !== 'auto') return { quality: choice, qualityChoice: choice, qualityPinned: true };
  return { quality: startingTier(loadSettled(), mobileDevice()), qualityChoice: 'auto', qualityPinned: false };
}
