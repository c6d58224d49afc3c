/**
 * The 2D catalog (issue #13), against the real server and database, in two browsers: a visitor
 * opens /hall/gulangyu/2d (no 3D scene: no canvas, no three.js chunk), sees the booths and the
 * landmarks, opens a booth with the keyboard and leaves a card there as a signed-in visitor (the
 * consent notice first). A visitor in the 3D hall sees them seated at the entrance and marked in
 * the roster, and the two chat both ways; the catalog's chat log is an aria-live region. axe finds
 * no serious or critical violation on the catalog, with a booth panel open.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import fs from 'node:fs';
import path from 'node:path';

const EXHIBITOR_ZH = '鹭影数字';
// the layout file itself (shared/halls imports JSON, which Playwright's loader does not take)
const gulangyu = JSON.parse(fs.readFileSync(path.resolve('assets/halls/gulangyu.json'), 'utf8')) as {
  spawns: { x: number; z: number }[];
  hotspots: unknown[];
};
const entrance = gulangyu.spawns[0];

test('a 2D catalog visitor browses, leaves a card, is seen seated in 3D and chats both ways', async ({ page, openVisitor }) => {
  test.slow();
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const flat = `目录${run.slice(-5)}`;
  const walker = `三维${run.slice(-5)}`;
  const person = { email: `catalog-${run}@e2e.ludao.example`, password: 'visitor-e2e-password', name: `目录访客${run}` };

  // (a) The 2D visitor: the catalog loads without the 3D scene and joins the hall as seated.
  await page.setViewportSize({ width: 800, height: 600 });
  await page.addInitScript((name) => localStorage.setItem('ludao.profile', JSON.stringify({ name, color: 2, style: 1 })), flat);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/hall/gulangyu/2d');
  const catalog = page.getByTestId('catalog');
  await expect(catalog).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('鼓浪屿');
  await expect(page.getByTestId('catalog-status')).toHaveAttribute('data-status', 'joined', { timeout: 20_000 });
  await expect(page.locator('canvas')).toHaveCount(0);
  // neither the hall's scene chunk nor three.js' renderer was fetched (chunk names list their importers, so look inside)
  expect(
    scripts.filter((u) => /InHall/.test(u)),
    'the hall scene loaded by the catalog',
  ).toEqual([]);
  for (const url of scripts) expect(await (await page.request.get(url)).text(), `three.js renderer in ${url}`).not.toContain('THREE.WebGLRenderer');
  // landmarks: hall's hotspots with their stories; booths: from the database
  const landmarks = page.getByTestId('catalog-landmarks').locator('li');
  await expect(landmarks).toHaveCount(gulangyu.hotspots.length);
  await expect(landmarks.first().locator('h3')).not.toBeEmpty();
  await expect(landmarks.first().locator('p')).not.toBeEmpty();
  const booths = page.getByTestId('catalog-booths').locator('li');
  await expect(booths.first()).toBeVisible();
  expect(await booths.count()).toBeGreaterThan(1);
  // the passport is read-only here and says so
  await expect(page.getByTestId('catalog-passport-note')).toContainText('3D');
  await expect(page.getByTestId('catalog-passport').locator('button')).toHaveCount(0);

  // (b) The 3D visitor, in the same hall: sees the 2D visitor seated at the entrance, marked in the roster.
  const other = await openVisitor();
  await other.addInitScript((name) => localStorage.setItem('ludao.profile', JSON.stringify({ name, color: 4, style: 0 })), walker);
  await other.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(other);
  await hall.waitJoined('gulangyu');
  await expect
    .poll(() => other.evaluate((n) => window.__ludao?.roster().find((v) => v.name === n)?.seated ?? null, flat), { message: 'roster marks the 2D visitor' })
    .toBe(true);
  expect(await other.evaluate((n) => window.__ludao?.roster().find((v) => v.name === n)?.seated, walker)).toBe(false);
  const seated = await expect
    .poll(() => other.evaluate((n) => window.__ludao?.seatedDrawn?.().find((v) => v.name === n) ?? null, flat), {
      message: 'the 3D view draws the 2D visitor seated',
      timeout: 30_000,
    })
    .not.toBeNull()
    .then(() => other.evaluate((n) => window.__ludao!.seatedDrawn!().find((v) => v.name === n)!, flat));
  expect(Math.hypot(seated.x - entrance.x, seated.z - entrance.z)).toBeLessThan(6);
  // the catalog lists the 3D visitor too
  await expect(page.getByTestId('catalog-visitors')).toContainText(walker);

  // (c) Chat both ways; the catalog's log is a polite live region.
  const log = catalog.locator('.chat-log');
  await expect(log).toHaveAttribute('aria-live', 'polite');
  await expect(log).toBeVisible();
  await page.getByTestId('chat-input').fill(`你好，我在 2D 目录 ${run}`);
  await page.getByTestId('chat-input').press('Enter');
  // (the 3D page's log may start folded on its small screen: its text is there all the same)
  await expect(hall.chat).toContainText(`你好，我在 2D 目录 ${run}`);
  await hall.chatInput.fill(`hello from 3D ${run}`);
  await hall.chatInput.press('Enter');
  await expect(log).toContainText(`hello from 3D ${run}`);

  // (d) A booth, by keyboard: its button opens the hall's booth panel, which takes the focus.
  const item = booths.filter({ hasText: EXHIBITOR_ZH });
  const open = item.getByTestId('catalog-open-booth');
  await open.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('booth-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toBeFocused();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const boothId = (await panel.getAttribute('data-booth'))!;
  expect(boothId).toBeTruthy();
  await expect(panel.getByTestId('booth-panel-name')).toHaveText(EXHIBITOR_ZH);
  // reactions need one to stand at the booth: not offered in 2D (no dead buttons)
  await expect(panel.getByTestId('booth-react-like')).toHaveCount(0);
  await expect(panel.getByTestId('booth-ask-staff')).toBeEnabled();
  await expect(panel.getByTestId('booth-meeting')).toBeEnabled();

  // axe on the catalog with the panel open: no serious or critical violation
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    'serious or critical axe violations on the 2D catalog',
  ).toEqual([]);

  // an upright phone: one column, nothing wider than the screen
  await page.setViewportSize({ width: 360, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 800, height: 600 });

  // Escape closes the panel and the focus goes back to the booth's button
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();

  // (e) Leave a card: sign up, write the card, read the notice, agree, send.
  await panel.getByTestId('booth-leave-card').click();
  const dialog = page.getByTestId('leave-card-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('data-booth', boothId);
  const auth = dialog.getByTestId('visitor-auth');
  await expect(auth).toHaveAttribute('data-mode', 'register');
  await auth.getByTestId('visitor-email').fill(person.email);
  await auth.getByTestId('visitor-password').fill(person.password);
  await auth.getByTestId('visitor-display-name').fill(person.name);
  await auth.getByTestId('visitor-auth-submit').click();
  await expect(dialog.getByTestId('visitor-account')).toContainText(person.email);
  const editor = dialog.getByTestId('card-editor');
  await expect(editor.getByTestId('card-name')).toHaveValue(person.name);
  await editor.getByTestId('card-company').fill('厦门目录科技');
  await editor.getByTestId('card-email').fill(`card-${run}@e2e.ludao.example`);
  await editor.getByTestId('card-save').click();
  const consent = dialog.getByTestId('consent-form');
  await expect(consent.getByTestId('consent-receiver')).toContainText(EXHIBITOR_ZH);
  await expect(consent.getByTestId('consent-notice-text')).toContainText(EXHIBITOR_ZH);
  await consent.getByTestId('consent-field-company').check();
  const submit = consent.getByTestId('consent-submit');
  await expect(submit).toBeDisabled();
  await consent.getByTestId('consent-agree').check();
  await submit.click();
  await expect(dialog.getByTestId('consent-delivered')).toContainText('名片已送达');

  // (f) The 2D visitor never moved: the server keeps them in their seat.
  const again = await other.evaluate((n) => window.__ludao!.seatedDrawn!().find((v) => v.name === n)!, flat);
  expect(Math.hypot(again.x - seated.x, again.z - seated.z)).toBeLessThan(0.05);

  // README pictures, on request: CATALOG_SHOTS=<folder> (the catalog on a phone held upright, and on a desktop)
  const shots = process.env.CATALOG_SHOTS;
  if (shots) {
    await dialog.getByTestId('leave-card-close').click();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('.catalog-booth-detail')?.scrollTo(0, 0);
    });
    await page.screenshot({ path: path.join(shots, 'catalog.png') });
    await page.setViewportSize({ width: 360, height: 640 });
    await page.evaluate(() => document.getElementById('catalog-booth-detail')?.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(shots, 'catalog-phone.png') });
    // the 3D side: the 2D visitor seated at the entrance, looked at from the walker's spawn
    await hall.closeHotspotCard();
    await hall.holdKey('KeyS', 1500);
    await hall.settledForShot();
    await other.screenshot({ path: path.join(shots, 'catalog-seated-3d.png') });
  }
});
