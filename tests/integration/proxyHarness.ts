/**
 * A reverse proxy that is not on loopback, for real: the server listens on every interface and the
 * test connects to this machine's own non-loopback IPv4 address, so the server sees that address
 * as the peer, the way it sees a load balancer on the network. Requests then carry the
 * X-Forwarded-For such a proxy would add. Used by proxy-trusted.test.ts and proxy-untrusted.test.ts
 * (one server per file: Colyseus' matchmaker is one per process).
 */
import os from 'node:os';
import { ROOM_HALL } from '../../shared/protocol';
import { startServer, type TestServer } from '../fixtures/server';

export const LOGIN_BURST = 2;
export const MATCHMAKE_BURST = 2;

/** This machine's first non-internal IPv4 address, or null when it has none. */
export function lanAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('127.')) return a.address;
  }
  return null;
}

export const NO_LAN_ADDRESS = 'SKIPPED: this machine has no non-loopback IPv4 address to stand in for a proxy on the network';

/** The server on 0.0.0.0, reached at `proxy`; with `trusted`, TRUSTED_PROXIES names it. */
export async function startBehindProxy(proxy: string, trusted: boolean): Promise<TestServer> {
  const server = await startServer(
    {
      ...(trusted ? { TRUSTED_PROXIES: proxy } : {}),
      LOGIN_IP_BURST: String(LOGIN_BURST),
      MATCHMAKE_BURST: String(MATCHMAKE_BURST),
      MATCHMAKE_PER_MINUTE: '1',
    },
    { host: '0.0.0.0', urlHost: proxy },
  );
  await server.app.expo.prepare();
  return server;
}

const forwarded = (client: string | null): Record<string, string> => (client ? { 'X-Forwarded-For': client } : {});

let emails = 0;
/** A sign-in with a wrong password for a fresh email (so only the per-address bucket can refuse it). */
export async function login(server: TestServer, client: string | null): Promise<number> {
  const res = await fetch(`${server.httpUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...forwarded(client) },
    body: JSON.stringify({ email: `nobody${++emails}@example.com`, password: 'wrong' }),
  });
  await res.text();
  return res.status;
}

/** A matchmaking request that onAuth refuses, so no seat is reserved: 200 unless the guard stops it. */
export async function matchmake(server: TestServer, client: string | null): Promise<number> {
  const res = await fetch(`${server.httpUrl}/matchmake/joinOrCreate/${ROOM_HALL}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...forwarded(client) },
    body: JSON.stringify({ protocol: -1 }),
  });
  await res.text();
  return res.status;
}

export async function times<T>(n: number, f: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f());
  return out;
}
