/**
 * A client must never run against a server that speaks another protocol. The page itself is never
 * served from the SW's cache (client/build/pwaPlugin.ts), but a tab left open across an upgrade, or
 * an HTTP cache between the visitor and us, can still hold an old client: on start the client asks
 * the server's version (network only, short timeout). If it differs, it updates the service worker
 * and reloads once onto the server's own client; if the versions still differ after that reload
 * (the server is older, or a proxy keeps serving the old page), it says so instead of reloading in a loop.
 */
import { PROTOCOL_VERSION } from '../../../shared/protocol';
import { setClientOutdated } from './updateState';

const RELOADED_KEY = 'ludao.reloadedForProtocol';
const TIMEOUT_MS = 4000;
const UPDATE_WAIT_MS = 1500;

/** The server's protocol version from /api/health, or null when it cannot be asked (offline, slow). */
async function serverProtocol(): Promise<number | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const res = await fetch('/api/health', { cache: 'no-store', signal: abort.signal });
    if (!res.ok) return null;
    const body = (await res.json()) as { protocol?: unknown };
    return typeof body.protocol === 'number' ? body.protocol : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export async function checkServerVersion(): Promise<void> {
  const server = await serverProtocol();
  if (server === null) return; // unknown: the join's own check (server/rooms/handlers/join.ts) still holds
  let reloaded: string | null = null;
  try {
    reloaded = sessionStorage.getItem(RELOADED_KEY);
  } catch {
    /* storage blocked: at most one reload is still kept by the notice below */
  }
  if (server === PROTOCOL_VERSION) {
    try {
      sessionStorage.removeItem(RELOADED_KEY);
    } catch {
      /* ignore */
    }
    return;
  }
  if (reloaded === String(server)) {
    setClientOutdated(true);
    return;
  }
  try {
    sessionStorage.setItem(RELOADED_KEY, String(server));
  } catch {
    setClientOutdated(true);
    return;
  }
  // The new SW (if any) is fetched first, but not waited on for long: while the hall streams its
  // files through the worker, update() can take many seconds, and the page never comes from the SW anyway.
  try {
    const reg = await navigator.serviceWorker?.getRegistration();
    if (reg) await Promise.race([reg.update(), new Promise((r) => setTimeout(r, UPDATE_WAIT_MS))]);
  } catch {
    /* the reload below fetches the page from the network either way */
  }
  window.location.reload();
}
