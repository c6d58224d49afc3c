/**
 * A premiere in sync across instances (issue #11), the key proof: a server of its own with
 * HALL_CAPACITY=1, so every visitor opens an instance of their own. The organizer uploads the demo
 * premiere and its captions and schedules it a few seconds ahead through the agenda API; two
 * visitors in two instances both play it, and each page's distance from the ideal position
 * (currentTime against its own estimate of the server's time) is compared: they may differ by at
 * most 0.5 s. A third visitor joining at least 6 s in seeks to the right moment. Screenshots of both
 * halls' stages playing go to E2E_OUTPUT_DIR (or test-results).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, request, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { staysOnOrigin, E2E_PORT } from './support/origin';
import { HallPage } from './pages/HallPage';
import type { StageProbe } from '../../client/src/debug';

const PORT = Number(process.env.STAGE_E2E_PORT || E2E_PORT + 1);
const ORIGIN = `http://localhost:${PORT}`;
const ORGANIZER = { email: 'organizer@stage.ludao.example', password: 'stage-organizer-password' };
const ASSETS = path.join(process.cwd(), 'assets', 'stage');
const SHOTS = process.env.E2E_OUTPUT_DIR || 'test-results';

let server: ChildProcess | null = null;
let dataDir = '';
const problems: string[] = [];

const test = base.extend({});
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-stage-e2e-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HALL_CAPACITY: '1',
      LOG_LEVEL: 'warn',
      REDIS_URL: '',
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await expect
    .poll(async () => (await fetch(`${ORIGIN}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000, message: 'the stage test server' })
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const done = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([done, new Promise((r) => setTimeout(r, 8000))]);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function visitor(browser: Browser, name: string, query = ''): Promise<Page> {
  const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 640, height: 360 }, locale: 'zh-CN' });
  context.on('request', (r) => {
    if (!staysOnOrigin(r.url(), ORIGIN)) problems.push(`off origin: ${r.url()}`);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
  await page.addInitScript((n) => localStorage.setItem('ludao.profile', JSON.stringify({ name: n, color: 3, style: 0 })), name);
  await page.goto(`/hall/gulangyu${query}`);
  await new HallPage(page).waitJoined('gulangyu');
  return page;
}

/** Any cue of the demo film's captions (which one is on depends on how long the steps before took). */
const CUE_TEXT = new RegExp(
  fs
    .readFileSync(path.join(ASSETS, 'demo-premiere.vtt'), 'utf8')
    .split(/\n\n/)
    .slice(1)
    .map((cue) => cue.split('\n')[2])
    .filter(Boolean)
    .map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
);

const probe = (page: Page) => page.evaluate(() => window.__ludao?.stage?.() ?? null);
/** seconds the page's video is ahead (+) or behind (-) where it should be, by the page's own clock estimate */
const fromIdeal = (p: StageProbe) => p.currentTime - (p.serverNow - (p.startsAt ?? 0)) / 1000;

async function organizer(): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { Origin: ORIGIN } });
  const login = await api.post('/api/auth/login', { data: ORGANIZER });
  expect(login.status(), await login.text()).toBe(200);
  return api;
}

async function upload(api: APIRequestContext, kind: 'video' | 'captions', file: string, mimeType: string): Promise<string> {
  const r = await api.post(`/api/organizer/agenda/uploads/${kind}`, {
    multipart: { file: { name: file, mimeType, buffer: fs.readFileSync(path.join(ASSETS, file)) } },
  });
  expect(r.status(), await r.text()).toBe(201);
  return ((await r.json()) as { mediaId: string }).mediaId;
}

