/**
 * Repeat visits and venue networks (issue #13, part 5): the built client registers its service
 * worker (client/build/pwaPlugin.ts); a second visit takes the client and the hall's files from it
 * while the page itself always comes from the network; with the network down a page request gets
 * the bilingual offline page; and a client whose protocol differs from the server's reloads once
 * onto the server's own client, or says it is outdated rather than reload in a loop.
 *
 * The server's version is changed for the page by route interception of /api/health (the endpoint
 * client/src/pwa/versionCheck.ts asks): the real server's join check is covered by the hall specs.
 */
import type { BrowserContext, Page, Response } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { PROTOCOL_VERSION } from '../../shared/protocol';

const HALL = '/hall/gulangyu';

async function withProfile(context: BrowserContext, name: string): Promise<void> {
  await context.addInitScript((n) => localStorage.setItem('ludao.profile', JSON.stringify({ name: n, color: 2, style: 0 })), name);
}

/** Waits until the SW is active and controls the page (clientsClaim). */
async function controlled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active && !!navigator.serviceWorker.controller), {
      timeout: 20_000,
      message: 'the service worker controls the page',
    })
    .toBe(true);
}

/** Cache names and the paths each holds. */
function cachedPaths(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    return out;
  });
}

test.describe('repeat visits and the offline page', () => {
  test('the SW caches the client and the hall files, never a page; a second visit takes them from it', async ({ page, context, request }) => {
    // headers: the worker and the page are revalidated every time, hashed files kept for a year
    const sw = await request.get('/sw.js');
    expect(sw.status()).toBe(200);
    expect(sw.headers()['cache-control']).toBe('no-cache');
    expect((await request.get('/')).headers()['cache-control']).toBe('no-cache');
    const manifest = await request.get('/manifest.webmanifest');
    expect(manifest.headers()['content-type']).toContain('application/manifest+json');
    expect(((await manifest.json()) as { name: string }).name).toContain('鹭岛云展');
    const html = await (await request.get('/')).text();
    const hallFiles = (JSON.parse(/id="ludao-hall-files">([^<]*)</.exec(html)![1]) as { url: string }[]).map((f) => f.url);
    expect(hallFiles.length).toBeGreaterThan(3);
    expect((await request.get(hallFiles[0])).headers()['cache-control']).toContain('immutable');

    await withProfile(context, '回访');
    const hall = new HallPage(page);
    await page.goto(HALL);
    await hall.waitJoined('gulangyu');
    await controlled(page);

    // Second visit, same context: every script, style and font comes from the SW; the page from the network.
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    // every loading step the page shows, from its first script on
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __stages: string[] }).__stages = seen;
      new MutationObserver(() => {
        const s = document.querySelector('[data-testid="hall-loading"]')?.getAttribute('data-stage');
        if (s && seen[seen.length - 1] !== s) seen.push(s);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.reload();
    await hall.waitJoined('gulangyu');
    // the repeat visit from cache still walks its steps to the end
    await expect.poll(() => page.evaluate(() => (window as unknown as { __stages: string[] }).__stages.at(-1))).toBe('ready');
    const assets = responses.filter((r) => new URL(r.url()).pathname.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(3);
    for (const path of hallFiles)
      expect(
        assets.some((r) => new URL(r.url()).pathname === path && r.fromServiceWorker()),
        `${path} from the SW`,
      ).toBe(true);
    expect(assets.filter((r) => !r.fromServiceWorker()).map((r) => r.url())).toEqual([]);

    // what the caches hold: hashed files and the offline page (and the manifest), no page of the app and no API answer
    const cached = await cachedPaths(page);
    const all = Object.values(cached).flat();
    expect(all.filter((p) => p.startsWith('/assets/')).length).toBeGreaterThan(hallFiles.length - 1);
    expect(all).toContain('/offline.html');
    expect(all.filter((p) => !p.startsWith('/assets/') && !['/offline.html', '/offline.js', '/favicon.svg', '/manifest.webmanifest'].includes(p))).toEqual([]);
  });

  test('offline, a page request gets the offline page, and it retries once back online', async ({ page, context }) => {
    await withProfile(context, '离线');
    await page.goto(HALL);
    await new HallPage(page).waitJoined('gulangyu');
    await controlled(page);

    await context.setOffline(true);
    await page.goto(HALL);
    const offline = page.getByTestId('offline-page');
    await expect(offline).toBeVisible();
    // Chinese first, English second, saying what still works and what needs the network
    await expect(offline.locator('h1')).toHaveText('网络已断开，连不上展馆');
    await expect(offline).toContainText('仍然可用');
    await expect(offline).toContainText('Still works');
    await page.screenshot({ path: test.info().outputPath('offline.png'), fullPage: true });
    await page.getByTestId('offline-retry').click();
    await expect(page.locator('#status')).toContainText('仍然离线');

    // back online, the page notices by itself and opens the hall it was asked for
    await context.setOffline(false);
    await new HallPage(page).waitJoined('gulangyu');
  });

  test('a client whose protocol differs from the server reloads once onto the fresh client, or says it is outdated', async ({ page, context }) => {
    await withProfile(context, '版本');
    await page.goto('/');
    await controlled(page);

    // The server "upgrades" once: the first answer after this names another version.
    let answers = 0;
    await context.route('**/api/health', async (route) => {
      answers++;
      const res = await route.fetch();
      const body = (await res.json()) as { protocol: number };
      await route.fulfill({ response: res, json: { ...body, protocol: answers === 1 ? PROTOCOL_VERSION + 1 : body.protocol } });
    });
    let documents = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) documents++;
    });
    await page.goto(HALL);
    // the stale answer reloads the page once; the fresh one lets it stay and join
    await expect.poll(() => documents, { message: 'one reload after the first document', timeout: 30_000 }).toBe(2);
    await new HallPage(page).waitJoined('gulangyu');
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    expect(answers).toBe(2);

    // A server that keeps answering another version: one reload, then the notice, no loop.
    await context.unrouteAll({ behavior: 'wait' });
    await context.route('**/api/health', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { protocol: number };
      await route.fulfill({ response: res, json: { ...body, protocol: PROTOCOL_VERSION + 1 } });
    });
    documents = 0;
    await page.goto('/');
    const notice = page.getByTestId('update-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('展会已升级');
    await page.waitForTimeout(1000);
    expect(documents).toBe(2);
    await page.screenshot({ path: test.info().outputPath('update-notice.png') });
  });
});
