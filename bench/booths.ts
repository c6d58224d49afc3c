/**
 * Booth bench: what the exhibitor data costs.
 *  - server: first start on an empty database (migrations + demo seed), read latency of the booth
 *    and directory routes, and how long an exhibitor's edit takes to reach a visitor's event stream;
 *  - client (when dist/ and Chromium exist): draw calls, triangles and frame time of a hall view with
 *    its dressed booths against the same view with `?booths=0`, in the same run.
 *
 *   npx vite build && npx tsx bench/booths.ts
 *
 * Env: BENCH_PORT (3503), CHROMIUM_PATH (else the e2e tests' choice), BENCH_SETTLE_MS (8000), BENCH_REQUESTS (200).
 * Prints figures; gates nothing (timings on a shared 2-core machine vary; ratios within a run hold).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions, findChromium, machineFacts } from '../tests/e2e/support/chromium';
import { DEMO_PASSWORD, demoEmail } from '../shared/demo';
import type {} from '../client/src/debug';
import type {} from '../client/src/scene/booths/probe';

const PORT = Number(process.env.BENCH_PORT ?? 3503);
const BASE = `http://localhost:${PORT}`;
const N = Number(process.env.BENCH_REQUESTS ?? 200);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 8000);
const ROOT = path.resolve(import.meta.dirname, '..');
const VIEWS: Record<string, string> = {
  'gulangyu pier (4 booths close)': '/hall/gulangyu?cam=43,16,-4,43,1,-22',
  'gulangyu overview': '/hall/gulangyu?cam=95,22,-4,30,2,-8',
  'shapowei overview': '/hall/shapowei?cam=36,18,-80,0,0,0',
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function startServer(dataDir: string): Promise<{ child: ChildProcess; startMs: number; log: () => string }> {
  const t0 = performance.now();
  let out = '';
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), LOG_LEVEL: 'info', DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
    const poll = async () => {
      try {
        if ((await fetch(`${BASE}/api/health`)).ok) {
          clearTimeout(timer);
          return resolve();
        }
      } catch {
        /* not yet */
      }
      setTimeout(() => void poll(), 200);
    };
    void poll();
  });
  return { child, startMs: performance.now() - t0, log: () => out };
}

async function timeGets(url: string): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const r = await fetch(url);
    bytes = (await r.arrayBuffer()).byteLength;
    times.push(performance.now() - t);
  }
  return { p50: pct(times, 50), p95: pct(times, 95), bytes };
}

async function editToEvent(): Promise<{ patchP50: number; eventP50: number; eventP95: number }> {
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail('egret-vision'), password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const me = (await login.json()) as { user: { boothIds: string[] } };
  const boothId = me.user.boothIds[0];
  const ctl = new AbortController();
  const stream = await fetch(`${BASE}/api/expo/events?hall=gulangyu`, { signal: ctl.signal });
  const reader = stream.body!.getReader();
  const dec = new TextDecoder();
  const state: { waiting: (() => void) | null } = { waiting: null };
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      if (dec.decode(value).includes(boothId)) state.waiting?.();
    }
  })();
  const patches: number[] = [];
  const events: number[] = [];
  for (let i = 0; i < 30; i++) {
    const got = new Promise<void>((r) => (state.waiting = r));
    const t = performance.now();
    const res = await fetch(`${BASE}/api/booths/${boothId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ title: { zh: `基准 ${i}`, en: `Bench ${i}` } }),
    });
    await res.arrayBuffer();
    patches.push(performance.now() - t);
    await got;
    events.push(performance.now() - t);
  }
  ctl.abort();
  return { patchP50: pct(patches, 50), eventP50: pct(events, 50), eventP95: pct(events, 95) };
}

async function client(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist/index.html')) || !findChromium(machineFacts)) {
    console.log('client: skipped (needs `npx vite build` and Chromium)');
    return;
  }
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    console.log('\nclient, 640x360, SwiftShader (calls / triangles / median frame ms):');
    for (const [name, url] of Object.entries(VIEWS)) {
      const row: string[] = [];
      const got: Record<string, { calls: number; triangles: number; frameMs: number; booths: number; drawn: { name: string; triangles: number }[] }> = {};
      for (const variant of ['with booths', 'booths=0']) {
        const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
        await page.addInitScript(() => localStorage.setItem('ludao.profile', '{"name":"bench","color":1,"style":0}'));
        await page.goto(`${BASE}${url}${variant === 'booths=0' ? '&booths=0' : ''}`);
        await page.waitForFunction(() => (window.__ludao?.render?.calls ?? 0) > 0, null, { timeout: 60_000 });
        await page.waitForTimeout(SETTLE_MS);
        const r = await page.evaluate(() => ({
          ...window.__ludao!.render!,
          booths: window.__ludaoBooths?.count() ?? 0,
          drawn: window.__ludaoBooths?.drawn() ?? [],
        }));
        got[variant] = r;
        row.push(`${variant}: ${r.calls} / ${r.triangles} / ${r.frameMs.toFixed(0)}${variant === 'with booths' ? ` (${r.booths} booths)` : ''}`);
        await page.close();
      }
      const a = got['with booths'];
      const b = got['booths=0'];
      const own = a.drawn.reduce((n, d) => n + d.triangles, 0);
      console.log(`  ${name}: ${row.join(' | ')}`);
      console.log(
        `    booth meshes drawn: ${a.drawn.length} (${a.drawn.map((d) => d.name).join(', ')}), ${own} triangles (+1 shadow pass for the structures when shadows are on)`,
      );
      console.log(
        `    scene delta vs booths=0: ${a.calls - b.calls} calls, ${a.triangles - b.triangles} triangles, frame ×${(a.frameMs / Math.max(1, b.frameMs)).toFixed(2)}`,
      );
    }
  } finally {
    await browser.close();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-bench-booths-'));
const server = await startServer(dataDir);
try {
  const seeded = /"ms":(\d+)[^\n]*Seeded the demo expo/.exec(server.log());
  console.log(`server: first start on an empty database ${ms(server.startMs)} (demo seed ${seeded ? `${seeded[1]} ms` : 'n/a'})`);
  const files = fs.readdirSync(path.join(dataDir, 'uploads')).filter((f) => !f.startsWith('.'));
  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dataDir, 'uploads', f)).size, 0);
  console.log(`        demo media: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB`);
  for (const [name, url] of [
    ['GET /api/expo/booths?hall=gulangyu', `${BASE}/api/expo/booths?hall=gulangyu`],
    ['GET /api/expo/exhibitors', `${BASE}/api/expo/exhibitors`],
    ['GET /api/booths/{id}', ''],
  ] as const) {
    let u: string = url;
    if (!u) {
      const list = (await (await fetch(`${BASE}/api/expo/booths?hall=gulangyu`)).json()) as { booths: { id: string }[] };
      u = `${BASE}/api/booths/${list.booths[0].id}`;
    }
    const r = await timeGets(u);
    console.log(`        ${name}: p50 ${ms(r.p50)}, p95 ${ms(r.p95)} over ${N} requests, ${(r.bytes / 1024).toFixed(1)} KB`);
  }
  const e = await editToEvent();
  console.log(`        booth edit (PATCH) p50 ${ms(e.patchP50)}; edit -> visitor's event stream p50 ${ms(e.eventP50)}, p95 ${ms(e.eventP95)}`);
  await client();
} finally {
  try {
    process.kill(-server.child.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