/** Schedules a premiere of the demo file in `hallId` `inMs` from now, clearing whatever the demo programme has there meanwhile; returns its start. */
async function schedulePremiere(api: APIRequestContext, hallId: string, inMs: number, forMs: number): Promise<number> {
  const videoMediaId = await upload(api, 'video', 'demo-premiere.mp4', 'video/mp4');
  const captionsMediaId = await upload(api, 'captions', 'demo-premiere.vtt', 'text/vtt');
  const startsAt = Date.now() + inMs;
  const endsAt = startsAt + forMs;
  const list = (await (await api.get('/api/organizer/agenda')).json()) as { sessions: { id: string; hallId: string; startsAt: number; endsAt: number }[] };
  for (const s of list.sessions) {
    if (s.hallId === hallId && s.startsAt < endsAt + 60_000 && s.endsAt > Date.now() - 60_000) {
      expect((await api.delete(`/api/organizer/agenda/sessions/${s.id}`)).status()).toBeLessThan(300);
    }
  }
  const r = await api.post('/api/organizer/agenda/sessions', {
    data: {
      hallId,
      kind: 'premiere',
      title: { zh: '同步首映测试', en: 'Premiere in sync' },
      description: { zh: '', en: '' },
      speakers: [],
      tags: [],
      startsAt,
      endsAt,
      videoMediaId,
      captionsMediaId,
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  return startsAt;
}

test('a premiere plays in sync in two instances, and a late joiner seeks to the moment', async ({ browser }) => {
  test.setTimeout(240_000);
  const one = await visitor(browser, '甲');
  const two = await visitor(browser, '乙');
  const instances = await Promise.all([one, two].map((p) => p.getByTestId('hall-page').textContent()));
  expect(instances.length).toBe(2);

  // both through their heavy first frames before the clock starts (a page still compiling shaders
  // in software can take many seconds to show anything)
  for (const p of [one, two]) await new HallPage(p).waitSettled();

  const api = await organizer();
  const startsAt = await schedulePremiere(api, 'gulangyu', 10_000, 90_000);

  for (const p of [one, two]) {
    await expect(p.getByTestId('stage-banner')).toBeVisible({ timeout: 20_000 });
    await expect(p.getByTestId('stage-title')).toHaveText('同步首映测试');
  }
  // before the start: a countdown, and the video waits at 0
  if (Date.now() < startsAt - 2000) {
    await expect(one.getByTestId('stage-status')).toContainText('后开始');
    expect((await probe(one))!.paused).toBe(true);
  }
  // both pages play, each from its own instance's state
  for (const p of [one, two]) {
    await expect
      .poll(
        async () => {
          const s = await probe(p);
          return s && !s.paused && s.currentTime > 1 ? 'playing' : JSON.stringify(s);
        },
        { timeout: 30_000, message: 'playing' },
      )
      .toBe('playing');
    const s = await probe(p);
    expect(s!.clockSamples).toBeGreaterThanOrEqual(3);
    expect(s!.muted).toBe(true); // muted until the visitor asks for sound
  }
  const rooms = await Promise.all([one, two].map((p) => p.evaluate(() => window.__ludao!.status())));
  expect(rooms).toEqual(['joined', 'joined']);

  // the two pages against the ideal position, sampled together a few times
  const diffs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const [a, b] = await Promise.all([probe(one), probe(two)]);
    expect(a!.phase).toBe('on');
    diffs.push(Math.abs(fromIdeal(a!) - fromIdeal(b!)));
    await one.waitForTimeout(800);
  }
  const worst = Math.max(...diffs);
  console.log(`stage sync: |offset(one) - offset(two)| over ${diffs.length} samples: max ${worst.toFixed(3)} s, ${diffs.map((d) => d.toFixed(3)).join(' ')}`);
  expect(worst).toBeLessThanOrEqual(0.5);

  // captions: the active cue reaches the banner
  await expect(one.getByTestId('stage-caption')).toContainText(CUE_TEXT, { timeout: 10_000 });

  // A third visitor at least 6 s in lands at the right moment, not at the start. The second page
  // closes first: three pages drawing in software on two cores can hold a joining page past its
  // seat reservation, and the one-minute film must still be running when the late joiner plays.
  await two.context().close();
  const wait = startsAt + 6_000 - Date.now();
  if (wait > 0) await one.waitForTimeout(wait);
  const late = await visitor(browser, '丙');
  await expect.poll(async () => (await probe(late))?.paused === false, { timeout: 40_000, message: 'late joiner playing' }).toBe(true);
  await expect.poll(async () => Math.abs(fromIdeal((await probe(late))!)), { timeout: 15_000, message: 'late joiner in step' }).toBeLessThan(0.5);
  const [l, a] = await Promise.all([probe(late), probe(one)]);
  console.log(`stage sync: late joiner at ${l!.currentTime.toFixed(2)} s, ${Math.abs(fromIdeal(l!) - fromIdeal(a!)).toFixed(3)} s from the first page`);
  expect(l!.currentTime).toBeGreaterThan(5);
  expect(Math.abs(fromIdeal(l!) - fromIdeal(a!))).toBeLessThanOrEqual(0.5);

  // sound: one click turns it on (remembered), and the 2D player plays full screen with captions
  await one.getByTestId('stage-sound').click();
  expect(await one.evaluate(() => localStorage.getItem('ludao.stageSound'))).toBe('1');
  await one.getByTestId('stage-watch-2d').click();
  await expect(one.getByTestId('stage-2d')).toBeVisible();
  await expect.poll(async () => (await probe(one))?.muted, { message: 'the 2D player has sound' }).toBe(false);
  await expect.poll(async () => (await probe(one))?.volume).toBe(1);
  expect(await one.evaluate(() => document.querySelector('.stage-2d video track')?.getAttribute('kind'))).toBe('captions');
  const attrs = await one.evaluate(() => {
    const v = document.querySelector('.stage-2d video')!;
    return ['playsinline', 'webkit-playsinline', 'x5-playsinline', 'x5-video-player-type', 'x5-video-player-fullscreen', 'x5-video-orientation'].map((n) =>
      v.getAttribute(n),
    );
  });
  expect(attrs).toEqual(['', '', '', 'h5', 'false', 'landscape']);
  await one.keyboard.press('Escape');
  await expect(one.getByTestId('stage-2d')).toHaveCount(0);
  await expect.poll(async () => (await probe(one))?.paused, { timeout: 5000, message: 'back on the 3D screen, still playing' }).toBe(false);

  for (const p of [one, late]) await p.context().close();
  await api.dispose();
  expect(problems).toEqual([]);
});

test('both halls show their stage playing (screenshots)', async ({ browser }) => {
  test.setTimeout(180_000);
  const api = await organizer();
  await schedulePremiere(api, 'gulangyu', 1000, 120_000);
  await schedulePremiere(api, 'shapowei', 1000, 120_000);
  // cameras in front of each stage, looking at the screen (layout stage spots: gulangyu (26, 27) facing +z, shapowei (0, 45.2) facing -z)
  const views: Record<string, string> = { gulangyu: '26,2.6,37,26,3.5,27', shapowei: '3,2.6,38.6,0,5,45.2' };
  for (const hall of ['gulangyu', 'shapowei']) {
    const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 960, height: 540 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${hall}: ${e.message}`));
    await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '摄影', color: 1, style: 0 })));
    await page.goto(`/hall/${hall}?capture=1&cam=${views[hall]}`);
    await new HallPage(page).waitJoined(hall);
    await expect
      .poll(async () => (await probe(page))?.paused === false && (await probe(page))!.currentTime > 2, { timeout: 60_000, message: `${hall} playing` })
      .toBe(true);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(SHOTS, `stage-${hall}.png`) });
    await context.close();
  }
  await api.dispose();
  expect(problems).toEqual([]);
});
