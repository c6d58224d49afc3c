/**
 * A light landing page: it runs no 3D engine. The hall (three.js, @react-three/fiber, the scene) is
 * a lazy chunk, fetched while the visitor types a name; a hall link shows its loading in bytes and
 * steps, to screen readers too. The bundle budgets themselves are measured by `npm run bench:bundle`.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { LandingPage } from './pages/LandingPage';
import { HallPage } from './pages/HallPage';

/** Strings that only three.js's renderer and R3F's reconciler carry, in any build. */
const ENGINE_MARKS = ['WebGLRenderer:', 'R3F:'];

/** The files the build listed in index.html for the hall (client/build/hallFilesPlugin.ts). */
async function hallFiles(request: APIRequestContext): Promise<{ url: string; bytes: number }[]> {
  const html = await (await request.get('/')).text();
  const m = /<script type="application\/json" id="ludao-hall-files">([^<]*)<\/script>/.exec(html);
  expect(m, 'index.html lists the hall files').not.toBeNull();
  return JSON.parse(m![1]) as { url: string; bytes: number }[];
}

/** Every script the page fetched, with its text. */
function watchScripts(page: Page): Map<string, Promise<string>> {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (path.endsWith('.js'))
      scripts.set(
        path,
        res.text().catch(() => ''),
      );
  });
  return scripts;
}

test.describe('a light landing page', () => {
  test('the landing page runs no 3D engine; the hall downloads while the name is typed', async ({ page, request }) => {
    const files = await hallFiles(request);
    const urls = files.map((f) => f.url);
    // The listed files are the engine: one of them carries three's renderer (the test is not vacuous).
    const bodies = await Promise.all(urls.filter((u) => u.endsWith('.js')).map(async (u) => (await request.get(u)).text()));
    expect(bodies.some((b) => b.includes('WebGLRenderer:'))).toBe(true);
    expect(bodies.some((b) => b.includes('R3F:'))).toBe(true);

    const scripts = watchScripts(page);
    const landing = new LandingPage(page);
    await landing.goto();
    await page.waitForLoadState('networkidle');
    // Idle, focused, untouched: only the landing's own scripts.
    expect([...scripts.keys()].length).toBeGreaterThan(0);
    expect([...scripts.keys()].filter((p) => urls.includes(p))).toEqual([]);
    for (const [path, text] of scripts) for (const mark of ENGINE_MARKS) expect((await text).includes(mark), `${path} has ${mark}`).toBe(false);

    // The first key starts the download, before the visitor presses enter.
    await landing.nameInput.pressSequentially('小白鹭', { delay: 50 });
    await expect.poll(() => urls.filter((u) => !scripts.has(u) && u.endsWith('.js')), { message: 'hall scripts fetched while typing' }).toEqual([]);
    await expect(page).toHaveURL(/\/$/);

    // And the hall then opens from what was fetched.
    await landing.enterButton.click();
    await new HallPage(page).waitJoined('gulangyu');
  });

  test('a hall link shows its loading in kB and steps, as an accessible progress bar', async ({ page, request }) => {
    const files = await hallFiles(request);
    const totalKb = Math.max(1, Math.round(files.reduce((n, f) => n + f.bytes, 0) / 1024));
    // A slow line (1.5 MB/s), so the download has steps to see.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 1.5e6, uploadThroughput: 1e6 });
    await page.addInitScript(() => {
      localStorage.setItem('ludao.profile', JSON.stringify({ name: '进度', color: 3, style: 0 }));
      // Every state the progress bar shows, recorded as it changes.
      const log: { stage: string | null; now: string | null; max: string | null; text: string | null }[] = [];
      (window as unknown as { __loadingLog: typeof log }).__loadingLog = log;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="hall-loading"] [role="progressbar"]');
        if (!bar) return;
        const entry = {
          stage: bar.parentElement!.getAttribute('data-stage'),
          now: bar.getAttribute('aria-valuenow'),
          max: bar.getAttribute('aria-valuemax'),
          text: bar.getAttribute('aria-valuetext'),
        };
        const last = log[log.length - 1];
        if (!last || last.stage !== entry.stage || last.now !== entry.now || last.text !== entry.text) log.push(entry);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });

    await page.goto('/hall/gulangyu');
    const bar = page.getByRole('progressbar', { name: '展厅加载进度' });
    await expect(bar).toBeVisible();
    const hall = new HallPage(page);
    await hall.waitJoined('gulangyu');
    // It goes once the first frame is on screen.
    await expect(page.getByTestId('hall-loading')).toBeHidden({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    const log = await page.evaluate(() => (window as unknown as { __loadingLog: { stage: string; now: string; max: string; text: string }[] }).__loadingLog);
    const stages = log.map((e) => e.stage).filter((s, i, a) => s !== a[i - 1]);
    // In order, from download to ready (building may finish before the server answers, so it can be skipped).
    expect(stages[0]).toBe('download');
    expect(stages).toContain('connect');
    expect(stages[stages.length - 1]).toBe('ready');
    const order = ['download', 'connect', 'build', 'ready'];
    expect(stages.map((s) => order.indexOf(s))).toEqual([...stages.map((s) => order.indexOf(s))].sort((a, b) => a - b));

    // Downloading: kB of the listed files, counted up, with the same words for the ear.
    const downloads = log.filter((e) => e.stage === 'download' && e.now !== null);
    expect(downloads.length).toBeGreaterThan(2);
    for (const d of downloads) {
      expect(Number(d.max)).toBe(totalKb);
      expect(d.text).toBe(`下载展厅 ${d.now}/${totalKb} kB`);
    }
    const counted = downloads.map((d) => Number(d.now));
    expect(counted).toEqual([...counted].sort((a, b) => a - b));
    expect(
      counted.some((n) => n > 0 && n < totalKb),
      'a partial count',
    ).toBe(true);
    // Then full, naming each step.
    const after = log.filter((e) => e.stage !== 'download');
    for (const e of after) expect(e.now).toBe(String(totalKb));
    expect(after.map((e) => e.text)).toEqual(expect.arrayContaining(['连接服务器', '就绪']));
  });
});
