/**
 * What the stage screen shows when no video plays on it: the session's title in both languages
 * (everyone in the hall reads the same screen) and its state, a countdown before the start or
 * "ended" with the next session, drawn on a canvas in the hall's colours. While a session takes
 * questions (issue #11), the top approved ones share the card below the title: still one texture,
 * so the screen stays one draw call.
 */
import * as THREE from 'three';
import type { HallId } from '../../../../shared/halls';
import { QA_STAGE_MAX } from '../../../../shared/constants';

export interface CardText {
  /** e.g. "首映 Premiere" */
  label: string;
  titleZh: string;
  titleEn: string;
  /** e.g. "12:05 后开始 · Starts in 12:05" */
  status: string;
  /** the approved questions with the most votes (Q&A), drawn under the status; empty or absent: none */
  questions?: readonly string[];
}

/** The auction card (issue #12): one lot, its picture, price, leader and countdown or result. */
export interface AuctionCardText {
  /** e.g. "拍卖 · Auction · 公益义拍 Charity" */
  label: string;
  /** in the visitor's language */
  title: string;
  /** e.g. "当前价 · Current bid" */
  priceLabel: string;
  /** e.g. "¥360" */
  price: string;
  /** e.g. "领先 Leading: Ana", or '' */
  leader: string;
  /** the countdown or the result, e.g. "剩余 1:23 left" or "成交 Sold" */
  clock: string;
  closed: boolean;
  pictureUrl: string | null;
}

const W = 1024;
const H = 576;
const FONT = "'Noto Sans SC', system-ui, sans-serif";

const THEMES: Record<HallId, { bg: [string, string]; accent: string; ink: string }> = {
  // a villa's cream plaster and brick red
  gulangyu: { bg: ['#f4ead6', '#e6d3b1'], accent: '#b0452e', ink: '#3a2a20' },
  // the harbour at dusk: deep sea blue and a painted-boat orange
  shapowei: { bg: ['#16324a', '#0c1d2c'], accent: '#e8742c', ink: '#f4efe6' },
};

export class ScreenCard {
  readonly texture: THREE.CanvasTexture;
  private readonly canvas: HTMLCanvasElement;
  private last = '';
  /** the lot picture being shown (one at a time), loaded once per URL */
  private picture: { url: string; img: HTMLImageElement } | null = null;
  /** the last auction card drew its lot's picture */
  pictureDrawn = false;

