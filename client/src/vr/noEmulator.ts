/**
 * Stands in for @pmndrs/xr's built-in WebXR emulator at build time (vite.config.ts): the hall never
 * asks for it (createXRStore({ emulate: false })), and the real one bundles iwer's dev UI and
 * synthetic rooms (~2 MB of lazy JS a service worker would otherwise precache). Tests inject iwer
 * themselves.
 */
export function emulate(): never {
  throw new Error('the WebXR emulator is not part of this build');
}
