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

  constructor(private readonly hallId: HallId) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = W;
    this.canvas.height = H;
    this.texture = new THREE.CanvasTexture(this.canvas);
    this.texture.colorSpace = THREE.SRGBColorSpace;
  }

  /** Redraws only when the text changed (a countdown: once a second). */
  draw(text: CardText): void {
    const questions = text.questions ?? [];
    const key = `${text.label}|${text.titleZh}|${text.titleEn}|${text.status}|${questions.join('\n')}`;
    if (key === this.last) return;
    this.last = key;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
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
