/** A tiny history router: the app has a handful of routes and needs no library for them. */
import { useSyncExternalStore } from 'react';

const subscribe = (cb: () => void) => {
  window.addEventListener('popstate', cb);
  return () => window.removeEventListener('popstate', cb);
};

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string, replace = false): void {
  if (path === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function hallPath(hallId: string): string {
  return `/hall/${hallId}`;
}

/** The hall's 2D catalog (issue #13): the whole expo without the 3D scene, its own URL for sharing. */
export function catalogPath(hallId: string): string {
  return `/hall/${hallId}/2d`;
}
