/**
 * Phones (issue #13 part 1) in Chromium with Playwright's device profiles (their viewport, user
 * agent, pixel ratio, isMobile and hasTouch; Chromium is the only engine here): a small iPhone held
 * upright and an Android phone, each against the real server. The visitor joins, walks with the
 * on-screen joystick driven by real touch events (CDP Input.dispatchTouchEvent) until the server
 * has moved them, pinches to zoom, opens a booth, signs up and leaves a card there, and opens the
 * passport; the iPhone also picks a quality tier by hand, which this device then remembers. A
 * third run with WeChat's user agent checks every <video> the hall makes is marked inline and that
 * no VR is offered even where the browser claims an immersive-vr runtime. A last one turns a
 * 360x640 phone sideways and back: the overlay re-lays itself out each time, with the joystick in
 * its own corner, covering no panel (with MOBILE_SHOTS_REAL=1 in the real scene: the README's phone shots).
 */
import { devices, type CDPSession, type Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { Overlay } from './pages/Overlay';

const EXHIBITOR_ZH = '鹭影数字';
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 12; Pixel 5 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20221206 MicroMessenger/8.0.32.2300(0x28002037) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

/** The parts of a device descriptor a Chromium context takes (not its default engine). */
function phone(name: 'iPhone SE' | 'Pixel 5') {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices[name];
  return { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch };
}

type Point = { x: number; y: number };

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
}

/** Holds the joystick pushed up (forward) with one finger until the server has moved the visitor `metres`. */
async function walkWithJoystick(page: Page, cdp: CDPSession, metres: number): Promise<number> {
  const stick = page.getByTestId('touch-joystick');
  await expect(stick).toBeVisible();
  const box = (await stick.boundingBox())!;
  const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const start = await page.evaluate(() => window.__ludao!.serverSelf());
  const moved = () => page.evaluate((s) => Math.hypot(window.__ludao!.serverSelf().x - s.x, window.__ludao!.serverSelf().z - s.z), start);
  await touch(cdp, 'touchStart', [c]);
  try {
    // pushed most of the way up; a slightly varying finger keeps moves coming, as a real one does
    for (let i = 0; i < 80 && (await moved()) < metres; i++) {
      await touch(cdp, 'touchMove', [{ x: c.x + (i % 2), y: c.y - box.height * 0.4 }]);
      await page.waitForTimeout(150);
    }
    await expect(page.getByTestId('touch-joystick')).toBeVisible();
  } finally {
    await touch(cdp, 'touchEnd', []);
  }
  return moved();
}

/** Two fingers on the 3D view spread apart: the camera comes closer. */
async function pinchOut(page: Page, cdp: CDPSession): Promise<{ before: number; after: number }> {
  const vp = page.viewportSize()!;
  // the fingers land on the 3D view, not on a panel: the first height, from the middle out, where both would
  const y = await page.evaluate(
    ({ w, h }) => {
      const hits = (x: number, y: number) => document.elementFromPoint(x, y)?.tagName === 'CANVAS';
      for (let k = 0; k < 10; k++) {
        const y = Math.round(h * (0.5 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 0.05));
        if (hits(w / 2 - 60, y) && hits(w / 2 + 60, y)) return y;
      }
      return -1;
    },
    { w: vp.width, h: vp.height },
  );
  expect(y, 'some of the middle of the screen shows the 3D view').toBeGreaterThan(0);
  const mid = { x: vp.width / 2, y };
  const before = await page.evaluate(() => window.__ludao!.cameraDistance());
  await touch(cdp, 'touchStart', [
    { x: mid.x - 20, y: mid.y },
    { x: mid.x + 20, y: mid.y },
  ]);
  for (let d = 20; d <= 60; d += 8) {
    await touch(cdp, 'touchMove', [
      { x: mid.x - d, y: mid.y },
      { x: mid.x + d, y: mid.y },
    ]);
  }
  await touch(cdp, 'touchEnd', []);
  const after = await page.evaluate(() => window.__ludao!.cameraDistance());
  return { before, after };
}

