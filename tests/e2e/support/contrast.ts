/**
 * Text contrast over the 3D view (issue #13, WCAG 2.2 AA 1.4.3). axe cannot judge text whose
 * background is, somewhere below, the WebGL canvas ("needs review": imgNode / bgOverlap), which is
 * every panel of the hall. This check does: for each visible text element it stacks the background
 * colours of the element and its ancestors (translucent panels included) over a backdrop, and
 * takes the worst ratio over a range of backdrops from black to white — whatever the scene shows
 * behind, the text must reach 4.5:1 (3:1 when large: 24 px, or 18.66 px bold).
 */
import type { Page } from '@playwright/test';

export interface ContrastMiss {
  text: string;
  selector: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
}

export async function contrastOverScene(page: Page, rootSelector = '[data-testid="hall-page"]'): Promise<{ checked: number; misses: ContrastMiss[] }> {
  return page.evaluate((rootSel) => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA | null => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const p = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top: RGBA, bottom: [number, number, number]): [number, number, number] => [
      top[0] * top[3] + bottom[0] * (1 - top[3]),
      top[1] * top[3] + bottom[1] * (1 - top[3]),
      top[2] * top[3] + bottom[2] * (1 - top[3]),
    ];
    const lum = ([r, g, b]: [number, number, number]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: [number, number, number], b: [number, number, number]) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const tid = el.getAttribute('data-testid');
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${tid ? `[data-testid=${tid}]` : ''}${cls}`;
    };
    const root = document.querySelector(rootSel);
    if (!root) return { checked: 0, misses: [] };
    let checked = 0;
    const misses: ContrastMiss[] = [];
    const backdrops: [number, number, number][] = [];
    for (let g = 0; g <= 256; g += 32) backdrops.push([Math.min(255, g), Math.min(255, g), Math.min(255, g)]);
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      // inactive controls are exempt (WCAG 1.4.3)
      if (!own || el.closest('canvas, svg, [hidden], :disabled, [aria-disabled="true"]')) continue;
      const rect = el.getBoundingClientRect();
      // (text scrolled out of a panel counts: it shows when scrolled to)
      if (rect.width < 2 || rect.height < 2) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible' || Number(cs.opacity) === 0) continue;
      // visually hidden (the skip link and "nearby" list while they have no focus): read, not seen
      let clipped = false;
      for (let a: HTMLElement | null = el; a && a !== root && !clipped; a = a.parentElement) clipped = getComputedStyle(a).clipPath.startsWith('inset(50%');
      if (clipped) continue;
      const fg = parse(cs.color);
      if (!fg) continue;
      checked++;
      // backgrounds from the element down to the first opaque one (or the canvas)
      const layers: RGBA[] = [];
      let opaque = false;
      // the root's own background is under the canvas: not counted
      for (let a: HTMLElement | null = el; a && a !== root && !opaque; a = a.parentElement) {
        const bg = parse(getComputedStyle(a).backgroundColor);
        if (bg && bg[3] > 0) {
          layers.push(bg);
          if (bg[3] >= 1) opaque = true;
        }
      }
      const size = parseFloat(cs.fontSize);
      const bold = Number(cs.fontWeight) >= 700;
      const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
      let worst = Infinity;
      let worstBg: [number, number, number] = [0, 0, 0];
      for (const b of opaque ? [backdrops[0]] : backdrops) {
        let bg: [number, number, number] = b;
        for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
        const r = ratio(over(fg, bg), bg);
        if (r < worst) {
          worst = r;
          worstBg = bg;
        }
      }
      if (worst < needed)
        misses.push({
          text: el.textContent!.trim().slice(0, 40),
          selector: describe(el),
          ratio: Math.round(worst * 100) / 100,
          needed,
          color: cs.color,
          background: `rgb(${worstBg.map(Math.round).join(', ')})`,
        });
    }
    return { checked, misses };
  }, rootSelector);
}

/** Logs the misses and fails (softly: every page of the spec is still scanned) on any. */
export async function expectContrastOverScene(page: Page, label: string): Promise<ContrastMiss[]> {
  const { expect } = await import('@playwright/test');
  const { checked, misses } = await contrastOverScene(page);
  console.log(`[contrast] ${label}: ${misses.length} of ${checked} text elements under AA over some backdrop`);
  // a page with nothing checked would pass vacuously
  expect.soft(checked, `text elements checked on ${label}`).toBeGreaterThan(5);
  for (const m of misses) console.log(`[contrast]   ${m.ratio}:1 < ${m.needed}:1 ${m.selector} "${m.text}" ${m.color} on ${m.background}`);
  expect.soft(misses, `text under WCAG AA contrast over the 3D view on ${label}`).toEqual([]);
  return misses;
}
