/**
 * Headsets in the halls bench (issue #13 part 3): the frame budget of a 72 fps headset (13.9 ms a
 * frame) against the first hall, same pinned view, same crowd, measured in the same run as the
 * desktop profile (960x540, high). Two headset figures:
 * - per eye: the scene at 720x800 (a headset eye scaled down for software WebGL; a Quest 3 eye is
 *   about 1832x1920), drawn once; a stereo frame without multiview draws it twice (×2 printed);
 * - emulated session: iwer's Meta Quest 3 in stereo (tests/e2e/support/iwer.ts) at 1440x800 (two eyes
 *   of 720x800 side by side), entered through the hall's own "Enter VR" button; the probe's
 *   drawCost then draws the XR camera (both eyes) and waits for the GPU.
 * Software WebGL is far slower than a headset's GPU: read the ratios, and the budget as the line a
 * real device must keep.
 */
import type { Browser, Page } from '@playwright/test';
import { HALL_IDS, type HallId } from '../../shared/halls';
import { NAME_SHIM, VIEW, joinBots, measure, textureCounter } from '../halls';
import { installHeadset } from '../../tests/e2e/support/iwer';
import type {} from '../../client/src/debug';

const BOTS = Number(process.env.BENCH_BOTS ?? 49);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 8000);
const BUDGET_MS = 1000 / 72;
const DRAW_SAMPLES = 7;

async function context(browser: Browser, viewport: { width: number; height: number }) {
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await ctx.addInitScript(() => localStorage.setItem('ludao.profile', '{"name":"bench","color":1,"style":0}'));
  await ctx.addInitScript(NAME_SHIM);
  await ctx.addInitScript(textureCounter);
  return ctx;
}

async function flat(browser: Browser, viewport: { width: number; height: number }, url: string) {
  const ctx = await context(browser, viewport);
  try {
    return await measure(await ctx.newPage(), url);
  } finally {
    await ctx.close();
  }
}

/** The hall in iwer's emulated headset: joined, in the session, settled; then draw cost and draw calls. */
async function session(browser: Browser, url: string) {
  const ctx = await context(browser, { width: 1440, height: 800 });
  const page: Page = await ctx.newPage();
  try {
    await installHeadset(page, { stereo: true });
    await page.goto(url);
    await page.waitForFunction(() => window.__ludao?.render && window.__ludao.render.calls > 0 && window.__ludao.status() === 'joined', null, {
      timeout: 90_000,
    });
    await page.getByTestId('enter-vr').click({ timeout: 30_000 });
    await page.waitForFunction(() => window.__ludao?.vr?.().presenting === true, null, { timeout: 30_000 });
    await page.waitForTimeout(SETTLE_MS);
    const r = await page.evaluate(() => window.__ludao!.render!);
    const drawMs = await page.evaluate((n) => window.__ludao!.drawCost!(n), DRAW_SAMPLES);
    const buffer = await page.evaluate(() => {
      const c = document.querySelector('canvas')!;
      return `${c.width}x${c.height}`;
    });
    return { drawMs, calls: r.calls, triangles: r.triangles, frameMs: r.frameMs, buffer };
  } finally {
    await ctx.close();
  }
}

const vsBudget = (ms: number) => `${(ms / BUDGET_MS).toFixed(2)}× budget${ms <= BUDGET_MS ? ' (within)' : ''}`;

export async function vrRows(browser: Browser, base: string): Promise<string[]> {
  const hall: HallId = HALL_IDS[0];
  const bots = await joinBots(hall, BOTS);
  const rows: string[] = [];
  try {
    const q = `cam=${VIEW[hall]}&mood=day`;
    const desk = await flat(browser, { width: 960, height: 540 }, `${base}/hall/${hall}?${q}&quality=high`);
    const eye = await flat(browser, { width: 720, height: 800 }, `${base}/hall/${hall}?${q}&quality=low`);
    rows.push(`${hall.padEnd(9)}  desktop 960x540 high: draw ${desk.drawMs.toFixed(1)} ms  calls ${desk.calls}  tris ${desk.triangles}`);
    rows.push(
      `${hall.padEnd(9)}  one eye 720x800 low: draw ${eye.drawMs.toFixed(1)} ms, stereo ×2 = ${(eye.drawMs * 2).toFixed(1)} ms` +
        ` = ×${((eye.drawMs * 2) / desk.drawMs).toFixed(2)} desktop, ${vsBudget(eye.drawMs * 2)} (${BUDGET_MS.toFixed(1)} ms, 72 fps)  calls ${eye.calls}`,
    );
    try {
      const s = await session(browser, `${base}/hall/${hall}?${q}&quality=low`);
      rows.push(
        `${hall.padEnd(9)}  emulated Quest 3 session, stereo (buffer ${s.buffer}): draw ${s.drawMs.toFixed(1)} ms = ×${(s.drawMs / desk.drawMs).toFixed(2)} desktop,` +
          ` ${vsBudget(s.drawMs)}  calls ${s.calls} (both eyes)  tris ${s.triangles}  (frame interval ${s.frameMs.toFixed(1)} ms)`,
      );
    } catch (err) {
      rows.push(`${hall.padEnd(9)}  emulated session: not measured (${(err as Error).message.split('\n')[0]})`);
    }
  } finally {
    for (const r of bots) await r.leave(true).catch(() => undefined);
  }
  return rows;
}
