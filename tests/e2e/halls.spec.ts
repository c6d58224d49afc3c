/**
 * The landmark halls: each opens from a shared link and draws its scenery (seen from pinned
 * viewpoints, `?cam=`), the ferry takes a visitor from Gulangyu to Shapowei, and hotspot cards
 * open where a visitor stands and close again.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { LandingPage } from './pages/LandingPage';
import { askForCanvasCapture, meanAbsDiff, shootCanvas } from './support/canvasShot';
import type { Image } from './support/png';

/** Fixed viewpoints (camera x,y,z, target x,y,z): the README views of each hall. */
const VIEWS = [
  { name: 'gulangyu', hall: 'gulangyu', query: 'cam=-185,85,40,5,0,-5' },
  { name: 'shapowei-day', hall: 'shapowei', query: 'cam=-6,28,-78,4,-2,16&mood=day' },
  { name: 'shapowei-evening', hall: 'shapowei', query: 'cam=-6,28,-78,4,-2,16&mood=evening' },
] as const;

/** Opens a shared link to a hall: a first-time visitor gives a name on the spot, then is in. */
async function openByLink(page: Page, path: string, hallId: string, name: string): Promise<HallPage> {
  await page.goto(path);
  const form = new LandingPage(page);
  await form.nameInput.fill(name);
  await form.enterButton.click();
  const hall = new HallPage(page);
  await expect(page).toHaveURL(new RegExp(`/hall/${hallId}(\\?|$)`));
  await expect.poll(() => hall.status(), { message: 'joined', timeout: 30_000 }).toBe('joined');
  await expect(hall.canvas).toBeVisible();
  await hall.waitRendered();
  return hall;
}

/**
 * Closes an arrival's hotspot card, which may cover the HUD, so the fixture's teardown can press
 * "leave" (a closed tab would otherwise keep its seat for the reconnection window).
 */
async function closeCard(page: Page): Promise<void> {
  const close = page.getByTestId('hotspot-close');
  if (await close.isVisible()) await close.click({ timeout: 5000 }).catch(() => undefined);
}

test.describe('landmark halls', () => {
  test('each hall opens by deep link and draws its own scenery from fixed viewpoints', async ({ openVisitor }, testInfo) => {
    const shots: Record<string, Image> = {};
    for (const v of VIEWS) {
      const page = await openVisitor();
      await askForCanvasCapture(page);
      const hall = await openByLink(page, `/hall/${v.hall}?${v.query}&quality=low`, v.hall, `看展${v.name.length}`);
      await hall.settledForShot();
      const { img, stats } = await shootCanvas(hall, testInfo, v.name);
      console.log(`${v.name} ${img.width}x${img.height}: ${JSON.stringify(stats)}`);
      // not blank: many colours, no single colour taking most of the frame, real contrast
      expect(stats.distinctColours, v.name).toBeGreaterThan(300);
      expect(stats.dominantShare, v.name).toBeLessThan(0.4);
      expect(stats.lumaStdDev, v.name).toBeGreaterThan(15);
      shots[v.name] = img;
      // stop this page drawing before the next opens: two cores render all three in software
      await closeCard(page);
      await page.close();
    }
    // three different pictures: two halls, and Shapowei by day and by evening
    const pairs = [
      ['gulangyu', 'shapowei-day'],
      ['gulangyu', 'shapowei-evening'],
      ['shapowei-day', 'shapowei-evening'],
    ] as const;
    for (const [a, b] of pairs) {
      const d = meanAbsDiff(shots[a], shots[b]);
      console.log(`difference ${a} / ${b}: ${d.toFixed(1)}`);
      expect(d, `${a} vs ${b}`).toBeGreaterThan(12);
    }
  });

  test('the ferry from Gulangyu lands in Shapowei, where the typhoon-shelter card opens', async ({ page }) => {
    // Arriving at Gulangyu's pier puts the visitor inside the pier hotspot: its card opens.
    const gulangyu = await openByLink(page, '/hall/gulangyu', 'gulangyu', '渡轮乘客');
    const card = page.getByTestId('hotspot-card');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-hotspot', 'ferry-pier');
    await expect(card.locator('h2')).not.toBeEmpty();
    await expect(card.locator('.hotspot-sub')).toContainText(/[A-Za-z]/);
    void gulangyu;

    // 640x360 is a phone held sideways: the card keeps to a corner of the hall, with two lines of
    // its text until "more" is pressed.
    const box = (await card.boundingBox())!;
    expect(box.height).toBeLessThan(360 * 0.6);
    expect(box.width).toBeLessThanOrEqual(640 / 2 + 1);
    const body = card.getByTestId('hotspot-body');
    const clamped = (await body.boundingBox())!.height;
    const more = card.getByTestId('hotspot-more');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(async () => (await body.boundingBox())!.height).toBeGreaterThan(clamped * 1.5);

    await card.getByTestId('hotspot-travel').click();
    await expect(page.getByTestId('travel-overlay')).toBeVisible();
    const shapowei = new HallPage(page);
    await shapowei.waitJoined('shapowei');
    await expect(page.getByTestId('travel-overlay')).toBeHidden({ timeout: 20_000 });
    await expect(shapowei.onlineCount).toContainText('人在线');

    // Shapowei's arrivals stand at the head of the basin: the typhoon-shelter card, in both languages.
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-hotspot', 'typhoon-shelter');
    await expect(card.locator('h2')).toHaveText('避风坞');
    await expect(card.locator('.hotspot-sub')).toHaveText('The Typhoon Shelter');
    await card.getByTestId('hotspot-close').click();
    await expect(card).toBeHidden();
  });
});