/** Opens the booth, signs up a visitor account in the card dialog, fills the card and sends it with the separate agreement. */
async function leaveCard(page: Page, hall: HallPage, run: string): Promise<void> {
  const boothId = await hall.openBoothFromDirectory(EXHIBITOR_ZH);
  expect(boothId).toBeTruthy();
  await page.getByTestId('booth-leave-card').click();
  const dialog = page.getByTestId('leave-card-dialog');
  await expect(dialog).toBeVisible();
  const auth = dialog.getByTestId('visitor-auth');
  await expect(auth).toHaveAttribute('data-mode', 'register');
  await auth.getByTestId('visitor-email').fill(`phone-${run}@e2e.ludao.example`);
  await auth.getByTestId('visitor-password').fill('phone-e2e-password');
  await auth.getByTestId('visitor-display-name').fill(`手机访客${run}`);
  await auth.getByTestId('visitor-auth-submit').click();
  const editor = dialog.getByTestId('card-editor');
  await expect(editor.getByTestId('card-name')).toHaveValue(`手机访客${run}`);
  await editor.getByTestId('card-company').fill('厦门移动测试');
  await editor.getByTestId('card-email').fill(`card-${run}@e2e.ludao.example`);
  await editor.getByTestId('card-save').click();
  const consent = dialog.getByTestId('consent-form');
  await consent.getByTestId('consent-field-company').check();
  await consent.getByTestId('consent-agree').check();
  await consent.getByTestId('consent-submit').click();
  await expect(dialog.getByTestId('consent-delivered')).toContainText('名片已送达');
  await page.keyboard.press('Escape');
}

