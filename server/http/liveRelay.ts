/**
 * The live stage's relay (issue #11): the organizer's encoder (OBS) pushes RTMP to a media server
 * on the venue network (nginx with the RTMP module), which writes HLS; Ludao serves that HLS under
 * its own /live/... from LIVE_HLS_ORIGIN, so browsers never leave our origin and the CSP stays
 * 'self' only.
 *
 * Every viewer of every instance asks for the same playlist about once a target duration, so the
 * relay coalesces: one origin request per playlist per PLAYLIST_TTL_MS, and each segment (immutable
 * once written) fetched once and kept in a small byte-bounded cache. Only HLS file types pass, on
 * paths of a fixed shape; absolute URIs in a playlist that point at the origin are rewritten to
 * /live/, anything else off-origin would be refused by the browser's CSP.
 */
import express, { type Router } from 'express';
import type { Logger } from '../lib/logger';

/** /live/<stream>/<file>: a stream name and one file of it, nothing else. */
const PATH = /^\/([a-z0-9-]{1,40})\/([A-Za-z0-9_.-]{1,100})$/;
const TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  aac: 'audio/aac',
  vtt: 'text/vtt; charset=utf-8',
};
/** A live playlist changes every segment (1–6 s); viewers may lag it by this much. */
const PLAYLIST_TTL_MS = 500;
const SEGMENT_MAX_BYTES = 16 * 1024 * 1024;
const CACHE_MAX_BYTES = 64 * 1024 * 1024;
const ORIGIN_TIMEOUT_MS = 5000;

interface Fetched {
  status: number;
  body: Buffer;
  at: number;
}

export interface LiveRelayOptions {
  /** e.g. http://10.0.0.5:8080/hls; null: live streams are off */
  origin: string | null;
  logger: Logger;
  now?: () => number;
  fetch?: typeof fetch;
}

export interface LiveRelayStats {
  originRequests: number;
  cachedBytes: number;
}

export function liveRelay(opts: LiveRelayOptions): Router & { stats(): LiveRelayStats } {
  const router = express.Router() as Router & { stats(): LiveRelayStats };
  const origin = opts.origin?.replace(/\/+$/, '') ?? null;
  const now = opts.now ?? Date.now;
  const doFetch = opts.fetch ?? fetch;
  const cache = new Map<string, Fetched>();
  const inflight = new Map<string, Promise<Fetched>>();
  let cachedBytes = 0;
  let originRequests = 0;
  router.stats = () => ({ originRequests, cachedBytes });

  const remember = (key: string, f: Fetched) => {
    const old = cache.get(key);
    if (old) {
      cachedBytes -= old.body.length;
      cache.delete(key);
    }
    cache.set(key, f);
    cachedBytes += f.body.length;
    // oldest first out (a Map keeps insertion order)
    for (const [k, v] of cache) {
      if (cachedBytes <= CACHE_MAX_BYTES) break;
      cache.delete(k);
      cachedBytes -= v.body.length;
    }
  };

  const load = async (key: string, isPlaylist: boolean): Promise<Fetched> => {
    originRequests++;
    const res = await doFetch(`${origin}/${key}`, { signal: AbortSignal.timeout(ORIGIN_TIMEOUT_MS), redirect: 'error' });
    const len = Number(res.headers.get('content-length') ?? 0);
    if (len > SEGMENT_MAX_BYTES) {
      await res.body?.cancel();
      return { status: 502, body: Buffer.alloc(0), at: now() };
    }
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > SEGMENT_MAX_BYTES) return { status: 502, body: Buffer.alloc(0), at: now() };
    const f: Fetched = { status: res.ok ? 200 : res.status === 404 ? 404 : 502, body: isPlaylist && res.ok ? rewritePlaylist(body, origin!) : body, at: now() };
    // a missing playlist (the stream has not started) is asked again soon; a missing segment is not cached
    if (f.status === 200 || isPlaylist) remember(key, f);
    return f;
  };

  const get = (key: string, isPlaylist: boolean): Promise<Fetched> => {
    const hit = cache.get(key);
    if (hit && (!isPlaylist || now() - hit.at < PLAYLIST_TTL_MS)) return Promise.resolve(hit);
    let p = inflight.get(key);
    if (!p) {
      p = load(key, isPlaylist).finally(() => inflight.delete(key));
      inflight.set(key, p);
    }
    return p;
  };

  router.use((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.status(405).set('Allow', 'GET, HEAD').json({ error: 'method_not_allowed', message: 'Live streams are read-only' });
      return;
    }
    if (!origin) {
      res.status(404).json({ error: 'live_off', message: 'No live stream relay is configured (LIVE_HLS_ORIGIN)' });
      return;
    }
    const m = PATH.exec(req.path);
    const ext = m?.[2].split('.').pop()?.toLowerCase() ?? '';
    if (!m || m[2].startsWith('.') || m[2].includes('..') || !TYPES[ext]) {
      res.status(400).json({ error: 'bad_path', message: 'Not a live stream file' });
      return;
    }
    const key = `${m[1]}/${m[2]}`;
    const isPlaylist = ext === 'm3u8';
    get(key, isPlaylist).then(
      (f) => {
        if (f.status !== 200) {
          res
            .status(f.status)
            .set('Cache-Control', 'no-store')
            .json({
              error: f.status === 404 ? 'not_live' : 'origin_error',
              message: f.status === 404 ? 'This stream is not on air' : 'The stream server did not answer',
            });
          return;
        }
        res.status(200).set({
          'Content-Type': TYPES[ext],
          'Cache-Control': isPlaylist ? 'no-cache' : 'public, max-age=300, immutable',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : f.body);
      },
      (err: unknown) => {
        opts.logger.warn({ err, stream: m[1] }, 'live relay: origin unreachable');
        res.status(502).set('Cache-Control', 'no-store').json({ error: 'origin_error', message: 'The stream server did not answer' });
      },
    );
  });
  return router;
}

/** Absolute URIs to the origin become /live/ paths; relative ones already resolve under /live/<stream>/. */
export function rewritePlaylist(body: Buffer, origin: string): Buffer {
  const text = body.toString('utf8');
  if (!text.includes(origin)) return body;
  const prefix = `${origin}/`;
  const out = text
    .split('\n')
    .map((line) => line.split(prefix).join('/live/'))
    .join('\n');
  return Buffer.from(out, 'utf8');
}
