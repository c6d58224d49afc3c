/**
 * Group tours in the browser (issue #12, item 4), two pages in one instance of Gulangyu: the
 * organizer (signed in, so the room knows the role) starts a group tour on the spot with the guide
 * leading; the visitor's page shows the public tour, the same stop and caption as the organizer's,
 * and the guide at the same place. Then the organizer leads in person: the visitor presses Follow
 * and its avatar walks after the organizer (through ordinary moves: the server's pose of the
 * visitor follows too), and the organizer's "gather here" reaches the visitor as an offer to walk
 * over. State comes from the window.__ludao.groupTour() and self() probes.
 */
import type { Page } from '@playwright/test';
import type { GroupTourProbe } from '../../client/src/debug';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };
/** The real hall's layout; `scene=empty` only skips drawing the landmarks: two pages render in software. */
const HALL_URL = '/hall/gulangyu?scene=empty&quality=low';

const probe = (page: Page): Promise<GroupTourProbe | null> => page.evaluate(() => window.__ludao?.groupTour?.() ?? null);

async function enterHall(page: Page, name: string): Promise<HallPage> {
  await page.addInitScript((n) => localStorage.setItem('ludao.profile', JSON.stringify({ name: n, color: 3, style: 0 })), name);
  await page.goto(HALL_URL);
  const hall = new HallPage(page);
  await expect(hall.root).toBeVisible({ timeout: 60_000 });
  await hall.waitJoined('gulangyu');
  await expect.poll(async () => (await probe(page)) !== null, { message: 'the group tour chunk', timeout: 60_000 }).toBe(true);
  return hall;
}

/** Clicks a toolbar action, through the ☰ menu on a small screen (the toolbar folds there). */
async function toolbarClick(page: Page, testId: string): Promise<void> {
  const target = page.getByTestId(testId);
  if (!(await target.isVisible())) {
    const menu = page.getByTestId('menu-toggle');
    if (await menu.count()) await menu.click();
  }
  await target.click();
}

test('an organizer starts a group tour: the visitor sees the same guide and caption, follows the host and is offered to gather', async ({
  page,
  openVisitor,
}) => {
  test.setTimeout(240_000);
  // the organizer signs in (the console), then walks into the hall with that session
  await page.goto('/organizer');
  await page.getByTestId('login-email').fill(ORGANIZER.email);
  await page.getByTestId('login-password').fill(ORGANIZER.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-submit')).toHaveCount(0, { timeout: 20_000 });
  const host = await enterHall(page, '主办方小王');
  await expect.poll(async () => (await probe(page))!.canLead, { message: 'the organizer may lead' }).toBe(true);

  const visitorPage = await openVisitor();
  const visitor = await enterHall(visitorPage, '跟团游客');
  expect((await probe(visitorPage))!.canLead).toBe(false);
  // one instance: each sees the other
  await expect.poll(async () => Object.keys(await visitor.remotes()).length, { timeout: 20_000 }).toBeGreaterThan(0);

  // on the spot, the guide leads
  await toolbarClick(page, 'group-lead');
  await toolbarClick(page, 'group-lead-guide');
  for (const p of [page, visitorPage]) {
    await expect(p.getByTestId('group-tour')).toBeVisible({ timeout: 15_000 });
    await expect.poll(async () => (await probe(p))!.told, { message: 'stop 1 told' }).toBe(0);
  }
  const caption = visitorPage.getByTestId('group-caption');
  await expect(caption).toContainText('欢迎来到鼓浪屿！我们从三丘田码头出发。');
  expect(await caption.textContent()).toBe(await page.getByTestId('group-caption').textContent());
  await expect(visitorPage.getByTestId('group-status')).toContainText('第 1/6 站');
  await visitorPage.screenshot({ path: test.info().outputPath('group-tour.png') });
  // the private tour's button gave way to joining the group tour
  await expect(visitorPage.getByTestId('guide-tour-toggle')).toHaveCount(0);
  // moved on to stop 2: both pages draw the guide at the same place on the way (the server's clock)
  await page.getByTestId('group-next').click();
  for (const p of [page, visitorPage]) await expect.poll(async () => (await probe(p))!.tour?.stop, { message: 'walking to stop 2' }).toBe(1);
  await expect.poll(async () => (await probe(visitorPage))!.phase).toBe('walking');
  await expect.poll(async () => (await probe(page))!.guide!.x, { message: 'the guide sets off west, toward stop 2' }).toBeLessThan(63);
  const [a, b] = await Promise.all([probe(page), probe(visitorPage)]);
  expect(Math.hypot(a!.guide!.x - b!.guide!.x, a!.guide!.z - b!.guide!.z), 'the same place on both pages').toBeLessThan(1.5);
  await page.getByTestId('group-end').click();
  for (const p of [page, visitorPage]) await expect(p.getByTestId('group-tour')).toHaveCount(0);

  // the organizer leads in person, and walks off along the pier
  await toolbarClick(page, 'group-lead');
  await toolbarClick(page, 'group-lead-host');
  await expect(visitorPage.getByTestId('group-tour')).toHaveAttribute('data-mode', 'host', { timeout: 15_000 });
  await host.walk([{ x: 52, z: -10 }], async () => ((await host.self())?.x ?? 99) < 53, 'down the pier');
  const hostAt = (await host.self())!;
  const before = (await visitor.self())!;
  expect(Math.hypot(before.x - hostAt.x, before.z - hostAt.z)).toBeGreaterThan(8);

  // Follow: the visitor's avatar walks after the organizer and stands a few steps behind
  await visitorPage.getByTestId('group-follow').click();
  await expect(visitorPage.getByTestId('group-follow')).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(
      async () => {
        const me = (await visitor.self())!;
        return Math.hypot(me.x - hostAt.x, me.z - hostAt.z);
      },
      { message: 'the visitor walks after the host', timeout: 30_000 },
    )
    .toBeLessThan(3.6);
  // the organizer's page sees the visitor arrive too: the server took the walk
  await expect
    .poll(
      async () => {
        const r = Object.values(await host.remotes());
        return Math.min(...r.map((p) => Math.hypot(p.x - hostAt.x, p.z - hostAt.z)));
      },
      { message: 'the server has the visitor beside the host', timeout: 15_000 },
    )
    .toBeLessThan(4);
  // a key is the visitor taking over: following stops
  await visitor.holdKey('KeyS', 300);
  await expect(visitorPage.getByTestId('group-follow')).toHaveAttribute('aria-pressed', 'false');

  // "gather here": the visitor is offered to walk over, and does
  await page.getByTestId('group-gather').click();
  const offer = visitorPage.getByTestId('group-offer');
  await expect(offer).toBeVisible({ timeout: 10_000 });
  await expect(offer).toContainText('主办方小王');
  await expect(page.getByTestId('group-offer')).toHaveCount(0);
  await visitorPage.getByTestId('group-offer-go').click();
  await expect(offer).toHaveCount(0);
  await expect
    .poll(
      async () => {
        const me = (await visitor.self())!;
        return Math.hypot(me.x - hostAt.x, me.z - hostAt.z);
      },
      { message: 'walked over to the host', timeout: 20_000 },
    )
    .toBeLessThan(3);
});
