/**
 * Who sent a request: the one rule behind every per-client limit and every logged client address
 * (login throttle, matchmaker rate limit, express' req.ip).
 *
 * - X-Forwarded-For is believed hop by hop from the socket's peer, only while each hop is one of
 *   our proxies: loopback always, plus TRUSTED_PROXIES (addresses or CIDR ranges, as proxy-addr
 *   reads them). The client is the first address, from the right, that is not one of ours; a
 *   client cannot hide behind addresses it writes into the header itself, they sit to its left.
 * - IPv4-mapped IPv6 addresses are written as plain IPv4, so a client has one key, not two.
 * - A peer on loopback that sends no X-Forwarded-For is a local peer (a tool, test, bench or
 *   process manager on this machine). The matchmaker does not limit local peers: they are on the
 *   machine already, and the bench and tests open hundreds of seats. The login throttle does,
 *   under the loopback address: guessing passwords from the machine is still guessing.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type RequestFrom = Pick<IncomingMessage, 'headers' | 'socket'>;

export interface ClientAddresses {
  /** The same trust as a function, for express' `trust proxy`, so req.ip follows this rule too. */
  readonly trust: (addr: string, hop: number) => boolean;
  /** The address to hold accountable for `req`. */
  of(req: RequestFrom): string;
  /** True for a loopback peer that did not forward anyone's request (see above). */
  isLocal(req: RequestFrom): boolean;
}

const plain = (a: string): string => (a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a);

/** Compiles the rule once; throws on an entry of TRUSTED_PROXIES that is not an address or range. */
export function clientAddresses(trustedProxies: readonly string[]): ClientAddresses {
  const trust = proxyaddr.compile(['loopback', ...trustedProxies]);
  const isLoopback = proxyaddr.compile('loopback');
  return {
    trust,
    of(req) {
      // proxy-addr reads only req.headers and req.socket.remoteAddress; a peer already gone has none.
      return plain(proxyaddr(req as IncomingMessage, trust) ?? '') || 'unknown';
    },
    isLocal(req) {
      const peer = req.socket.remoteAddress;
      const xff = req.headers['x-forwarded-for'];
      return peer !== undefined && isLoopback(peer, 0) && (xff === undefined || String(xff).trim() === '');
    },
  };
}
