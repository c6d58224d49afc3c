import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

const serverPort = Number(process.env.PORT || 2567);
const backend = `http://localhost:${serverPort}`;

// The client lives in client/, imports the contract from shared/ and scene data from assets/.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'client'),
  plugins: [react()],
  build: {
    // DIST_DIR (also read by the server) lets two builds on one machine stay apart.
    outDir: process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        // three and the React renderer change rarely: a separate long-cached chunk.
        manualChunks(id) {
          if (id.includes('node_modules/three/')) return 'three';
          if (id.includes('node_modules/@react-three/') || id.includes('node_modules/react')) return 'react';
          return undefined;
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