  constructor(private readonly hallId: HallId) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = W;
    this.canvas.height = H;
    this.texture = new THREE.CanvasTexture(this.canvas);
    this.texture.colorSpace = THREE.SRGBColorSpace;
  }

  /** The hall's card ground (gradient, accent bars top and bottom), text centred; returns the theme. */
  private paintCard(ctx: CanvasRenderingContext2D): (typeof THEMES)[HallId] {
    const th = THEMES[this.hallId];
    const grad = ctx.createLinearGradient(0, 0, 0, H);
    grad.addColorStop(0, th.bg[0]);
    grad.addColorStop(1, th.bg[1]);
    ctx.fillStyle = grad;
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = th.accent;
    ctx.fillRect(0, 0, W, 14);
    ctx.fillRect(0, H - 14, W, 14);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    return th;
  }

  /** Redraws only when the text changed (a countdown: once a second). */
  draw(text: CardText): void {
    const questions = text.questions ?? [];
    const key = `${text.label}|${text.titleZh}|${text.titleEn}|${text.status}|${questions.join('\n')}`;
    if (key === this.last) return;
    this.last = key;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const th = this.paintCard(ctx);
    if (questions.length) {
      // the title moves up and the questions take the lower half
      this.line(ctx, text.label, `bold 36px ${FONT}`, th.accent, 60);
      this.line(ctx, text.titleZh, `bold 60px ${FONT}`, th.ink, 128);
      this.line(ctx, text.titleEn, `36px ${FONT}`, th.ink, 188);
      this.line(ctx, text.status, `bold 40px ${FONT}`, th.accent, 242);
      ctx.fillStyle = th.accent;
      ctx.globalAlpha = 0.12;
      ctx.fillRect(40, 280, W - 80, H - 280 - 28);
      ctx.globalAlpha = 1;
      this.line(ctx, '观众提问 · Audience Q&A', `bold 30px ${FONT}`, th.accent, 310);
      ctx.textAlign = 'left';
      questions.slice(0, QA_STAGE_MAX).forEach((q, i) => this.line(ctx, `${i + 1}. ${q}`, `34px ${FONT}`, th.ink, 362 + i * 62, 64));
    } else {
      this.line(ctx, text.label, `bold 44px ${FONT}`, th.accent, 90);
      this.line(ctx, text.titleZh, `bold 72px ${FONT}`, th.ink, 230);
      this.line(ctx, text.titleEn, `44px ${FONT}`, th.ink, 320);
      this.line(ctx, text.status, `bold 56px ${FONT}`, th.accent, 450);
    }
    this.texture.needsUpdate = true;
  }

  /**
   * The auction card: the lot's picture on the left (when it has one and it has loaded), the
   * title, price, leader and the countdown or result on the right. Same canvas, same texture: the
   * screen stays one draw call. Redraws only when a drawn string changed or the picture arrived.
   */
  drawAuction(a: AuctionCardText): void {
    const img = this.pictureFor(a.pictureUrl);
    const ready = !!img && img.complete && img.naturalWidth > 0;
    this.pictureDrawn = ready;
    const key = `auction|${a.label}|${a.title}|${a.priceLabel}|${a.price}|${a.leader}|${a.clock}|${a.closed}|${a.pictureUrl}|${ready}`;
    if (key === this.last) return;
    this.last = key;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const th = this.paintCard(ctx);
    // with a picture the text takes the right part; without, the whole width
    let cx = W / 2;
    let maxW = W - 80;
    if (ready && img) {
      const box = { x: 40, y: 50, w: 440, h: H - 100 };
      const k = Math.min(box.w / img.naturalWidth, box.h / img.naturalHeight);
      const w = img.naturalWidth * k;
      const h = img.naturalHeight * k;
      ctx.fillStyle = th.ink;
      ctx.globalAlpha = 0.08;
      ctx.fillRect(box.x, box.y, box.w, box.h);
      ctx.globalAlpha = 1;
      ctx.drawImage(img, box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h);
      cx = 500 + (W - 40 - 500) / 2;
      maxW = W - 40 - 500;
    }
    const at = (text: string, font: string, colour: string, y: number) => {
      ctx.font = font;
      ctx.fillStyle = colour;
      ctx.fillText(text, cx, y, maxW);
    };
    at(a.label, `bold 34px ${FONT}`, th.accent, 76);
    at(a.title, `bold 54px ${FONT}`, th.ink, 158);
    at(a.priceLabel, `30px ${FONT}`, th.ink, 238);
    at(a.price, `bold 92px ${FONT}`, th.accent, 310);
    if (a.leader) at(a.leader, `36px ${FONT}`, th.ink, 392);
    if (a.closed) {
      // the result as a stamp-like band
      ctx.fillStyle = th.accent;
      ctx.fillRect(cx - maxW / 2, 430, maxW, 80);
      at(a.clock, `bold 52px ${FONT}`, th.bg[0], 471);
    } else at(a.clock, `bold 52px ${FONT}`, th.accent, 468);
    this.texture.needsUpdate = true;
  }

  private pictureFor(url: string | null): HTMLImageElement | null {
    if (!url) return null;
    if (this.picture?.url !== url) {
      const img = new Image();
      img.decoding = 'async';
      // the next tick's key sees it loaded and repaints; a broken picture leaves the text-only card
      img.src = url;
      this.picture = { url, img };
    }
    return this.picture.img;
  }

  /**
   * One line of text: centred and squeezed to fit (a title), or from `left` and cut with an ellipsis
   * (a question: up to 140 characters would be unreadable squeezed).
   */
  private line(ctx: CanvasRenderingContext2D, text: string, font: string, colour: string, y: number, left?: number): void {
    ctx.font = font;
    ctx.fillStyle = colour;
    if (left === undefined) return ctx.fillText(text, W / 2, y, W - 80);
    const max = W - left * 2;
    let t = text;
    if (ctx.measureText(t).width > max) {
      let lo = 0;
      let hi = t.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
        else hi = mid - 1;
      }
      t = `${text.slice(0, lo)}…`;
    }
    ctx.fillText(t, left, y);
  }

  /** Forget the last text: the next draw repaints (after a font has loaded). */
  invalidate(): void {
    this.last = '';
  }

  dispose(): void {
    this.texture.dispose();
  }
}
