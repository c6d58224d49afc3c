/**
 * The in-world panels of the VR view, drawn on canvases (DOM overlays are not visible in a headset):
 * a booth's card (name, exhibitor, staff, products and its main actions as buttons a controller ray
 * presses) and the caption strip (stage captions, the guide's words). All text from exhibitors is
 * drawn as text. Each panel is one textured plane: one draw call.
 */
import * as THREE from 'three';

const FONT = "'Noto Sans SC', system-ui, sans-serif";
const INK = '#1f2a33';
const MUTED = '#51606b';
const ACCENT = '#0b6e69';

export type BoothAction = 'leaveCard' | 'askStaff' | 'meeting' | 'close';

export interface BoothCardText {
  title: string;
  exhibitor: string;
  staff: string;
  staffOn: boolean;
  productsLabel: string;
  products: string[];
  hint: string;
  buttons: { action: BoothAction; label: string }[];
}

/** Wraps `text` to lines no wider than `maxW` (CJK breaks anywhere, other scripts at spaces). */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxW: number, maxLines: number): string[] {
  const lines: string[] = [];
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (ctx.measureText(next).width <= maxW || !line) {
      line = next;
      continue;
    }
    lines.push(line.trimEnd());
    line = tok.trimStart();
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line.trim()) lines.push(line.trimEnd());
  if (lines.length === maxLines && tokens.join('').length > lines.join('').length + 1) lines[maxLines - 1] = lines[maxLines - 1].replace(/.$/, '…');
  return lines;
}

abstract class CanvasPanel {
  readonly texture: THREE.CanvasTexture;
  readonly mesh: THREE.Mesh;
  protected readonly canvas: HTMLCanvasElement;
  protected readonly ctx: CanvasRenderingContext2D;
  private last = '';

  constructor(
    readonly px: { w: number; h: number },
    readonly metres: { w: number; h: number },
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = px.w;
    this.canvas.height = px.h;
    this.ctx = this.canvas.getContext('2d')!;
    this.texture = new THREE.CanvasTexture(this.canvas);
    this.texture.colorSpace = THREE.SRGBColorSpace;
    this.texture.anisotropy = 4;
    const mat = new THREE.MeshBasicMaterial({ map: this.texture, transparent: true, depthTest: true, toneMapped: false });
    this.mesh = new THREE.Mesh(new THREE.PlaneGeometry(metres.w, metres.h), mat);
    this.mesh.renderOrder = 10;
  }

  /** Redraws only when the key (the text) changed. */
  protected redraw(key: string, paint: () => void): void {
    if (key === this.last) return;
    this.last = key;
    const { ctx } = this;
    ctx.clearRect(0, 0, this.px.w, this.px.h);
    paint();
    this.texture.needsUpdate = true;
  }

  protected card(alpha: number): void {
    const { ctx } = this;
    ctx.fillStyle = `rgba(250, 248, 242, ${alpha})`;
    ctx.beginPath();
    ctx.roundRect(4, 4, this.px.w - 8, this.px.h - 8, 28);
    ctx.fill();
    ctx.strokeStyle = ACCENT;
    ctx.lineWidth = 6;
    ctx.stroke();
  }

  dispose(): void {
    this.texture.dispose();
    this.mesh.geometry.dispose();
    (this.mesh.material as THREE.Material).dispose();
  }
}

const BTN = { y: 600, h: 120, gap: 24, pad: 48 };

export class BoothCard extends CanvasPanel {
  private buttons: { action: BoothAction; x: number; w: number }[] = [];

  constructor() {
    super({ w: 1024, h: 768 }, { w: 1.2, h: 0.9 });
  }

  draw(t: BoothCardText): void {
    this.redraw(JSON.stringify(t), () => {
      const { ctx } = this;
      const W = this.px.w;
      this.card(0.96);
      ctx.textBaseline = 'alphabetic';
      ctx.textAlign = 'left';
      ctx.fillStyle = INK;
      ctx.font = `bold 60px ${FONT}`;
      wrap(ctx, t.title, W - 96, 1).forEach((l) => ctx.fillText(l, 48, 100));
      ctx.font = `36px ${FONT}`;
      ctx.fillStyle = MUTED;
      ctx.fillText(t.exhibitor, 48, 160, W - 96);
      ctx.fillStyle = t.staffOn ? ACCENT : MUTED;
      ctx.fillText(`● ${t.staff}`, 48, 212, W - 96);
      ctx.fillStyle = INK;
      ctx.font = `bold 36px ${FONT}`;
      ctx.fillText(t.productsLabel, 48, 280);
      ctx.font = `34px ${FONT}`;
      t.products.slice(0, 4).forEach((p, i) => ctx.fillText(`· ${p}`, 64, 330 + i * 48, W - 128));
      ctx.fillStyle = MUTED;
      ctx.font = `26px ${FONT}`;
      wrap(ctx, t.hint, W - 96, 2).forEach((l, i) => ctx.fillText(l, 48, 540 + i * 32));
      // the buttons, evenly across the bottom; their spans are kept for hit testing by uv
      const n = t.buttons.length;
      const w = (W - BTN.pad * 2 - BTN.gap * (n - 1)) / n;
      this.buttons = t.buttons.map((b, i) => ({ action: b.action, x: BTN.pad + i * (w + BTN.gap), w }));
      ctx.textAlign = 'center';
      ctx.font = `bold 36px ${FONT}`;
      for (let i = 0; i < n; i++) {
        const b = this.buttons[i];
        const close = t.buttons[i].action === 'close';
        ctx.fillStyle = close ? '#dfe5e8' : ACCENT;
        ctx.beginPath();
        ctx.roundRect(b.x, BTN.y, b.w, BTN.h, 20);
        ctx.fill();
        ctx.fillStyle = close ? INK : '#ffffff';
        ctx.fillText(t.buttons[i].label, b.x + b.w / 2, BTN.y + BTN.h / 2 + 13, b.w - 16);
      }
    });
  }

  /** The button under a ray hit's uv (three's uv: v = 0 at the bottom), or null. */
  actionAt(uv: { x: number; y: number }): BoothAction | null {
    const x = uv.x * this.px.w;
    const y = (1 - uv.y) * this.px.h;
    if (y < BTN.y || y > BTN.y + BTN.h) return null;
    return this.buttons.find((b) => x >= b.x && x <= b.x + b.w)?.action ?? null;
  }
}

export class CaptionStrip extends CanvasPanel {
  constructor() {
    super({ w: 1024, h: 256 }, { w: 1.0, h: 0.25 });
  }

  /** `label` names the source (舞台 / 导览); an empty text hides the strip. */
  draw(label: string, text: string): void {
    this.mesh.visible = text.length > 0;
    this.redraw(label + '\n' + text, () => {
      if (!text) return;
      const { ctx } = this;
      ctx.fillStyle = 'rgba(16, 24, 30, 0.82)';
      ctx.beginPath();
      ctx.roundRect(0, 0, this.px.w, this.px.h, 24);
      ctx.fill();
      ctx.textAlign = 'left';
      ctx.fillStyle = '#7fd6cf';
      ctx.font = `bold 30px ${FONT}`;
      ctx.fillText(label, 32, 48);
      ctx.fillStyle = '#ffffff';
      ctx.font = `40px ${FONT}`;
      wrap(ctx, text, this.px.w - 64, 4).forEach((l, i) => ctx.fillText(l, 32, 100 + i * 48));
    });
  }
}
