/**
 * Screenshots of the 3D view alone (DOM overlays hidden) and a plain pixel comparison, for specs
 * that check a scene was drawn and that two viewpoints show different things.
 */
import type { Page, TestInfo } from '@playwright/test';
import type { HallPage } from '../pages/HallPage';
import { decodePng, imageStats, type Image, type ImageStats } from './png';
// window.__ludaoCapture's type (a type-only import: nothing of the client runs here).
import type {} from '../../../client/src/debug';

/** The DOM above the 3D view: the hall's overlays and, while it fades, the loading screen. */
export const HIDE_OVERLAYS = '[data-testid="hall-page"] > :not([data-testid="hall-canvas"]), [data-testid="hall-loading"] { visibility: hidden !important; }';

/**
 * Asks the client to keep the canvas' drawing buffer (client/src/debug.ts captureRequested), which
 * it does only for tests and benches: call before the page opens the hall.
 */
export async function askForCanvasCapture(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__ludaoCapture = true;
  });
}

export async function shootCanvas(hall: HallPage, testInfo: TestInfo, name: string): Promise<{ img: Image; stats: ImageStats }> {
  const path = testInfo.outputPath(`${name}.png`);
  const png = await hall.canvas.screenshot({ path, style: HIDE_OVERLAYS });
  await testInfo.attach(`${name}.png`, { path, contentType: 'image/png' });
  const img = decodePng(png);
  const stats = imageStats(img);
  testInfo.annotations.push({ type: name, description: JSON.stringify(stats) });
  return { img, stats };
}

/** Mean absolute difference per channel (0..255) of two same-sized images. */
export function meanAbsDiff(a: Image, b: Image): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    sum += Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
  }
  return sum / ((a.data.length / 4) * 3);
}
