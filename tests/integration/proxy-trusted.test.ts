/**
 * Behind a trusted proxy that is not on loopback (TRUSTED_PROXIES names it): each forwarded client
 * has its own login-throttle bucket and its own matchmaker bucket, and a client cannot pick a fresh
 * bucket by writing its own X-Forwarded-For. See proxyHarness.ts for how the proxy is real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../fixtures/server';
import { lanAddress, login, LOGIN_BURST, matchmake, MATCHMAKE_BURST, NO_LAN_ADDRESS, startBehindProxy, times } from './proxyHarness';

const proxy = lanAddress();
if (!proxy) console.warn(NO_LAN_ADDRESS);

describe.skipIf(!proxy)(proxy ? `behind a trusted proxy at ${proxy}` : NO_LAN_ADDRESS, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startBehindProxy(proxy!, true);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('the server sees the proxy as a peer that is not on loopback: without a header, it is limited itself', async () => {
    // A loopback peer without X-Forwarded-For would never be limited by the matchmaker.
    expect(await times(MATCHMAKE_BURST + 1, () => matchmake(server, null))).toEqual([...Array(MATCHMAKE_BURST).fill(200), 429]);
  });

  it('two forwarded clients have separate login-throttle buckets', async () => {
    expect(await times(LOGIN_BURST + 1, () => login(server, '198.51.100.1'))).toEqual([...Array(LOGIN_BURST).fill(401), 429]);
    // what the client writes left of the proxy's entry does not buy it a fresh bucket
    expect(await login(server, '198.51.100.9, 198.51.100.1')).toBe(429);
    expect(await login(server, '198.51.100.2')).toBe(401);
  });

  it('two forwarded clients have separate matchmaker buckets', async () => {
    expect(await times(MATCHMAKE_BURST + 1, () => matchmake(server, '203.0.113.1'))).toEqual([...Array(MATCHMAKE_BURST).fill(200), 429]);
    expect(await matchmake(server, '203.0.113.9, 203.0.113.1')).toBe(429);
    expect(await matchmake(server, '203.0.113.2')).toBe(200);
  });
});
