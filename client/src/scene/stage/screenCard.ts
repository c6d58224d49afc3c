/**
 * What the stage screen shows when no video plays on it: the session's title in both languages
 * (everyone in the hall reads the same screen) and its state, a countdown before the start or
 * "ended" with the next session, drawn on a canvas in the hall's colours.
 */
import * as THREE from 'three';
import type { HallId } from '../../../../shared/halls';

export interface CardText {
  /** e.g. "首映 Premiere" */
  label: string;
  titleZh: string;
  titleEn: string;
  /** e.g. "12:05 后开始 · Starts in 12:05" */
  status: string;
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
    const key = `${text.label}|${text.titleZh}|${text.titleEn}|${text.status}`;
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
    ctx.fillStyle = th.accent;
    ctx.font = `bold 44px ${FONT}`;
    ctx.fillText(text.label, W / 2, 90, W - 80);
    ctx.fillStyle = th.ink;
    ctx.font = `bold 72px ${FONT}`;
    ctx.fillText(text.titleZh, W / 2, 230, W - 80);
    ctx.font = `44px ${FONT}`;
    ctx.fillText(text.titleEn, W / 2, 320, W - 80);
    ctx.fillStyle = th.accent;
    ctx.font = `bold 56px ${FONT}`;
    ctx.fillText(text.status, W / 2, 450, W - 80);
    this.texture.needsUpdate = true;
  }

  /** Forget the last text: the next draw repaints (after a font has loaded). */
  invalidate(): void {
    this.last = '';
  }

  dispose(): void {
    this.texture.dispose();
  }
}
