/**
 * The 3D hall by keyboard alone, and prefers-reduced-motion (issue #13), against the real server:
 * - the first Tab stop is the skip link to the hall's 2D catalog; Tab reaches the nearest booths and
 *   landmarks (ui/a11y/KeyboardNav), Enter opens the booth panel with focus in it, Escape closes it
 *   and focus comes back to the same entry; the arrow keys walk (the server moves the visitor)
 *   whether focus is on the page or on that list, and focus is never dropped on the way;
 * - with reduced motion, "take me there" from the directory arrives with the camera locked to the
 *   avatar: its aim never trails (window.__ludao.motion().maxLag is 0, where the eased follow of the
 *   first test trails by tens of centimetres), CSS animations are off, and the arrival is said in a
 *   live region.
 * `?scene=empty&quality=low`: the controls and panels are what is tested, not the scenery's pixels.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';

const EXHIBITOR_ZH = '鹭影数字';

async function join(page: Page, name: string): Promise<HallPage> {
  await page.addInitScript((n) => localStorage.setItem('ludao.profile', JSON.stringify({ name: n, color: 2, style: 0 })), name);
  await page.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(page);
  await hall.waitJoined('gulangyu');
  return hall;
}

const server = (page: Page) => page.evaluate(() => window.__ludao!.serverSelf());
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      testid: el?.dataset.testid ?? null,
      desk: el?.dataset.desk ?? null,
      kind: el?.dataset.kind ?? null,
      href: el?.getAttribute('href') ?? null,
      inPanel: el?.closest('[data-testid="booth-panel"]') ? true : false,
    };
  });

/** Holds a key until the server has moved the visitor by `metres`; returns how far it moved. */
async function walkWith(page: Page, key: string, metres: number): Promise<number> {
  const from = await server(page);
  await page.keyboard.down(key);
  try {
    await expect
      .poll(
        async () => {
          const now = await server(page);
          return Math.hypot(now.x - from.x, now.z - from.z);
        },
        { message: `${key} walks`, timeout: 10_000 },
      )
      .toBeGreaterThan(metres);
  } finally {
    await page.keyboard.up(key);
  }
  const to = await server(page);
  return Math.hypot(to.x - from.x, to.z - from.z);
}

test('keyboard only: skip link, nearest booth, Enter opens, Escape returns focus, arrows walk', async ({ page }, testInfo) => {
  const hall = await join(page, '键盘访客');
  expect(await page.evaluate(() => window.__ludao!.motion?.().reduced)).toBe(false);

  // Arrow keys walk with focus on the page (nothing focused), and the camera's eased follow trails the avatar.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.__ludao!.motion!(true));
  await walkWith(page, 'ArrowUp', 2);
  const eased = (await page.evaluate(() => window.__ludao!.motion!()))!;
  expect(eased.travel).toBe('eased');
  expect(eased.maxLag, 'the eased camera trails a walking avatar').toBeGreaterThan(0.05);
  console.log(`[motion] default: camera max lag ${eased.maxLag.toFixed(3)} m while walking`);

  // The first Tab stop: the skip link to the 2D catalog, shown while focused.
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-to-catalog');
  await expect(skip).toBeFocused();
  await expect(skip).toHaveAttribute('href', '/hall/gulangyu/2d');
  await expect(skip).toContainText('跳到 2D 目录');
  await expect(skip).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('skip-link.png') });

  // Tab on: the nearby list, nearest first, each named with kind, name, distance and direction.
  const nav = page.getByTestId('nearby-nav');
  await expect(nav).toHaveAccessibleName(/附近的展位和地标/);
  await expect.poll(() => nav.locator('[data-testid="nearby-desk"][data-kind="booth"]').count(), { message: 'booths listed' }).toBeGreaterThan(0);
  const entries = nav.getByTestId('nearby-desk');
  await expect(entries.first()).toHaveText(/(展位|地标)：.+，(就在这里|.+ \d+ 米)/);
  let now = await focused(page);
  for (let i = 0; i < 8 && now.kind !== 'booth'; i++) {
    await page.keyboard.press('Tab');
    now = await focused(page);
    expect(now.testid, 'Tab stays in the skip link and the nearby list until a booth').toMatch(/^(skip-to-catalog|nearby-desk)$/);
  }
  expect(now.kind).toBe('booth');
  const boothId = now.desk!;
  const entry = nav.locator(`[data-desk="${boothId}"]`);
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
  await expect(entry).toHaveText(/^展位：.+，.+ \d+ 米$/);
  await page.screenshot({ path: testInfo.outputPath('nearby.png') });

  // The arrow keys walk with focus on the list too, and focus stays on the entry as the list updates.
  await walkWith(page, 'ArrowLeft', 1.5);
  await hall.frames(2);
  await page.waitForTimeout(1200);
  await expect(entry).toBeFocused();

  // Enter opens that booth's panel, the same one a click opens, with focus in it.
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('booth-panel');
  await expect(panel).toHaveAttribute('data-booth', boothId);
  await expect.poll(async () => (await focused(page)).inPanel, { message: 'focus moves into the panel' }).toBe(true);
  expect((await hall.proximity()).card).toMatchObject({ kind: 'booth', id: boothId, via: 'click' });
  await page.screenshot({ path: testInfo.outputPath('panel-focused.png') });

  // Tab moves through the panel's controls, not back into the 3D view.
  await page.keyboard.press('Tab');
  expect((await focused(page)).inPanel).toBe(true);

  // Escape closes it and focus comes back to the entry that opened it.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(entry).toBeFocused();
  expect((await hall.proximity()).card).toBeNull();
});

test('reduced motion: take-me-there arrives with no camera sway, and CSS animations are off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const hall = await join(page, '静止访客');
  const motion = (await page.evaluate(() => window.__ludao!.motion?.()))!;
  expect(motion).toMatchObject({ reduced: true, travel: 'instant' });
  expect(await page.evaluate(() => getComputedStyle(document.body).animationDuration)).toBe('1e-05s');

  await hall.closeHotspotCard();
  const start = await server(page);
  await page.evaluate(() => window.__ludao!.motion!(true));
  const boothId = await hall.openBoothFromDirectory(EXHIBITOR_ZH);
  // arrives at the booth's desk, walking (the server allows walking speed only)
  await expect.poll(async () => (await hall.proximity()).near, { message: 'arrived at the booth', timeout: 60_000 }).toEqual({ kind: 'booth', id: boothId });
  // a screen reader hears the arrival (a polite live region)
  await expect(page.getByTestId('nearby-arrived')).toHaveText(`到达展位：${EXHIBITOR_ZH}`);
  const end = await server(page);
  const walked = Math.hypot(end.x - start.x, end.z - start.z);
  expect(walked, 'the trip went somewhere').toBeGreaterThan(2);
  const after = (await page.evaluate(() => window.__ludao!.motion!()))!;
  expect(after.maxLag, 'camera aim never trailed the avatar').toBeLessThan(1e-6);
  console.log(`[motion] reduced: walked ${walked.toFixed(1)} m, camera max lag ${after.maxLag.toFixed(4)} m`);
});
