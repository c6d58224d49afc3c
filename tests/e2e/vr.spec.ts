/**
 * VR (issue #13) in an emulated headset: iwer's Meta Quest 3 (tests/e2e/support/iwer.ts), driven by
 * its controllers like a visitor would: aim the right controller, pull the trigger. Entering VR,
 * teleporting onto walkable ground (the move reaches the server as ordinary walking moves, and a
 * second, ordinary visitor sees it), snap turn, and a booth's card opened with the ray. Without
 * WebXR, or inside WeChat's browser, there is no VR button and the XR chunk is never fetched.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { HIDE_OVERLAYS } from './support/canvasShot';
import { aimRightController, installHeadset, pullRightTrigger } from './support/iwer';
import fs from 'node:fs';
import path from 'node:path';
import { groundHeight, isWalkable, type HallLayout } from '../../shared/layout';
import { clearLine } from '../../shared/tourPath';

// the layout file as the client bundles it (shared/halls imports JSON, which Playwright's loader refuses)
const layout = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../assets/halls/gulangyu.json'), 'utf8')) as HallLayout;
const HAND = { x: 0.25, y: 1.4, z: -0.3 };

function profile(page: Page, name: string, color: number) {
  return page.addInitScript((p) => localStorage.setItem('ludao.profile', JSON.stringify(p)), { name, color, style: 0 });
}

function vr(page: Page) {
  return page.evaluate(() => window.__ludao?.vr?.() ?? null);
}

/** A world point (x, y, z) in the VR origin's frame: origin at the feet (x, ground, z), turned by yaw about +y. */
function toLocal(o: { x: number; z: number; yaw: number }, p: { x: number; y: number; z: number }) {
  const dx = p.x - o.x;
  const dz = p.z - o.z;
  const c = Math.cos(-o.yaw);
  const s = Math.sin(-o.yaw);
  return { x: dx * c + dz * s, y: p.y - groundHeight(layout, o.x, o.z), z: -dx * s + dz * c };
}

/** A walkable spot 3.5–5 m away on a clear straight line (so the ray meets the ground, not a wall). */
function teleportSpot(from: { x: number; z: number }): { x: number; z: number } {
  for (const r of [4, 3.5, 5]) {
    for (let i = 0; i < 16; i++) {
      const a = (i / 16) * Math.PI * 2;
      const p = { x: from.x + Math.sin(a) * r, z: from.z + Math.cos(a) * r };
      if (isWalkable(layout, p.x, p.z) && clearLine(layout, from, p) && Math.abs(groundHeight(layout, p.x, p.z) - groundHeight(layout, from.x, from.z)) < 0.3)
        return p;
    }
  }
  throw new Error('no walkable spot near the arrival');
}

