/**
 * Phones in the halls bench (issue #13 part 1): the same hall, the same pinned camera, the same crowd,
 * drawn by a phone profile (iPhone SE size 320x568, touch, isMobile, device pixel ratio 2) on the
 * automatic quality tier, against the desktop profile (960x540, dpr 1, high) measured in the same
 * run. The phone's figure is taken once the tier rule (scene/quality/tiers.ts) has settled; the
 * tier it chose and the canvas' drawing-buffer size are printed. A second table pins each tier on
 * the same phone in the first hall, so what each step down buys is seen as a ratio.
 * Env: BENCH_PHONE_HALLS=gulangyu (a comma list) for fewer halls, BENCH_PHONE_SWEEP=0 to skip the
 * pinned-tier table; progress goes to stderr.
 * Frame times under software WebGL are figures to compare within one run, never across machines.
 */
import type { Browser, BrowserContextOptions } from '@playwright/test';
import { HALL_IDS, type HallId } from '../../shared/halls';
import { NAME_SHIM, VIEW, joinBots, measure, textureCounter } from '../halls';
import type {} from '../../client/src/debug';

const BOTS = Number(process.env.BENCH_BOTS ?? 49);
const PHONE: BrowserContextOptions = { viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 960, height: 540 }, deviceScaleFactor: 1 };

async function sample(browser: Browser, options: BrowserContextOptions, url: string) {
  const ctx = await browser.newContext(options);
  await ctx.addInitScript(() => localStorage.setItem('ludao.profile', '{"name":"bench","color":1,"style":0}'));
  await ctx.addInitScript(NAME_SHIM);
  await ctx.addInitScript(textureCounter);
  const page = await ctx.newPage();
  try {
    // waits (in the page) until the quality tier has stayed the same for 8 s and 7 frames: the tier rule
    // judges at most once a frame, and 7 judgements (3 settling + 3 slow + 1) would have stepped it down
    // were it too slow (serialized into the page: no closure)
    const settled = () => {
      const w = window as unknown as { __tier?: string; __tierSince?: number; __tierFrames?: number; __counting?: boolean };
      if (!w.__counting) {
        w.__counting = true;
        const tick = () => {
          w.__tierFrames = (w.__tierFrames ?? 0) + 1;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }
      const tier = window.__ludao?.quality().tier;
      if (w.__tier !== tier) {
        w.__tier = tier;
        w.__tierSince = performance.now();
        w.__tierFrames = 0;
      }
      return performance.now() - (w.__tierSince ?? 0) > 8000 && (w.__tierFrames ?? 0) >= 7;
    };
    const s = await measure(page, url, settled);
    const info = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="hall-canvas"] canvas')!;
      return { q: window.__ludao!.quality(), w: c.width, h: c.height };
    });
    return { ...s, tier: info.q.tier, buffer: `${info.w}x${info.h}` };
  } finally {
    await ctx.close();
  }
}

export async function phonesRows(browser: Browser, base: string): Promise<string[]> {
  const rows: string[] = [];
  // BENCH_PHONE_HALLS=gulangyu measures fewer halls (a quick try)
  const halls = process.env.BENCH_PHONE_HALLS ? HALL_IDS.filter((h) => process.env.BENCH_PHONE_HALLS!.split(',').includes(h)) : HALL_IDS;
  for (const hall of halls) {
    const bots = await joinBots(hall as HallId, BOTS);
    try {
      const q = `cam=${VIEW[hall]}&mood=day`;
      const desk = await sample(browser, DESKTOP, `${base}/hall/${hall}?${q}&quality=high`);
      const phone = await sample(browser, PHONE, `${base}/hall/${hall}?${q}`);
      const ratio = desk.drawMs ? phone.drawMs / desk.drawMs : NaN;
      rows.push(
        `${hall.padEnd(9)}  visitors ${bots.length + 1}  phone 320x568 dpr 2 touch, auto → ${phone.tier} (buffer ${phone.buffer}): draw ${phone.drawMs.toFixed(1)} ms` +
          `  vs desktop 960x540 high (buffer ${desk.buffer}): ${desk.drawMs.toFixed(1)} ms = ×${ratio.toFixed(2)}` +
          `  calls ${phone.calls} / ${desk.calls}  tris ${phone.triangles} / ${desk.triangles}  (frame interval ${phone.frameMs.toFixed(1)} / ${desk.frameMs.toFixed(1)} ms)`,
      );
      console.warn(`phones: ${rows.at(-1)}`);
      if (hall === halls[0] && process.env.BENCH_PHONE_SWEEP !== '0') {
        // each tier pinned on the same phone: what a step down buys
        const tiers: string[] = [];
        let high = 0;
        for (const tier of ['high', 'medium', 'low'] as const) {
          const t = await sample(browser, PHONE, `${base}/hall/${hall}?${q}&quality=${tier}`);
          if (tier === 'high') high = t.drawMs;
          tiers.push(
            `${tier} ${t.drawMs.toFixed(1)} ms (×${(high ? t.drawMs / high : NaN).toFixed(2)}, buffer ${t.buffer}, calls ${t.calls}, tris ${t.triangles})`,
          );
        }
        rows.push(`${hall.padEnd(9)}  phone 320x568 dpr 2, each tier pinned: ${tiers.join('  ')}`);
      }
    } finally {
      for (const r of bots) await r.leave(true).catch(() => undefined);
    }
  }
  return rows;
}
