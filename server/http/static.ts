/** Serves the built client: hashed files cached for a year, index.html never cached, SPA routes fall back to it. */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

const CLIENT_ROUTES =
  /^\/(?:$|hall\/[a-z0-9-]+\/?$|hall\/[a-z0-9-]+\/2d\/?$|privacy\/?$|verify\/?$|verify\/[a-z0-9]{20}\/?$|exhibitor\/?$|organizer\/?$|agenda\/?$)/;

export function staticClient(distDir: string): Router {
  const router = express.Router();
  const indexFile = path.join(distDir, 'index.html');

  router.use(
    express.static(distDir, {
      index: false,
      setHeaders(res, file) {
        // Vite puts content-hashed files under assets/: safe to cache forever.
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        // Everything else (sw.js, manifest.webmanifest, offline.html) is revalidated every time: the
        // browser checks sw.js for a new service worker on each visit (client/build/pwaPlugin.ts).
        else res.setHeader('Cache-Control', 'no-cache');
        // the worker controls every page of the site, not just the folder it sits in
        if (path.basename(file) === 'sw.js') res.setHeader('Service-Worker-Allowed', '/');
      },
    }),
  );

  router.get(CLIENT_ROUTES, (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text/plain; charset=utf-8').send('客户端尚未构建 / The client is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
