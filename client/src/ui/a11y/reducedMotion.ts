/**
 * `prefers-reduced-motion: reduce` (issue #13), read once per frame by the camera rig without a
 * React render: with it, the camera sits locked to the avatar (no eased follow, no eased zoom, so
 * no sway behind a walk and no camera flight on a "take me there"), and CSS animations are off
 * (styles.css). `?motion=reduce` forces it, for a browser with no such setting.
 */
export const motion = { reduced: false };

function fromUrl(): boolean {
  try {
    return new URLSearchParams(window.location.search).get('motion') === 'reduce';
  } catch {
    return false;
  }
}

let watching = false;

/** Starts following the media query (idempotent); safe where matchMedia is missing. */
export function watchReducedMotion(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  const forced = fromUrl();
  const mq = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
  motion.reduced = forced || !!mq?.matches;
  mq?.addEventListener?.('change', (e) => {
    motion.reduced = forced || e.matches;
  });
}
