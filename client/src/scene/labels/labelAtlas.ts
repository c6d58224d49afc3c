/**
 * Name tags painted into one shared canvas texture, one fixed-size slot per visitor, so every
 * label in the hall is drawn by a single instanced mesh. The font is our self-hosted Noto Sans SC
 * (loaded per unicode-range slice on demand): no glyph comes from a third-party host. Names are
 * user text and only ever reach the screen through fillText.
 */
import * as THREE from 'three';
import { AVATAR_COLORS } from '../../../../shared/constants';

export const SLOT_W = 512;
export const SLOT_H = 64;
const COLS = 4;
const WIDTH = SLOT_W * COLS;
const FIRST_ROWS = 4;
/** 128 labels; the (rare) visitors beyond that have no tag rather than a 16 MB+ texture */
const MAX_ROWS = 32;
const FAMILY = '"Noto Sans SC", system-ui, sans-serif';
const FONT_PX = 36;
const MIN_FONT_PX = 18;
const PAD = 14;
const DOT_R = 10;

export interface LabelSlot {
  index: number;
  /** painted width in pixels (the slot may be wider) */
  width: number;
  /** false until the font slice arrived and the name is painted */
  ready: boolean;
  key: string;
}

export class LabelAtlas {
  private canvas = document.createElement('canvas');
  private ctx: CanvasRenderingContext2D;
  texture: THREE.CanvasTexture;
  private rows = FIRST_ROWS;
  private free: number[] = [];
  private used = 0;
  private slots = new Map<string, LabelSlot>();
  /** bumped by every paint; the frame loop uploads the texture once per change */
  version = 0;

  constructor() {
    this.canvas.width = WIDTH;
    this.canvas.height = SLOT_H * this.rows;
    this.ctx = this.canvas.getContext('2d')!;
    this.texture = this.makeTexture();
  }

  get height(): number {
    return this.canvas.height;
  }

  slot(id: string): LabelSlot | undefined {
    return this.slots.get(id);
  }

  /** Paints (or repaints) the tag for `id`; safe to call again with the same values. */
  set(id: string, name: string, colorIndex: number, self: boolean, staff = false): void {
    const key = `${colorIndex}|${self ? 1 : 0}|${staff ? 1 : 0}|${name}`;
    let s = this.slots.get(id);
    if (s?.key === key) return;
    if (!s) {
      const index = this.allocate();
      if (index < 0) return;
      s = { index, width: 0, ready: false, key };
      this.slots.set(id, s);
    }
    s.key = key;
    const slot = s;
    const font = `700 ${FONT_PX}px ${FAMILY}`;
    // Fetches only the unicode-range slices these characters need; paint with fallbacks if offline.
    const fontReady = typeof document.fonts?.load === 'function' ? document.fonts.load(font, name) : Promise.resolve([]);
    void fontReady
      .catch(() => [])
      .then(() => {
        if (this.slots.get(id) !== slot || slot.key !== key) return;
        slot.width = this.paint(slot.index, name, colorIndex, self, staff);
        slot.ready = true;
        this.version++;
      });
  }

  release(id: string): void {
    const s = this.slots.get(id);
    if (!s) return;
    this.slots.delete(id);
    this.free.push(s.index);
  }

  ids(): IterableIterator<string> {
    return this.slots.keys();
  }

  private allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.used === this.rows * COLS) {
      if (this.rows >= MAX_ROWS) return -1;
      this.growTo(this.rows * 2);
    }
    return this.used++;
  }

  private growTo(rows: number): void {
    const old = this.canvas;
    this.canvas = document.createElement('canvas');
    this.canvas.width = WIDTH;
    this.canvas.height = SLOT_H * rows;
    this.ctx = this.canvas.getContext('2d')!;
    this.ctx.drawImage(old, 0, 0);
    this.rows = rows;
    this.texture.dispose();
    this.texture = this.makeTexture();
    this.version++;
  }

  private makeTexture(): THREE.CanvasTexture {
    const t = new THREE.CanvasTexture(this.canvas);
    t.anisotropy = 4;
    t.generateMipmaps = true;
    t.minFilter = THREE.LinearMipmapLinearFilter;
    return t;
  }

  /** Booth staff on duty get the brick-red tag of the booth desks, so visitors find someone to ask. */
  private paint(index: number, name: string, colorIndex: number, self: boolean, staff: boolean): number {
    const ctx = this.ctx;
    const x0 = (index % COLS) * SLOT_W;
    const y0 = Math.floor(index / COLS) * SLOT_H;
    ctx.clearRect(x0, y0, SLOT_W, SLOT_H);

    let px = FONT_PX;
    ctx.font = `700 ${px}px ${FAMILY}`;
    const room = SLOT_W - PAD * 3 - DOT_R * 2 - 4;
    let textW = ctx.measureText(name).width;
    // Long names shrink to fit the slot rather than being cut.
    if (textW > room) {
      px = Math.max(MIN_FONT_PX, Math.floor((px * room) / textW));
      ctx.font = `700 ${px}px ${FAMILY}`;
      textW = Math.min(ctx.measureText(name).width, room);
    }
    const w = Math.ceil(PAD * 3 + DOT_R * 2 + textW);
    const h = SLOT_H - 8;
    const top = y0 + 4;

    ctx.fillStyle = staff ? 'rgba(181, 69, 47, 0.92)' : self ? 'rgba(11, 84, 128, 0.86)' : 'rgba(22, 28, 38, 0.72)';
    ctx.beginPath();
    ctx.roundRect(x0 + 1, top, w - 2, h, h / 2);
    ctx.fill();

    ctx.fillStyle = AVATAR_COLORS[colorIndex] ?? AVATAR_COLORS[0];
    ctx.beginPath();
    ctx.arc(x0 + PAD + DOT_R, top + h / 2, DOT_R, 0, Math.PI * 2);
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    ctx.stroke();

    ctx.fillStyle = '#ffffff';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillText(name, x0 + PAD * 2 + DOT_R * 2, top + h / 2 + 1, room);
    return w;
  }

  /** Slot rectangle in texture coordinates (the texture is flipped: v = 1 is the canvas top). */
  rect(s: LabelSlot, out: { u: number; v: number; du: number; dv: number }): void {
    const col = s.index % COLS;
    const row = Math.floor(s.index / COLS);
    const H = this.canvas.height;
    out.u = (col * SLOT_W) / WIDTH;
    out.du = s.width / WIDTH;
    out.dv = SLOT_H / H;
    out.v = 1 - ((row + 1) * SLOT_H) / H;
  }

  /** Frees the GPU copy only: React's strict mode may mount the same atlas again. */
  dispose(): void {
    this.texture.dispose();
  }
}
