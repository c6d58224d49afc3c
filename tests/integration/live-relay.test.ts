/**
 * The live stage's HLS relay (issue #11): a stand-in venue media server (tests/fixtures/hlsOrigin.ts,
 * serving the committed fixture as a live sliding window) behind LIVE_HLS_ORIGIN, read through the
 * real server's /live/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../fixtures/server';
import { livePlaylist, startHlsOrigin, type HlsOrigin } from '../fixtures/hlsOrigin';
import { rewritePlaylist } from '../../server/http/liveRelay';

let origin: HlsOrigin;
let server: TestServer;
let off: TestServer;

beforeAll(async () => {
  origin = await startHlsOrigin();
  server = await startServer({ LIVE_HLS_ORIGIN: `${origin.url}/` });
  off = await startServer({});
});
afterAll(async () => {
  await server?.stop();
  await off?.stop();
  await origin?.stop();
});

const get = (s: TestServer, p: string, init?: RequestInit) => fetch(`${s.httpUrl}${p}`, init);

describe('live relay', () => {
  it('serves the live playlist and its segments from our origin, with HLS types and caching', async () => {
    const res = await get(server, '/live/stage/index.m3u8');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const text = await res.text();
    expect(text).toMatch(/^#EXTM3U/);
    const first = /^(seg\d+\.ts)$/m.exec(text)![1];
    const seg = await get(server, `/live/stage/${first}`);
    expect(seg.status).toBe(200);
    expect(seg.headers.get('content-type')).toBe('video/mp2t');
    expect(seg.headers.get('cache-control')).toContain('immutable');
    const bytes = new Uint8Array(await seg.arrayBuffer());
    // an MPEG transport stream: 188-byte packets, each starting with the sync byte 0x47
    expect(bytes.length % 188).toBe(0);
    expect(bytes[0]).toBe(0x47);
    expect(bytes[188]).toBe(0x47);
  });

  it('the window moves on: the media sequence advances with the stream', async () => {
    const seqOf = async () => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(await (await get(server, '/live/stage/index.m3u8')).text())![1]);
    const a = await seqOf();
    await new Promise((r) => setTimeout(r, 2200));
    expect(await seqOf()).toBeGreaterThan(a);
  });

  it('asks the origin once for many viewers at once (playlist and segment)', async () => {
    const before = origin.requests.length;
    const many = await Promise.all(Array.from({ length: 30 }, () => get(server, '/live/stage/index.m3u8').then((r) => r.text())));
    const playlistHits = origin.requests.slice(before).filter((p) => p.endsWith('.m3u8')).length;
    expect(playlistHits).toBeLessThanOrEqual(2);
    expect(new Set(many).size).toBeLessThanOrEqual(2);
    const seg = /^(seg\d+\.ts)$/m.exec(many[0])![1];
    const mark = origin.requests.length;
    const segs = await Promise.all(Array.from({ length: 30 }, () => get(server, `/live/stage/${seg}`).then((r) => r.status)));
    expect(segs.every((s) => s === 200)).toBe(true);
    expect(origin.requests.slice(mark).filter((p) => p.endsWith(seg)).length).toBeLessThanOrEqual(1);
  });

  it('refuses what is not a stream file, and writes nothing', async () => {
    for (const p of [
      '/live/stage/%2e%2e%2fsecret.ts',
      '/live/stage/..%2fsecret.ts',
      '/live/stage/index.html',
      '/live/Stage/index.m3u8',
      '/live/stage/.m3u8',
      '/live/stage',
      '/live/a/b/c.ts',
    ]) {
      const r = await get(server, p);
      expect([400, 404], p).toContain(r.status);
      expect(r.headers.get('content-type') ?? '', p).toContain('application/json');
    }
    expect((await get(server, '/live/stage/index.m3u8', { method: 'POST' })).status).toBe(405);
  });

  it('answers "not on air" for a stream the media server does not have', async () => {
    const r = await get(server, '/live/other/index.m3u8');
    expect(r.status).toBe(404);
    expect((await r.json()).error).toBe('not_live');
  });

  it('without LIVE_HLS_ORIGIN live is off, with a clear answer', async () => {
    const r = await get(off, '/live/stage/index.m3u8');
    expect(r.status).toBe(404);
    expect((await r.json()).error).toBe('live_off');
  });

  it('rewrites absolute URIs to the media server into our own /live/ paths', async () => {
    const abs = livePlaylist(Date.now() - 5000, Date.now(), `${origin.url}/stage/`);
    const out = rewritePlaylist(Buffer.from(abs), origin.url).toString();
    expect(out).not.toContain(origin.url);
    expect(out).toMatch(/^\/live\/stage\/seg\d+\.ts$/m);
  });
});

describe('live relay with the media server down', () => {
  let down: TestServer;
  beforeAll(async () => {
    // a port nothing listens on
    down = await startServer({ LIVE_HLS_ORIGIN: 'http://127.0.0.1:9' });
  });
  afterAll(async () => {
    await down?.stop();
  });
  it('answers 502 quickly, and the server stays up', async () => {
    const r = await get(down, '/live/stage/index.m3u8');
    expect(r.status).toBe(502);
    expect((await r.json()).error).toBe('origin_error');
    expect((await get(down, '/api/health')).status).toBe(200);
  });
});

describe('LIVE_HLS_ORIGIN is checked at start', () => {
  it('refuses what is not an http(s) base address', async () => {
    const { readConfig } = await import('../../server/config');
    expect(() => readConfig({ LIVE_HLS_ORIGIN: 'ftp://x' })).toThrow(/LIVE_HLS_ORIGIN/);
    expect(() => readConfig({ LIVE_HLS_ORIGIN: 'not a url' })).toThrow(/LIVE_HLS_ORIGIN/);
    expect(() => readConfig({ LIVE_HLS_ORIGIN: 'http://u:p@x/hls' })).toThrow(/credentials/);
    expect(readConfig({ LIVE_HLS_ORIGIN: 'http://10.0.0.5:8080/hls/' }).liveHlsOrigin).toBe('http://10.0.0.5:8080/hls');
  });
});
