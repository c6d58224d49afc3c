/** The one origin the e2e pages may talk to: the test server on its fixed port. */
export const E2E_PORT = Number(process.env.E2E_PORT || 2599);
export const E2E_ORIGIN = `http://localhost:${E2E_PORT}`;
/** The stand-in venue media server (tests/fixtures/hlsOrigin.ts) the server relays under /live/; pages never reach it themselves. */
export const E2E_HLS_PORT = E2E_PORT + 101;

/** Same host and port over http(s)/ws(s), or an in-page data:/blob: URL. */
export function staysOnOrigin(url: string, origin: string = E2E_ORIGIN): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const u = new URL(url);
    const o = new URL(origin);
    return u.host === o.host && ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol);
  } catch {
    return false;
  }
}
