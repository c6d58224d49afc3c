/**
 * Booth analytics end to end (issue #10): a visitor walks up to a booth in the real hall; the
 * server counts the visit from its own poses; the booth's exhibitor signs in and sees the visit in
 * the console, with the charts drawn (ECharts, loaded with the analytics card) and the CSV
 * downloading; the organizer sees the hall heatmap over the plan. Screenshots of both cards are
 * attached to the test; with DOCS_SHOTS=1 they also replace docs/analytics.png and
 * docs/analytics-heatmap.png (so an ordinary test run leaves the checkout clean).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, TestInfo } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { decodePng, imageStats } from './support/png';
import { DEMO_PASSWORD, demoEmail } from '../../shared/demo';
import { DEMO_COMPANIES } from '../../server/seed/companies';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };
const DOCS = path.resolve(import.meta.dirname, '../../docs');

async function shot(el: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(name);
  await el.scrollIntoViewIfNeeded();
  await el.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  if (process.env.DOCS_SHOTS === '1') fs.copyFileSync(file, path.join(DOCS, name));
}

/** A drawn chart: its canvas shows more than a blank box. */
async function expectDrawn(chart: Locator): Promise<void> {
  await expect(chart).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(chart.locator('canvas').first()).toBeVisible();
  const stats = imageStats(decodePng(await chart.screenshot()));
  expect(stats.distinctColours, 'colours in the chart').toBeGreaterThan(4);
  expect(stats.dominantShare, 'share of the background').toBeLessThan(0.99);
}

test('a visit at a booth shows in its exhibitor’s console with charts and a CSV; the organizer sees the heatmap', async ({ page, openVisitor }, testInfo) => {
  test.setTimeout(240_000);
  const visitor = await openVisitor();
  await visitor.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '数据访客', color: 4, style: 1 })));
  await visitor.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(visitor);
  await hall.waitJoined('gulangyu');
  await hall.waitSettled();

  // The visitor walks with the keyboard to the booth nearest where they arrived.
  await expect
    .poll(() => hall.desks().then((d) => d.filter((x) => x.kind === 'booth').length), { message: 'booths placed', timeout: 20_000 })
    .toBeGreaterThan(0);
  const spawn = (await hall.self())!;
  const booths = (await hall.desks()).filter((d) => d.kind === 'booth');
  const dist = (d: { x: number; z: number }) => Math.hypot(d.x - spawn.x, d.z - spawn.z);
  const target = booths.reduce((a, b) => (dist(b) < dist(a) ? b : a));
  // Whose booth it is: that demo exhibitor signs in to the console before the visitor walks up.
  const booth = await (await visitor.request.get(`/api/booths/${target.id}`)).json();
  const company = DEMO_COMPANIES.find((c) => c.name[0] === booth.exhibitor.name.zh);
  expect(company, `a demo company for ${booth.exhibitor.name.zh}`).toBeDefined();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto('/exhibitor');
  await page.getByTestId('login-email').fill(demoEmail(company!.key));
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  const card = page.getByTestId('booth-analytics');
  await expect(card).toBeVisible({ timeout: 20_000 });
  const counter = async (name: string) => {
    await card.getByTestId('analytics-refresh').click();
    return (await card.getByTestId(`analytics-${name}`).locator('b').textContent()) ?? '';
  };
  const visitsBefore = Number((await counter('visits')).replace(/,/g, ''));

  // The visitor walks with the keyboard to the booth; the server counts the visit from its own poses.
  await hall.walk([target], () => hall.proximity().then((p) => p.near?.kind === 'booth' && p.near.id === target.id), `booth ${target.id}`);
  await expect(visitor.getByTestId('booth-panel')).toHaveAttribute('data-booth', target.id);
  await expect.poll(async () => Number((await counter('visits')).replace(/,/g, '')), { message: 'the visit counted', timeout: 15_000 }).toBe(visitsBefore + 1);
  await expect(card.getByTestId('analytics-uniqueVisitors').locator('b')).not.toHaveText('0');
  // Stay a little (the sampler counts whole seconds: a visit left within its first second has a dwell
  // of 0 s), then leaving the hall ends the visit, which then has its dwell.
  await visitor.waitForTimeout(2500);
  await visitor.getByTestId('leave').dispatchEvent('click');
  await expect.poll(() => counter('avgDwell'), { message: 'the dwell counted', timeout: 15_000 }).not.toMatch(/^0 /);
  for (const id of ['analytics-series', 'analytics-dwell', 'analytics-funnel']) await expectDrawn(card.getByTestId(id));

  // CSV of the series: UTF-8 with a BOM, Chinese and English headers.
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('analytics-csv').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^analytics-${target.id}-\\d{4}-\\d\\d-\\d\\d\\.csv$`));
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('到访 Visits');

  await shot(card, testInfo, 'analytics.png');

  // The organizer: every booth, and the hall heatmap over the plan, with this visitor in it.
  await page.getByTestId('sign-out').click();
  await page.goto('/organizer');
  await page.getByTestId('login-email').fill(ORGANIZER.email);
  await page.getByTestId('login-password').fill(ORGANIZER.password);
  await page.getByTestId('login-submit').click();
  const expo = page.getByTestId('expo-analytics');
  await expect(expo).toBeVisible({ timeout: 20_000 });
  await expect(expo.getByTestId('analytics-booths').locator(`tr[data-booth="${target.id}"]`)).toBeVisible();
  const heat = expo.getByTestId('analytics-heatmap');
  await expect.poll(async () => Number(await heat.getAttribute('data-cells')), { message: 'heatmap cells', timeout: 15_000 }).toBeGreaterThan(0);
  await expectDrawn(expo.getByTestId('analytics-series'));
  await shot(expo.locator('.analytics-heatmap'), testInfo, 'analytics-heatmap.png');
});
