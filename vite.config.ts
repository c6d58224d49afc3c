import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { hallFilesPlugin } from './client/build/hallFilesPlugin';
import { pwaPlugin } from './client/build/pwaPlugin';

const nodeModules = path.resolve(import.meta.dirname, 'node_modules');
const threeCatalogue = path.resolve(import.meta.dirname, 'client/src/scene/threeCatalogue.ts');
const noEmulator = path.resolve(import.meta.dirname, 'client/src/vr/noEmulator.ts');

/**
 * ES module builds, so the bundler can drop what the hall does not use (bench/bundle.ts measures it):
 * - three.js as its source files, not its one-file build: chunks split per file, so what only a lazy
 *   chunk uses (GLTFLoader's animation classes) leaves the hall's initial JS;
 * - R3F's <Canvas> gets the scene's catalogue of three classes, not all of three (threeCatalogue.ts);
 * - colyseus.js and @colyseus/schema map their "browser" condition to CommonJS / UMD builds that
 *   cannot be tree-shaken (and pull all of tslib): their ESM builds instead, same version.
 * Build only: the dev server pre-bundles dependencies, and two copies of a library must not meet.
 */
const ESM_BUILDS: Record<string, string> = {
  three: path.join(nodeModules, 'three/src/Three.js'),
  'colyseus.js': path.join(nodeModules, 'colyseus.js/build/esm/index.mjs'),
  '@colyseus/schema': path.join(nodeModules, '@colyseus/schema/build/esm/index.mjs'),
};
const slimDependencies: Plugin = {
  name: 'ludao-slim-dependencies',
  apply: 'build',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === 'three' && importer && /@react-three[\\/]fiber[\\/]dist[\\/]react-three-fiber\.esm\.js$/.test(importer)) return threeCatalogue;
    // @pmndrs/xr's dev emulator (iwer's dev UI and synthetic rooms, ~2 MB) is never used: a stub (client/src/vr/noEmulator.ts)
    if (source === './emulate.js' && importer && /@pmndrs[\\/]xr[\\/]dist[\\/]store\.js$/.test(importer)) return noEmulator;
    return ESM_BUILDS[source] ?? null;
  },
};

const serverPort = Number(process.env.PORT || 2567);
const backend = `http://localhost:${serverPort}`;

// The client lives in client/, imports the contract from shared/ and scene data from assets/.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'client'),
  // The hall (three, the React renderer, the scene) is a lazy chunk the landing page never runs.
  // pwaPlugin: the service worker for repeat visits and the offline page (client/build/pwaPlugin.ts).
  plugins: [react(), slimDependencies, hallFilesPlugin('src/ui/InHall.tsx'), ...pwaPlugin()],
  build: {
    // DIST_DIR (also read by the server) lets two builds on one machine stay apart.
    outDir: process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    // .vite/manifest.json: the chunk graph bench/bundle.ts and the e2e landing test read.
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change rarely: their own long-cached chunks. React is the landing page's; three
        // and its React renderer are the hall's. Higher priority first, so `three` does not pull
        // React in with it (groups take their modules' dependencies along); zustand is the landing's too.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|zustand|use-sync-external-store)[\\/]/, priority: 2 },
            // entriesAware: what only a lazy chunk uses (GLTFLoader's animation classes) stays out of the hall's first chunk.
            {
              name: 'three',
              test: /node_modules[\\/](three[\\/]src|@react-three[\\/][^\\/]+|three-stdlib|its-fine|react-use-measure|suspend-react)[\\/]/,
              priority: 1,
              entriesAware: true,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    fs: { allow: [path.resolve(import.meta.dirname)] },
    proxy: {
      '/api': backend,
      '/matchmake': backend,
      '/media': backend,
      // Colyseus room sockets are opened at /<processId>/<roomId>
      '^/[A-Za-z0-9_-]{5,}/[A-Za-z0-9_-]{5,}': { target: backend, ws: true },
    },
  },
});
