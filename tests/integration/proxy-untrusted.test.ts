/**
 * Behind a proxy that is not on loopback and that TRUSTED_PROXIES does not name: X-Forwarded-For
 * is ignored, so every request through it counts against the proxy's own address, for the login
 * throttle and the matchmaker alike. See proxyHarness.ts for how the proxy is real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../fixtures/server';
import { lanAddress, login, LOGIN_BURST, matchmake, MATCHMAKE_BURST, NO_LAN_ADDRESS, startBehindProxy, times } from './proxyHarness';

const proxy = lanAddress();
if (!proxy) console.warn(NO_LAN_ADDRESS);

describe.skipIf(!proxy)(proxy ? `behind an untrusted proxy at ${proxy}` : NO_LAN_ADDRESS, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startBehindProxy(proxy!, false);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('two forwarded clients share the proxy’s login-throttle bucket', async () => {
    expect(await times(LOGIN_BURST, () => login(server, '198.51.100.1'))).toEqual(Array(LOGIN_BURST).fill(401));
    expect(await login(server, '198.51.100.2')).toBe(429);
    expect(await login(server, null)).toBe(429);
  });

  it('two forwarded clients share the proxy’s matchmaker bucket', async () => {
    expect(await times(MATCHMAKE_BURST, () => matchmake(server, '203.0.113.1'))).toEqual(Array(MATCHMAKE_BURST).fill(200));
    expect(await matchmake(server, '203.0.113.2')).toBe(429);
    expect(await matchmake(server, null)).toBe(429);
  });
});