test('no VR button and no XR chunk without WebXR, nor in WeChat with it', async ({ page, openVisitor }) => {
  const xrChunks: string[] = [];
  const note = (p: Page) => p.on('request', (r) => /\/assets\/VrScene-/.test(r.url()) && xrChunks.push(r.url()));
  note(page);
  await profile(page, '无头显', 1);
  await page.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(page);
  await hall.waitJoined('gulangyu');
  await hall.frames(10);
  await expect(page.getByTestId('hud-instance')).toBeVisible();
  await expect(page.getByTestId('enter-vr')).toHaveCount(0);

  // WeChat's in-app browser: even with a WebXR runtime present, VR is not offered
  const wechat = await openVisitor();
  note(wechat);
  await installHeadset(wechat);
  // after iwer, which sets the headset's own user agent
  await wechat.addInitScript(() =>
    Object.defineProperty(navigator, 'userAgent', { get: () => 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120 Mobile MicroMessenger/8.0.50' }),
  );
  await profile(wechat, '微信访客', 2);
  await wechat.goto('/hall/gulangyu?scene=empty&quality=low');
  const inWeChat = new HallPage(wechat);
  await inWeChat.waitJoined('gulangyu');
  expect(
    await wechat.evaluate(() => (navigator as Navigator & { xr?: { isSessionSupported(m: string): Promise<boolean> } }).xr?.isSessionSupported('immersive-vr')),
  ).toBe(true);
  await inWeChat.frames(10);
  await expect(wechat.getByTestId('enter-vr')).toHaveCount(0);
  expect(xrChunks).toEqual([]);
});

test('enter VR in an emulated headset, teleport by the controller ray, snap turn, open a booth card; another visitor sees the move', async ({
  page,
  openVisitor,
}) => {
  // two pages in software WebGL on shared cores, one drawing the real scenery
  test.setTimeout(240_000);
  // the ordinary visitor who watches (tiny: it only needs the room's poses)
  const other = await openVisitor({ viewport: { width: 320, height: 180 } });
  await profile(other, '旁观者', 3);
  await other.goto('/hall/gulangyu?scene=empty&quality=low');
  const watcher = new HallPage(other);
  await watcher.waitJoined('gulangyu');

  await installHeadset(page);
  await profile(page, '头显访客', 4);
  // the real scenery (the ray must meet drawn ground), as cheaply as software WebGL allows
  await page.setViewportSize({ width: 400, height: 240 });
  await page.goto('/hall/gulangyu?quality=low');
  const hall = new HallPage(page);
  await hall.waitJoined('gulangyu');
  await hall.waitSettled();

  const enter = page.getByTestId('enter-vr');
  await expect(enter).toBeVisible({ timeout: 20_000 });
  await expect(enter).toHaveText('进入 VR');
  await enter.click();
  await expect.poll(() => vr(page).then((v) => v?.presenting), { message: 'in the VR session' }).toBe(true);
  await expect.poll(() => vr(page).then((v) => v?.rays ?? 0), { message: 'controller rays' }).toBeGreaterThan(0);
  await expect(enter).toHaveCount(0);

  // Teleport: the ray at walkable ground 4 m away, trigger pulled
  const start = (await hall.self())!;
  const spot = teleportSpot(start);
  const o = (await vr(page))!.origin;
  await aimRightController(page, HAND, toLocal(o, { ...spot, y: groundHeight(layout, spot.x, spot.z) }));
  await hall.frames(3);
  await pullRightTrigger(page, (n) => hall.frames(n));
  const picked = (await vr(page))!.lastPick;
  expect(picked?.kind, `what the ray hit: ${JSON.stringify(picked)}`).toBe('walk');
  expect(Math.hypot(picked!.x! - spot.x, picked!.z! - spot.z)).toBeLessThan(0.5);
  // the view is there at once...
  const atOnce = (await vr(page))!.origin;
  expect(Math.hypot(atOnce.x - spot.x, atOnce.z - spot.z)).toBeLessThan(0.5);
  // ...the server accepts the walk there (ordinary, clamped moves)...
  await expect
    .poll(() => page.evaluate(() => window.__ludao!.serverSelf()).then((s) => Math.hypot(s.x - spot.x, s.z - spot.z)), {
      message: 'server position at the spot',
      timeout: 20_000,
    })
    .toBeLessThan(0.6);
  // ...and the other visitor sees the headset visitor arrive there
  await expect
    .poll(() => watcher.remotes().then((r) => Math.min(...Object.values(r).map((p) => Math.hypot(p.x - spot.x, p.z - spot.z)))), {
      message: 'the other visitor sees the move',
      timeout: 20_000,
    })
    .toBeLessThan(0.8);

  // A ray at the sea or a wall is not a teleport: aim at the sky
  await aimRightController(page, HAND, { x: HAND.x, y: HAND.y + 5, z: HAND.z - 1 });
  await hall.frames(2);
  await pullRightTrigger(page, (n) => hall.frames(n));
  expect((await vr(page))!.lastPick?.kind).toBe('none');

  // Snap turn: the thumbstick right turns the view 30° clockwise, once per push
  const yaw0 = (await vr(page))!.origin.yaw;
  await page.evaluate(() => window.__xrDevice!.controllers.right.updateAxes('thumbstick', 1, 0));
  await hall.frames(6);
  await page.evaluate(() => window.__xrDevice!.controllers.right.updateAxes('thumbstick', 0, 0));
  await hall.frames(3);
  expect((await vr(page))!.origin.yaw - yaw0).toBeCloseTo(-Math.PI / 6, 3);

  // A booth: teleport to the spot in front of the nearest one in sight, then the ray at its stand;
  // its card opens in the world. (A booth's stand is the desk circle that is not walkable; the other
  // is the spot in front.)
  await expect.poll(() => hall.desks().then((d) => d.filter((x) => x.kind === 'booth').length), { timeout: 20_000 }).toBeGreaterThan(0);
  const here = (await vr(page))!.origin;
  const desks = (await hall.desks()).filter((d) => d.kind === 'booth');
  const dist = (d: { x: number; z: number }) => Math.hypot(d.x - here.x, d.z - here.z);
  const fronts = desks.filter(
    (f) => isWalkable(layout, f.x, f.z) && clearLine(layout, here, f) && desks.some((d) => d.id === f.id && !isWalkable(layout, d.x, d.z)),
  );
  expect(fronts.length, 'a booth front in sight').toBeGreaterThan(0);
  const front = fronts.reduce((a, b) => (dist(b) < dist(a) ? b : a));
  const stand = desks.find((d) => d.id === front.id && !isWalkable(layout, d.x, d.z))!;
  await aimRightController(page, HAND, toLocal(here, { x: front.x, y: groundHeight(layout, front.x, front.z), z: front.z }));
  await hall.frames(2);
  await pullRightTrigger(page, (n) => hall.frames(n));
  expect((await vr(page))!.lastPick, 'teleport to the booth front').toMatchObject({ kind: 'walk' });
  const there = (await vr(page))!.origin;
  await aimRightController(page, HAND, toLocal(there, { x: stand.x, y: groundHeight(layout, stand.x, stand.z) + 1.0, z: stand.z }));
  await hall.frames(2);
  await pullRightTrigger(page, (n) => hall.frames(n));
  const boothPick = (await vr(page))!.lastPick;
  expect(boothPick, `what the ray hit: ${JSON.stringify(boothPick)}`).toMatchObject({ kind: 'booth', id: stand.id });
  await expect.poll(() => vr(page).then((v) => v?.panel)).toBe(stand.id);

  // the emulated headset's view with the booth's card open (docs/screenshots/vr.png)
  await page.setViewportSize({ width: 640, height: 400 });
  await hall.frames(8);
  if (process.env.DOCS_SHOTS) await page.screenshot({ path: 'docs/screenshots/vr.png', style: HIDE_OVERLAYS });

  // "留名片" on the card: the card flow needs typing and a consent notice, so VR ends and the hall's
  // own booth panel opens with its leave-card dialog. The card hangs 1.6 m ahead of the eyes (1.6 m up,
  // looking along −z), its centre 0.15 m below them; the first of four buttons is at u 0.15, v 0.86.
  await aimRightController(page, HAND, { x: -0.6 + 0.151 * 1.2, y: 1.45 + 0.45 - 0.859 * 0.9, z: -1.6 });
  await hall.frames(2);
  await pullRightTrigger(page, (n) => hall.frames(n));
  expect((await vr(page))!.lastPick).toMatchObject({ kind: 'panel', id: stand.id, action: 'leaveCard' });
  await expect.poll(() => vr(page).then((v) => v?.presenting), { message: 'VR ended' }).toBe(false);
  // (on a small screen the dialog takes the booth panel's area)
  await expect(page.getByTestId('leave-card-dialog')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('enter-vr')).toBeVisible();
});
