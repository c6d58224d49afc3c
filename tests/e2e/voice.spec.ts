/**
 * Proximity voice in two browsers (issue #13, item 4), Chromium with fake media devices: A's
 * "microphone" plays a 440 Hz tone (a WAV written by this test). A and B turn voice on near each
 * other; B hears A's tone above a level; A mutes and it falls away; A unmutes, then walks beyond
 * the drop radius and the peer closes (level 0). Real server, real WebRTC on the local host, no
 * STUN server (ICE_SERVERS is empty by default): no request leaves the origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './support/chromium';
import { E2E_ORIGIN, staysOnOrigin } from './support/origin';
import { HallPage } from './pages/HallPage';
import { isWalkable, type HallLayout } from '../../shared/layout';
import { VOICE_DROP_M } from '../../shared/voice';

// the layout file as the client bundles it (shared/halls imports JSON, which Playwright's loader refuses)
const layout = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../assets/halls/gulangyu.json'), 'utf8')) as HallLayout;
const VIEWPORT = { width: 640, height: 360 };
/** RMS of the tone as it arrives (a 0.5 sine is 0.35; echo cancellation, noise suppression and AGC bring it to 0.04-0.2 here); muted it is 0 */
const HEARD = 0.015;
const SILENT = 0.005;

/** A mono 16-bit PCM WAV: a 440 Hz sine at half scale, `seconds` long (Chromium loops it). */
function toneWav(file: string, seconds = 2, rate = 48_000): void {
  const n = seconds * rate;
  const buf = Buffer.alloc(44 + n * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + n * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 0.5 * 32767), 44 + i * 2);
  fs.writeFileSync(file, buf);
}

let browser: Browser;
let dir: string;
const offOrigin: string[] = [];
const pageErrors: string[] = [];

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-voice-'));
  const wav = path.join(dir, 'tone440.wav');
  toneWav(wav);
  browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--autoplay-policy=no-user-gesture-required',
      // host candidates as plain addresses, not mDNS names (nothing resolves .local in a container)
      '--disable-features=WebRtcHideLocalIpsWithMdns',
    ],
  });
});
test.afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function visitor(name: string, color: number): Promise<{ context: BrowserContext; page: Page; hall: HallPage }> {
  const context = await browser.newContext({ baseURL: E2E_ORIGIN, viewport: VIEWPORT, locale: 'zh-CN' });
  context.on('request', (r) => {
    if (!staysOnOrigin(r.url())) offOrigin.push(r.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
  await page.addInitScript((p) => localStorage.setItem('ludao.profile', JSON.stringify(p)), { name, color, style: 0 });
  await page.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(page);
  await hall.waitJoined('gulangyu');
  await hall.closeHotspotCard();
  return { context, page, hall };
}

type Probe = NonNullable<ReturnType<NonNullable<NonNullable<Window['__ludao']>['voice']>>>;
const probe = (p: Page) => p.evaluate(() => window.__ludao!.voice!()) as Promise<Probe>;

/** A voice control: on a small screen the controls sit in the folded ☰ menu, opened first. */
async function voiceButton(page: Page, testId: string): Promise<Locator> {
  const el = page.getByTestId(testId);
  if (!(await el.isVisible())) {
    const menu = page.getByTestId('menu-toggle');
    if ((await menu.count()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  await expect(el).toBeVisible();
  return el;
}

test('a tone from A reaches B, and stops when A mutes or walks away', async () => {
  test.setTimeout(120_000);
  const t0 = Date.now();
  const log = (what: string) => console.log(`voice e2e +${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
  const a = await visitor('说话人', 1);
  log('A joined');
  const b = await visitor('听众', 2);
  log('B joined');
  try {
    const bSeesA = async () => {
      const r = await probe(b.page);
      return Object.values(r.peers)[0] ?? null;
    };
    // both turn voice on (the button loads the voice chunk; the fake UI grants the mic)
    await Promise.all([a, b].map((v) => voiceButton(v.page, 'voice-toggle').then((el) => el.click())));
    for (const v of [a, b]) await expect.poll(async () => (await probe(v.page)).status, { timeout: 30_000 }).toBe('on');
    log('voice on');
    expect((await probe(a.page)).iceServers).toBe(0);
    // B hears A: one peer, connected, the tone above the level
    await expect.poll(async () => (await bSeesA())?.state, { message: 'B connected to A', timeout: 30_000 }).toBe('connected');
    await expect.poll(async () => (await bSeesA())?.level ?? 0, { message: 'A’s tone at B', timeout: 15_000 }).toBeGreaterThan(HEARD);
    log(`heard: ${JSON.stringify(await probe(b.page))}`);
    expect(Object.keys((await probe(b.page)).peers)).toHaveLength(1);
    // the speaking indicator over A's head, on B's screen
    await expect.poll(async () => (await probe(b.page)).indicators, { message: 'speaking sprite over A', timeout: 5000 }).toBeGreaterThan(0);
    if (process.env.DOCS_SHOTS) await b.page.screenshot({ path: 'docs/screenshots/voice.png' });

    // A mutes: the tone falls away at B (the connection stays)
    await (await voiceButton(a.page, 'voice-mute')).click();
    await expect.poll(async () => (await probe(a.page)).sending).toBe(false);
    await expect.poll(async () => (await bSeesA())?.level ?? 0, { message: 'silence after mute', timeout: 10_000 }).toBeLessThan(SILENT);
    expect((await bSeesA())?.state).toBe('connected');
    log(`muted: ${JSON.stringify(await probe(b.page))}`);

    // A unmutes, and walks away beyond the drop radius: B's peer closes, nothing is heard
    await (await voiceButton(a.page, 'voice-mute')).click();
    await expect.poll(async () => (await bSeesA())?.level ?? 0, { timeout: 10_000 }).toBeGreaterThan(HEARD);
    const other = (await b.hall.self())!;
    // down the pier, west of the ferry square where everyone spawns (the way the guide and tour specs walk)
    const goal = { x: 47, z: -10 };
    expect(isWalkable(layout, goal.x, goal.z)).toBe(true);
    log('unmuted, heard again');
    await a.hall.walk(
      [goal],
      async () => {
        const me = await a.hall.self();
        return !!me && Math.hypot(me.x - other.x, me.z - other.z) > VOICE_DROP_M + 2;
      },
      'beyond the voice radius',
    );
    log('walked away');
    await expect.poll(async () => Object.keys((await probe(b.page)).peers).length, { message: 'B’s peer closed', timeout: 10_000 }).toBe(0);
    expect(Object.keys((await probe(a.page)).peers)).toHaveLength(0);
  } finally {
    log(`end: A ${JSON.stringify(await probe(a.page).catch(() => null))} B ${JSON.stringify(await probe(b.page).catch(() => null))}`);
    for (const v of [a, b])
      await v.page
        .getByTestId('leave')
        .dispatchEvent('click')
        .catch(() => undefined);
    await a.context.close().catch(() => undefined);
    await b.context.close().catch(() => undefined);
  }
  expect(offOrigin).toEqual([]);
  expect(pageErrors).toEqual([]);
});