for (const name of ['iPhone SE', 'Pixel 5'] as const) {
  test(`${name}: join, walk with the joystick, pinch, leave a card at a booth, open the passport`, async ({ openVisitor }) => {
    test.setTimeout(100_000);
    const run = `${name === 'iPhone SE' ? 'i' : 'a'}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
    const page = await openVisitor(phone(name));
    await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '手机访客', color: 2, style: 1 })));
    // the iPhone starts on auto and picks low by hand; the Pixel is pinned by the URL, as benches do
    await page.goto(name === 'iPhone SE' ? '/hall/gulangyu?scene=empty' : '/hall/gulangyu?scene=empty&quality=low');
    const hall = new HallPage(page);
    await hall.waitJoined('gulangyu');
    await expect(page.getByTestId('overlay')).toHaveAttribute('data-touch', 'true');
    await expect(page.getByTestId('overlay')).toHaveAttribute('data-form', 'narrow');
    await hall.closeHotspotCard();

    if (name === 'iPhone SE') {
      // a touch screen on auto starts at medium; a slow one (software WebGL) may already have stepped down
      const q = await page.evaluate(() => window.__ludao!.quality());
      expect(q.choice).toBe('auto');
      expect(['medium', 'low']).toContain(q.tier);
      expect(q.platform).toBe('ios');
      // picked by hand in the ☰ menu, and remembered by this device
      await page.getByTestId('menu-toggle').click();
      await page.getByTestId('quality-select').selectOption('low');
      await page.getByTestId('menu-toggle').click();
      await expect.poll(() => page.evaluate(() => window.__ludao!.quality())).toMatchObject({ tier: 'low', choice: 'low', pinned: true });
      expect(await page.evaluate(() => localStorage.getItem('ludao.quality'))).toBe('low');
    } else {
      expect(await page.evaluate(() => window.__ludao!.quality())).toMatchObject({ tier: 'low', pinned: true, platform: 'android' });
    }
    // the low tier caps the pixel ratio at 1 (the device's is 2 or 2.75)
    await expect.poll(() => hall.canvas.evaluate((c: HTMLCanvasElement) => c.width / c.getBoundingClientRect().width)).toBeCloseTo(1, 1);

    await hall.waitSettled();
    const cdp = await page.context().newCDPSession(page);
    const walked = await walkWithJoystick(page, cdp, 1.5);
    expect(walked, 'the server moved the visitor (m)').toBeGreaterThan(1.5);
    // released: the visitor stops (once the moves already sent have arrived, the server pose stays put)
    await page.waitForTimeout(1000);
    const stopped = await page.evaluate(() => window.__ludao!.serverSelf());
    await page.waitForTimeout(1000);
    const later = await page.evaluate(() => window.__ludao!.serverSelf());
    expect(Math.hypot(later.x - stopped.x, later.z - stopped.z)).toBeLessThan(0.3);

    // the walk-up card of the pier may open again: it is closed, and the fingers go on the 3D view
    await hall.closeHotspotCard();
    const zoom = await pinchOut(page, cdp);
    expect(zoom.after, 'pinching out brings the camera closer').toBeLessThan(zoom.before - 0.3);

    await leaveCard(page, hall, run);
    await page.getByTestId('passport-toggle').click();
    await expect(page.getByTestId('passport-panel')).toBeVisible();
    await expect(page.getByTestId('passport-panel').locator('[data-stamp^="gulangyu:"]').first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`${name.replace(' ', '-')}.png`) });
  });
}

test('WeChat: every video the hall makes plays inline, and no VR is offered', async ({ openVisitor }) => {
  test.setTimeout(60_000);
  const page = await openVisitor({ ...phone('Pixel 5'), userAgent: WECHAT_UA });
  await page.addInitScript(() => {
    localStorage.setItem('ludao.profile', JSON.stringify({ name: '微信访客', color: 1, style: 0 }));
    // record every <video> made (React's too goes through createElement) to check its attributes
    const made: HTMLVideoElement[] = [];
    (window as unknown as { __videos: HTMLVideoElement[] }).__videos = made;
    const create = Document.prototype.createElement;
    Document.prototype.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
      const el = create.call(this, tag, options);
      if (el instanceof HTMLVideoElement) made.push(el);
      return el;
    } as typeof Document.prototype.createElement;
    // a browser that claims a headset: the hall must not even ask it, in WeChat
    const xr = { asked: 0, isSessionSupported: () => (xr.asked++, Promise.resolve(true)), requestSession: () => Promise.reject(new Error('no')) };
    Object.defineProperty(navigator, 'xr', { value: xr, configurable: true });
  });
  await page.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(page);
  await hall.waitJoined('gulangyu');
  expect((await page.evaluate(() => window.__ludao!.quality())).platform).toBe('wechat');
  // the stage's video is made when the hall opens
  await expect.poll(() => page.evaluate(() => (window as unknown as { __videos: HTMLVideoElement[] }).__videos.length)).toBeGreaterThan(0);
  const videos = await page.evaluate(() =>
    (window as unknown as { __videos: HTMLVideoElement[] }).__videos.map((v) => ({
      playsInline: v.playsInline,
      attrs: ['playsinline', 'webkit-playsinline', 'x5-playsinline', 'x5-video-player-type'].map((a) => v.getAttribute(a)),
    })),
  );
  for (const v of videos) expect(v).toEqual({ playsInline: true, attrs: ['', '', '', 'h5'] });
  await hall.frames(5);
  await expect(page.getByTestId('enter-vr')).toHaveCount(0);
  expect(await page.evaluate(() => (navigator as unknown as { xr: { asked: number } }).xr.asked)).toBe(0);
});

test('turning a phone re-lays the hall out: upright 360x640, sideways 640x360, and back', async ({ openVisitor }) => {
  // MOBILE_SHOTS_REAL=1 draws the real scene for the README's screenshots (slow in software); else the empty one
  const real = !!process.env.MOBILE_SHOTS_REAL;
  test.setTimeout(real ? 240_000 : 60_000);
  const page = await openVisitor({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '竖屏访客', color: 4, style: 2 })));
  await page.goto(`/hall/gulangyu?quality=low${real ? '' : '&scene=empty'}`);
  const hall = new HallPage(page);
  const overlay = new Overlay(page);
  await hall.waitJoined('gulangyu');
  const stick = page.getByTestId('touch-joystick');
  const inView = async () => {
    const b = (await stick.boundingBox())!;
    const vp = page.viewportSize()!;
    return b.x >= 0 && b.y >= 0 && b.x + b.width <= vp.width && b.y + b.height <= vp.height;
  };
  for (const [size, form, shot] of [
    [{ width: 360, height: 640 }, 'narrow', 'phone-portrait'],
    [{ width: 640, height: 360 }, 'short', 'phone-landscape'],
    [{ width: 360, height: 640 }, 'narrow', null],
  ] as const) {
    await page.setViewportSize(size);
    await expect(overlay.root).toHaveAttribute('data-form', form);
    await expect(stick).toBeVisible();
    expect(await inView(), `the joystick is on screen at ${size.width}x${size.height}`).toBe(true);
    await overlay.expectNoOverlap(`${size.width}x${size.height}`);
    // the 3D view follows: its drawing buffer matches the new size (dpr 1 on the low tier)
    await expect.poll(() => hall.canvas.evaluate((c: HTMLCanvasElement) => `${c.width}x${c.height}`)).toBe(`${size.width}x${size.height}`);
    if (shot) {
      if (real) await hall.waitSettled(120_000);
      await hall.settledForShot();
      await page.screenshot({ path: test.info().outputPath(`${shot}.png`) });
    }
  }
});
