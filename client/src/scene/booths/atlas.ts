/**
 * One canvas texture holds every booth's sign (logo, name, title) and screen picture for a hall, so
 * all signs and screens draw in a single call. Each slot of the hall owns two fixed cells; a booth's
 * cells are redrawn when the booth or the language changes.
 */
import * as THREE from 'three';
import type { BoothView } from '../../../../shared/api/schemas';
import { pick } from '../../i18n/pick';

export const CELL_W = 384;
export const CELL_H = 192;
const COLS = 5;
const INSET = 3;

export interface CellUv {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
}

const images = new Map<string, Promise<HTMLImageElement | null>>();

function loadImage(url: string): Promise<HTMLImageElement | null> {
  let p = images.get(url);
  if (!p) {
    p = new Promise((resolve) => {
      const img = new Image();
      img.decoding = 'async';
      img.onload = () => resolve(img);
      img.onerror = () => resolve(null);
      img.src = url;
    });
    images.set(url, p);
    // A small cache: logos and screens of one or two halls.
    if (images.size > 200) images.delete(images.keys().next().value!);
  }
  return p;
}

/** Largest font size (down to `min`) at which `text` fits `width`; ellipsised if even `min` does not. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number, size: number, min: number, weight: number): string {
  for (let s = size; s >= min; s -= 1) {
    ctx.font = `${weight} ${s}px "Noto Sans SC", system-ui, sans-serif`;
    if (ctx.measureText(text).width <= width) return text;
  }
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t}…`;
}

function wrap2(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  // Break anywhere for CJK, at spaces otherwise.
  const tokens = /[\u3000-\u9fff]/.test(text) ? [...text] : text.split(/(?<= )/);
  for (const tok of tokens) {
    if (ctx.measureText(cur + tok).width > width && cur) {
      lines.push(cur.trimEnd());
      cur = tok.trimStart();
      if (lines.length === 2) break;
    } else cur += tok;
  }
  if (lines.length < 2 && cur) lines.push(cur);
  if (lines.length === 2 && ctx.measureText(lines[1]).width > width) lines[1] = fit(ctx, lines[1], width, 1000, 1000, 400);
  return lines.slice(0, 2);
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

function cover(ctx: CanvasRenderingContext2D, img: HTMLImageElement, x: number, y: number, w: number, h: number): void {
  const s = Math.max(w / img.naturalWidth, h / img.naturalHeight);
  const sw = w / s;
  const sh = h / s;
  ctx.drawImage(img, (img.naturalWidth - sw) / 2, (img.naturalHeight - sh) / 2, sw, sh, x, y, w, h);
}

export interface SignProbe {
  name: string;
  title: string;
  logo: string | null;
  drawnAt: number;
}

export class BoothAtlas {
  readonly canvas: HTMLCanvasElement;
  readonly texture: THREE.CanvasTexture;
  private readonly ctx: CanvasRenderingContext2D;
  /** what each booth's cells were last drawn from, to skip redundant redraws */
  private drawn = new Map<number, string>();
  readonly signs = new Map<string, SignProbe>();

  constructor(readonly slots: number) {
    const rows = Math.ceil((Math.max(1, slots) * 2) / COLS);
    this.canvas = document.createElement('canvas');
    this.canvas.width = COLS * CELL_W;
    this.canvas.height = rows * CELL_H;
    this.ctx = this.canvas.getContext('2d')!;
    this.ctx.fillStyle = '#d9d4ca';
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.texture = new THREE.CanvasTexture(this.canvas);
    this.texture.colorSpace = THREE.SRGBColorSpace;
    this.texture.anisotropy = 4;
  }

  private origin(cell: number): [number, number] {
    return [(cell % COLS) * CELL_W, Math.floor(cell / COLS) * CELL_H];
  }

  uv(cell: number): CellUv {
    const [x, y] = this.origin(cell);
    const W = this.canvas.width;
    const H = this.canvas.height;
    return { u0: (x + INSET) / W, u1: (x + CELL_W - INSET) / W, v0: 1 - (y + CELL_H - INSET) / H, v1: 1 - (y + INSET) / H };
  }

  static signCell(slotIndex: number): number {
    return slotIndex * 2;
  }
  static screenCell(slotIndex: number): number {
    return slotIndex * 2 + 1;
  }

  /** Draws a booth's sign and screen into its slot's cells. Resolves when drawn (images loaded). */
  async draw(slotIndex: number, b: BoothView, lang: string): Promise<boolean> {
    const key = `${b.id}|${b.updatedAt}|${lang}`;
    if (this.drawn.get(slotIndex) === key) return false;
    this.drawn.set(slotIndex, key);
    const name = pick(b.exhibitor.name, lang);
    const other = lang.startsWith('zh') ? b.exhibitor.name.en : b.exhibitor.name.zh;
    const title = pick(b.title, lang);
    const screenUrl = b.images[0]?.url ?? b.products.find((p) => p.image)?.image?.url ?? null;
    const [logo, screen] = await Promise.all([
      b.exhibitor.logo ? loadImage(b.exhibitor.logo.url) : Promise.resolve(null),
      screenUrl ? loadImage(screenUrl) : Promise.resolve(null),
      document.fonts?.load(`700 32px "Noto Sans SC"`, name + other + title).catch(() => undefined),
    ]);
    // A newer draw for this slot started while images loaded: let it win.
    if (this.drawn.get(slotIndex) !== key) return false;
    this.drawSign(AtlasCell.sign(slotIndex), b, name, name === other ? '' : other, title, logo);
    this.drawScreen(AtlasCell.screen(slotIndex), b, screen, logo);
    this.signs.set(b.id, { name, title, logo: b.exhibitor.logo?.url ?? null, drawnAt: performance.now() });
    this.texture.needsUpdate = true;
    return true;
  }

  clear(slotIndex: number, boothId?: string): void {
    this.drawn.delete(slotIndex);
    if (boothId) this.signs.delete(boothId);
  }

  /** Saves the context and clips drawing to one atlas cell (callers restore); returns its origin. */
  private enterCell(cell: number): [number, number] {
    const ctx = this.ctx;
    const [x, y] = this.origin(cell);
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, CELL_W, CELL_H);
    ctx.clip();
    return [x, y];
  }

  private drawSign(cell: number, b: BoothView, name: string, sub: string, title: string, logo: HTMLImageElement | null): void {
    const ctx = this.ctx;
    const [x, y] = this.enterCell(cell);
    ctx.fillStyle = b.colors.primary;
    ctx.fillRect(x, y, CELL_W, CELL_H);
    ctx.fillStyle = b.colors.accent;
    ctx.fillRect(x, y + CELL_H - 10, CELL_W, 10);
    // logo on a white tile
    const L = 136;
    ctx.fillStyle = '#ffffff';
    roundRect(ctx, x + 18, y + 22, L + 12, L + 12, 18);
    ctx.fill();
    if (logo) {
      const s = Math.min(L / logo.naturalWidth, L / logo.naturalHeight);
      const w = logo.naturalWidth * s;
      const h = logo.naturalHeight * s;
      ctx.drawImage(logo, x + 24 + (L - w) / 2, y + 28 + (L - h) / 2, w, h);
    } else {
      ctx.fillStyle = b.colors.primary;
      ctx.font = `700 64px "Noto Sans SC", system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText([...name][0] ?? '?', x + 24 + L / 2, y + 28 + L / 2);
    }
    const tx = x + 180;
    const tw = CELL_W - 180 - 14;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = luminance(b.colors.primary) > 0.5 ? '#1d2430' : '#ffffff';
    ctx.fillText(fit(ctx, name, tw, 36, 18, 700), tx, y + 62);
    if (sub) {
      ctx.globalAlpha = 0.85;
      ctx.fillText(fit(ctx, sub, tw, 18, 12, 400), tx, y + 90);
      ctx.globalAlpha = 1;
    }
    if (title) {
      ctx.font = `700 20px "Noto Sans SC", system-ui, sans-serif`;
      ctx.fillStyle = readableOn(b.colors.primary, b.colors.accent);
      wrap2(ctx, title, tw).forEach((line, i) => ctx.fillText(line, tx, y + 128 + i * 26));
    }
    ctx.restore();
  }

  private drawScreen(cell: number, b: BoothView, img: HTMLImageElement | null, logo: HTMLImageElement | null): void {
    const ctx = this.ctx;
    const [x, y] = this.enterCell(cell);
    if (img) {
      cover(ctx, img, x, y, CELL_W, CELL_H);
    } else {
      const g = ctx.createLinearGradient(x, y, x + CELL_W, y + CELL_H);
      g.addColorStop(0, b.colors.primary);
      g.addColorStop(1, b.colors.accent);
      ctx.fillStyle = g;
      ctx.fillRect(x, y, CELL_W, CELL_H);
      if (logo) ctx.drawImage(logo, x + CELL_W / 2 - 64, y + CELL_H / 2 - 64, 128, 128);
    }
    ctx.restore();
  }
}

/** Cell numbers by slot index. */
export const AtlasCell = { sign: BoothAtlas.signCell, screen: BoothAtlas.screenCell };

function luminance(hex: string): number {
  const c = new THREE.Color(hex);
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

/** The accent colour if it stands out on the primary, else white or ink. */
function readableOn(bg: string, fg: string): string {
  const a = luminance(bg);
  const b = luminance(fg);
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return ratio >= 3 ? fg : a > 0.5 ? '#1d2430' : '#ffffff';
}
