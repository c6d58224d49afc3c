/**
 * Abuse limits on Colyseus' matchmaking route (/matchmake/...), which Colyseus serves from its
 * own 'request' listener before express sees anything: a per-IP token bucket (every matchmake
 * reserves a seat, so a flood of them would fill instances with phantoms) and a cap on the request
 * body (Colyseus buffers it whole). The client address comes from X-Forwarded-For only when the
 * peer is a trusted proxy. Peers on loopback with no X-Forwarded-For (local tools, tests, the
 * bench, a same-host process manager) are not limited: they are on the machine already.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchMaker, type Server } from '@colyseus/core';
import { JoinError } from '../../shared/protocol';
import { TokenBucket } from '../lib/tokenBucket';

/** A matchmaking body is a few hundred bytes of join options. */
export const MATCHMAKE_MAX_BODY = 4 * 1024;
/** Beyond this many tracked addresses the table is cleared (fail open rather than grow without bound). */
const MAX_TRACKED = 50_000;

export interface MatchmakeGuardOptions {
  burst: number;
  perMinute: number;
  trustedProxies: string[];
  now?: () => number;
}

const normalize = (a: string | undefined): string => (a ?? '').replace(/^::ffff:/, '').trim();
const isLoopback = (a: string): boolean => a === '::1' || a.startsWith('127.');

/** The address to hold accountable, or null for an unlimited local peer. */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trusted: readonly string[]): string | null {
  const peer = normalize(req.socket.remoteAddress);
  const isTrusted = (a: string) => isLoopback(a) || trusted.includes(a);
  if (!isTrusted(peer)) return peer;
  const raw = req.headers['x-forwarded-for'];
  const xff = (Array.isArray(raw) ? raw.join(',') : raw ?? '').split(',').map(normalize).filter(Boolean);
  if (xff.length === 0) return isLoopback(peer) ? null : peer;
  // The right-most address not added by one of our own proxies is the real client.
  for (let i = xff.length - 1; i >= 0; i--) if (!isTrusted(xff[i])) return xff[i];
  return xff[0];
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

/** Wraps the server's matchmaking handler; returns a stop function for the pruning timer. */
export function guardMatchmaking(gameServer: Server, opts: MatchmakeGuardOptions): () => void {
  const now = opts.now ?? Date.now;
  const limiter = new MatchmakeLimiter(opts.burst, opts.perMinute);
  const timer = setInterval(() => limiter.prune(now()), 60_000);
  timer.unref();

  type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  const server = gameServer as unknown as { handleMatchMakeRequest: Handler };
  const original = server.handleMatchMakeRequest.bind(gameServer);

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

  server.handleMatchMakeRequest = async (req, res) => {
    if (req.method === 'POST') {
      const address = clientAddress(req, opts.trustedProxies);
      if (address !== null && !limiter.take(address, now())) return refuse(req, res, 429, JoinError.rateLimited);
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > MATCHMAKE_MAX_BODY) return refuse(req, res, 413, 'payload_too_large');
      // Chunked bodies declare no length: count as they come and cut the connection past the cap.
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MATCHMAKE_MAX_BODY) req.destroy();
      });
    }
    return original(req, res);
  };
  return () => clearInterval(timer);
}
