/**
 * The service worker (vite-plugin-pwa, Workbox generateSW) for repeat visits and venue networks.
 *
 * What it caches, and why it can never put an old client in front of a newer server:
 * - The page itself (index.html, for every client route) is NEVER cached: each navigation goes to
 *   the network. It names the hashed files of exactly one build, so the client a visitor gets is
 *   always the server's own. When the network is down, the SW answers with offline.html instead.
 * - Everything under /assets/ (Vite's content-hashed JS, CSS, fonts, the guide's glTF) is cache
 *   first: a file's name changes with its content, so a cached copy is never stale; a new build
 *   simply asks for new names. Old names age out (expiration below).
 * - The client also checks the server's protocol version on start (client/src/pwa/versionCheck.ts),
 *   for a tab or an HTTP cache that outlived a server upgrade.
 * - Nothing else goes through the SW's caches: /api (data of the hall and the consoles), /matchmake
 *   and the room sockets, /live/ (the stage's HLS), /media (uploads) have no route here, so the
 *   browser fetches them as if there were no SW.
 * Only production builds register it (client/src/pwa/registerSw.ts); the dev server never does.
 */
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export const ASSET_CACHE = 'ludao-assets-v1';

export function pwaPlugin(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    // registered by our own code (client/src/pwa/registerSw.ts), production builds only
    injectRegister: false,
    registerType: 'autoUpdate',
    manifestFilename: 'manifest.webmanifest',
    manifest: {
      name: '鹭岛云展 Ludao',
      short_name: '鹭岛云展',
      description: '厦门地标里的 3D 云展会 · Web 3D virtual expos in Xiamen landmarks',
      lang: 'zh-CN',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#f6efe2',
      theme_color: '#0d3b57',
      icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    includeManifestIcons: false,
    workbox: {
      // Precached: the offline page and what it needs. Not the app: it is fetched per visit (cache first).
      globPatterns: ['offline.html', 'offline.js', 'favicon.svg'],
      globIgnores: ['**/assets/**'],
      // a new SW takes over at once: it only routes, the page never comes from it
      skipWaiting: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      inlineWorkboxRuntime: true,
      // no navigateFallback: the page is never served from a cache (see runtimeCaching below)
      navigateFallback: null,
      runtimeCaching: [
        {
          // The client's pages: network only, the offline page when the network is down.
          // Stringified into sw.js: self-contained, so the routes are written out (server/http/static.ts's CLIENT_ROUTES).
          urlPattern: ({ request, url, sameOrigin }) =>
            sameOrigin &&
            request.mode === 'navigate' &&
            /^\/(?:$|hall\/[a-z0-9-]+\/?$|privacy\/?$|verify\/?$|verify\/[a-z0-9]{20}\/?$|exhibitor\/?$|organizer\/?$|agenda\/?$)/.test(url.pathname),
          handler: 'NetworkOnly',
          options: { precacheFallback: { fallbackURL: '/offline.html' } },
        },
        {
          // Content-hashed build output: cache first, aged out by count and time.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
          handler: 'CacheFirst',
          options: {
            cacheName: ASSET_CACHE,
            cacheableResponse: { statuses: [200] },
            expiration: { maxEntries: 400, maxAgeSeconds: 60 * 24 * 60 * 60, purgeOnQuotaError: true },
          },
        },
      ],
    },
  });
}
