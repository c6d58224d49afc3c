/**
 * The one client-address rule (server/http/clientAddress.ts): X-Forwarded-For counts only through
 * our own proxies (loopback, TRUSTED_PROXIES), the right-most address not ours is the client, and
 * a loopback peer that forwards no one is local.
 */
import { describe, expect, it } from 'vitest';
import { clientAddresses, type RequestFrom } from '../../server/http/clientAddress';

// (Node joins repeated X-Forwarded-For headers into one string, so a header is always one string.)
const req = (peer: string | undefined, xff?: string): RequestFrom =>
  ({ socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as RequestFrom;

describe('clientAddresses', () => {
  const none = clientAddresses([]);
  const lb = clientAddresses(['10.0.0.2']);

  it('a peer that is not one of our proxies is the client, whatever it writes in X-Forwarded-For', () => {
    expect(none.of(req('203.0.113.9'))).toBe('203.0.113.9');
    expect(none.of(req('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
    // 10.0.0.2 is a proxy only where TRUSTED_PROXIES says so
    expect(none.of(req('10.0.0.2', '198.51.100.1'))).toBe('10.0.0.2');
  });

  it('through a trusted proxy that is not on loopback, the forwarded client counts', () => {
    expect(lb.of(req('10.0.0.2', '198.51.100.1'))).toBe('198.51.100.1');
    expect(lb.of(req('::ffff:10.0.0.2', '198.51.100.1'))).toBe('198.51.100.1');
    // without a header the proxy itself is all we know
    expect(lb.of(req('10.0.0.2'))).toBe('10.0.0.2');
  });

  it('the right-most address that is not ours wins: a client cannot spoof its way to a fresh bucket', () => {
    expect(lb.of(req('10.0.0.2', '1.2.3.4, 198.51.100.1'))).toBe('198.51.100.1');
    // proxy chain: local nginx (loopback) behind the balancer
    expect(lb.of(req('127.0.0.1', '1.2.3.4, 198.51.100.1, 10.0.0.2'))).toBe('198.51.100.1');
    // every hop ours: the furthest one is the best we know
    expect(lb.of(req('10.0.0.2', '127.0.0.1'))).toBe('127.0.0.1');
  });

  it('ranges, IPv6 and IPv4-mapped addresses', () => {
    const range = clientAddresses(['10.0.0.0/8', 'fd00::/8']);
    expect(range.of(req('10.44.1.7', '198.51.100.1'))).toBe('198.51.100.1');
    expect(range.of(req('fd00::2', '2001:db8::5'))).toBe('2001:db8::5');
    expect(range.of(req('11.0.0.1', '198.51.100.1'))).toBe('11.0.0.1');
    // one client, one key, whichever socket family it arrived on
    expect(none.of(req('::ffff:203.0.113.9'))).toBe('203.0.113.9');
    expect(none.of(req('::1', '::ffff:203.0.113.9'))).toBe('203.0.113.9');
  });

  it('local peers: loopback without X-Forwarded-For, and nothing else', () => {
    expect(none.isLocal(req('127.0.0.1'))).toBe(true);
    expect(none.isLocal(req('::1'))).toBe(true);
    expect(none.isLocal(req('::ffff:127.0.0.1'))).toBe(true);
    expect(none.isLocal(req('127.0.0.1', '198.51.100.1'))).toBe(false);
    expect(lb.isLocal(req('10.0.0.2'))).toBe(false);
    expect(none.isLocal(req(undefined))).toBe(false);
    // a local peer still has an address for limits that do count it (the login throttle)
    expect(none.of(req('127.0.0.1'))).toBe('127.0.0.1');
  });

  it('express gets the same trust', () => {
    expect(lb.trust('10.0.0.2', 0)).toBe(true);
    expect(lb.trust('127.0.0.1', 0)).toBe(true);
    expect(lb.trust('198.51.100.1', 1)).toBe(false);
  });

  it('a TRUSTED_PROXIES entry that is not an address or range stops the server at startup', () => {
    expect(() => clientAddresses(['balancer.internal'])).toThrow(/invalid IP address/);
  });
});
