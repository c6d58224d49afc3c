/**
 * Abuse limits on Colyseus' matchmaking route (/matchmake/...): a per-client token bucket (every
 * matchmake reserves a seat, so a flood of them would fill instances with phantoms) and a cap on
 * the request body (Colyseus buffers it whole). Who the client is, and which local peers are not
 * limited, is decided by server/http/clientAddress.ts.
 *
 * Colyseus serves the route from its own 'request' listener, which it puts on the HTTP server in
 * its constructor in front of express. This guard goes in front of that listener, with Node's
 * public EventEmitter API only, so it holds whichever serializer path the adapter chose and does
 * not depend on how Colyseus handles the request inside. It refuses to start when Colyseus has put
 * no listener there (a version that attaches it elsewhere would otherwise be served unguarded).
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { JoinError } from '../../shared/protocol';
import { TokenBucket } from '../lib/tokenBucket';
import type { ClientAddresses } from '../http/clientAddress';

/** A matchmaking body is a few hundred bytes of join options. */
export const MATCHMAKE_MAX_BODY = 4 * 1024;
/** Beyond this many tracked addresses the table is cleared (fail open rather than grow without bound). */
const MAX_TRACKED = 50_000;

export interface MatchmakeGuardOptions {
  burst: number;
  perMinute: number;
  addresses: ClientAddresses;
  now?: () => number;
}

export class MatchmakeLimiter {
  private readonly buckets = new Map<string, { bucket: TokenBucket; last: number }>();
  private readonly refillMs: number;

  constructor(
    private readonly burst: number,
    perMinute: number,
  ) {
    this.refillMs = 60_000 / perMinute;
  }

  take(address: string, now: number): boolean {
    let e = this.buckets.get(address);
    if (!e) {
      if (this.buckets.size >= MAX_TRACKED) this.buckets.clear();
      e = { bucket: new TokenBucket(this.burst, this.refillMs, now), last: now };
      this.buckets.set(address, e);
    }
    e.last = now;
    return e.bucket.take(now);
  }

  /** Forgets addresses whose bucket has refilled completely (they are as good as new). */
  prune(now: number): void {
    const idle = this.burst * this.refillMs;
    for (const [a, e] of this.buckets) if (now - e.last > idle) this.buckets.delete(a);
  }

  get size(): number {
    return this.buckets.size;
  }
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Puts the limits in front of Colyseus' matchmaking listener; returns a stop function for the pruning timer. */
export function guardMatchmaking(httpServer: HttpServer, opts: MatchmakeGuardOptions): () => void {
  const behind = httpServer.listeners('request') as RequestListener[];
  if (behind.length === 0) throw new Error('Colyseus put no request listener on the HTTP server: the matchmaking route cannot be guarded');
  const now = opts.now ?? Date.now;
  const limiter = new MatchmakeLimiter(opts.burst, opts.perMinute);
  const timer = setInterval(() => limiter.prune(now()), 60_000);
  timer.unref();
  // The same test Colyseus makes to pick its route (a substring anywhere in the URL), so nothing it
  // would treat as matchmaking gets past unguarded.
  const route = `/${matchMaker.controller.matchmakeRoute}`;

  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, error: string) => {
    const headers = {
      ...matchMaker.controller.DEFAULT_CORS_HEADERS,
      ...matchMaker.controller.getCorsHeaders.call(undefined, req),
      'Content-Type': 'application/json',
      Connection: 'close',
    };
    if (status === 429) Object.assign(headers, { 'Retry-After': String(Math.ceil(60 / opts.perMinute)) });
    res.writeHead(status, headers);
    res.end(JSON.stringify({ code: status, error }));
    // Whatever body is still coming is not read.
    req.resume();
  };

  /** True when the request may go on to Colyseus. */
  const admit = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST' || !req.url?.includes(route)) return true;
    if (!opts.addresses.isLocal(req) && !limiter.take(opts.addresses.of(req), now())) {
      refuse(req, res, 429, JoinError.rateLimited);
      return false;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MATCHMAKE_MAX_BODY) {
      refuse(req, res, 413, 'payload_too_large');
      return false;
    }
    // Chunked bodies declare no length: count as they come and cut the connection past the cap.
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MATCHMAKE_MAX_BODY) req.destroy();
    });
    return true;
  };

  httpServer.removeAllListeners('request');
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!admit(req, res)) return;
    for (const listener of behind) listener.call(httpServer, req, res);
  });
  return () => clearInterval(timer);
}
