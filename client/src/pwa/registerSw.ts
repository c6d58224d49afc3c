/**
 * Registers the service worker (client/build/pwaPlugin.ts) in production builds only: the dev
 * server has none, so Vite's own module serving and hot reload are never behind a cache. After the
 * page has loaded, so it never competes with the first visit's downloads; workbox-window is a small
 * lazy chunk, not part of the landing page's JS.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => {
    void import('workbox-window').then(({ Workbox }) => new Workbox('/sw.js', { scope: '/' }).register()).catch(() => undefined); // no SW (private mode, blocked): the site works as before, uncached
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
