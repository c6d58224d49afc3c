/** The HTTP side: health, the matchmaker's CORS and exposed methods, and static caching headers. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { startServer, type TestServer } from '../fixtures/server';
import { joinHall, joinOptions, leaveAll } from '../fixtures/visitor';

let server: TestServer;
let dist: string;
const HASHED = 'index-Ab12Cd34.js';
const BIG = 'three-Zz98Yy76.js';

beforeAll(async () => {
  // A stand-in build, so these checks do not depend on `vite build` having run.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>鹭岛云展</title><div id="root"></div>');
  fs.writeFileSync(path.join(dist, 'assets', HASHED), 'console.log(1)');
  fs.writeFileSync(path.join(dist, 'assets', BIG), 'console.log("鹭岛云展");\n'.repeat(2000));
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startServer({ DIST_DIR: dist });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dist, { recursive: true, force: true });
});

/** A raw request (fetch would not let us set Origin freely everywhere). */
function request(
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };

describe('/api', () => {
  it('GET /api/health answers JSON with the protocol version and live counts', async () => {
    const before = await request('GET', '/api/health');
    expect(before.status).toBe(200);
    expect(before.headers['content-type']).toMatch(/application\/json/);
    const body = JSON.parse(before.body);
    expect(body).toMatchObject({ ok: true, protocol: PROTOCOL_VERSION, rooms: 0, visitors: 0 });
    expect(typeof body.uptimeS).toBe('number');

    const v = await joinHall(server.wsUrl, { name: 'Counted' });
    try {
      expect(JSON.parse((await request('GET', '/api/health')).body)).toMatchObject({ rooms: 1, visitors: 1 });
    } finally {
      await leaveAll(v);
    }
  });

  it('unknown API routes answer JSON 404', async () => {
    const r = await request('GET', '/api/nope');
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ error: 'not_found' });
  });
});

describe('matchmaker', () => {
  const join = JSON.stringify(joinOptions({ name: 'Cors' }));

  it('does not grant another site, nor a sandboxed frame (Origin: null)', async () => {
    for (const origin of ['http://evil.example', 'null']) {
      const r = await request('POST', '/matchmake/joinOrCreate/hall', { ...json, Origin: origin }, join);
      expect(r.headers['access-control-allow-origin']).not.toBe(origin);
      expect(r.headers['access-control-allow-origin']).not.toBe('*');
      const pre = await request('OPTIONS', '/matchmake/joinOrCreate/hall', {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
      });
      expect(pre.headers['access-control-allow-origin']).not.toBe(origin);
      expect(pre.headers['access-control-allow-origin']).not.toBe('*');
    }
  });

  it('grants the same origin (the page the server itself serves)', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const r = await request('POST', '/matchmake/joinOrCreate/hall', { ...json, Origin: origin }, join);
    expect(r.headers['access-control-allow-origin']).toBe(origin);
    // A seat was reserved (and will lapse unused).
    expect(JSON.parse(r.body)).toHaveProperty('sessionId');
  });

  it('does not expose create (nor join): only joinOrCreate, joinById and reconnect', async () => {
    for (const method of ['create', 'join']) {
      const r = await request('POST', `/matchmake/${method}/hall`, json, JSON.stringify(joinOptions({ name: 'Creator', hallId: 'shapowei' })));
      const body = JSON.parse(r.body);
      expect(body.error).toMatch(/invalid method/);
      expect(body).not.toHaveProperty('sessionId');
    }
  });
});

describe('static client', () => {
  it('serves hashed assets with a year-long immutable cache', async () => {
    const r = await request('GET', `/assets/${HASHED}`);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never caches index.html, and client routes fall back to it', async () => {
    for (const p of ['/', '/hall/gulangyu', '/privacy', '/agenda']) {
      const r = await request('GET', p);
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.body).toContain('鹭岛云展');
    }
    const icon = await request('GET', '/favicon.svg');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('sends a same-origin Content-Security-Policy', async () => {
    const r = await request('GET', '/');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
  });
});

describe('compression', () => {
  it('gzips scripts and JSON for clients that accept it', async () => {
    const js = await request('GET', `/assets/${BIG}`, { 'Accept-Encoding': 'gzip' });
    expect(js.status).toBe(200);
    expect(js.headers['content-encoding']).toBe('gzip');
    const api = await request('GET', '/api/openapi.json', { 'Accept-Encoding': 'gzip' });
    expect(api.headers['content-encoding']).toBe('gzip');
  });

  it('leaves the live event stream uncompressed, so events are not held back in a buffer', async () => {
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/expo/events?hall=gulangyu', headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        resolve(res.headers);
        res.destroy();
      });
      req.on('error', (e) => (e.message.includes('aborted') || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    });
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    expect(headers['content-encoding']).toBeUndefined();
  });
});
