/**
 * Street-art murals and shop signs painted in code onto one small canvas atlas (2 x 4 cells):
 * waves and a fish, an egret, bougainvillea, bold geometry, then the signs (沙坡尾, 艺术西区, a
 * café, a live house). One texture, one draw call for every mural wall and sign. The signs use
 * our self-hosted Noto Sans SC: painted with fallbacks first, repainted when its glyphs arrive.
 */
import * as THREE from 'three';

const CELL_W = 256;
const CELL_H = 128;

const COLS = 2;
const ROWS = 4;
const FAMILY = '"Noto Sans SC", system-ui, sans-serif';

const SIGNS: Record<number, { bg: string; fg: string; edge: string; zh: string; en: string }> = {
  4: { bg: '#b3261e', fg: '#fff6e0', edge: '#f1c40f', zh: '沙坡尾', en: 'SHAPOWEI' },
  5: { bg: '#1d2430', fg: '#ffd23f', edge: '#ffd23f', zh: '艺术西区', en: 'ART WEST ZONE' },
  6: { bg: '#2a9d8f', fg: '#ffffff', edge: '#ffffff', zh: '海边咖啡', en: 'SEASIDE CAFÉ' },
  7: { bg: '#3a1f5c', fg: '#ff7ab6', edge: '#7ee8fa', zh: '现场音乐', en: 'LIVEHOUSE' },
};

function paintSign(ctx: CanvasRenderingContext2D, cell: number): void {
  const s = SIGNS[cell];
  ctx.fillStyle = s.bg;
  ctx.fillRect(0, 0, CELL_W, CELL_H);
  ctx.strokeStyle = s.edge;
  ctx.lineWidth = 6;
  ctx.strokeRect(6, 6, CELL_W - 12, CELL_H - 12);
  ctx.fillStyle = s.fg;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `900 ${s.zh.length > 3 ? 46 : 58}px ${FAMILY}`;
  ctx.fillText(s.zh, CELL_W / 2, CELL_H * 0.42, CELL_W - 28);
  ctx.font = `700 20px ${FAMILY}`;
  ctx.fillText(s.en, CELL_W / 2, CELL_H * 0.8, CELL_W - 28);
}

function paint(ctx: CanvasRenderingContext2D, cell: number): void {
  const ox = (cell % COLS) * CELL_W;
  const oy = Math.floor(cell / COLS) * CELL_H;
  ctx.save();
  ctx.translate(ox, oy);
  ctx.beginPath();
  ctx.rect(0, 0, CELL_W, CELL_H);
  ctx.clip();
  if (SIGNS[cell]) {
    paintSign(ctx, cell);
    ctx.restore();
    return;
  }
  const bg = ['#1d6fa5', '#f2b134', '#2a9d8f', '#e76f51'][cell];
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, CELL_W, CELL_H);
  if (cell === 0) {
    // waves and a big yellow fish
    for (let i = 0; i < 6; i++) {
      ctx.strokeStyle = i % 2 ? '#8ecae6' : '#ffffff';
      ctx.lineWidth = 6;
      ctx.beginPath();
      for (let x = 0; x <= CELL_W; x += 8) ctx.lineTo(x, 20 + i * 20 + Math.sin(x / 18 + i) * 7);
      ctx.stroke();
    }
    ctx.fillStyle = '#ffb703';
    ctx.beginPath();
    ctx.ellipse(130, 64, 52, 26, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(178, 64);
    ctx.lineTo(214, 36);
    ctx.lineTo(214, 92);
    ctx.fill();
    ctx.fillStyle = '#023047';
    ctx.beginPath();
    ctx.arc(100, 58, 6, 0, Math.PI * 2);
    ctx.fill();
  } else if (cell === 1) {
    // an egret over a red sun
    ctx.fillStyle = '#e63946';
    ctx.beginPath();
    ctx.arc(170, 60, 40, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.moveTo(40, 80);
    ctx.quadraticCurveTo(110, 10, 150, 70);
    ctx.quadraticCurveTo(120, 60, 100, 84);
    ctx.quadraticCurveTo(70, 70, 40, 80);
    ctx.fill();
    ctx.fillRect(138, 64, 40, 5);
    ctx.fillStyle = '#264653';
    for (let i = 0; i < 5; i++) ctx.fillRect(10 + i * 48, 108, 30, 10);
  } else if (cell === 2) {
    // bougainvillea blossoms on teal
    for (let i = 0; i < 28; i++) {
      const x = (i * 73) % CELL_W;
      const y = (i * 41) % CELL_H;
      ctx.fillStyle = i % 3 ? '#d6336c' : '#ff8fab';
      for (let k = 0; k < 3; k++) {
        ctx.beginPath();
        ctx.ellipse(x + Math.cos(k * 2.1) * 9, y + Math.sin(k * 2.1) * 9, 10, 6, k * 2.1, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.fillStyle = '#fff3b0';
      ctx.beginPath();
      ctx.arc(x, y, 3, 0, Math.PI * 2);
      ctx.fill();
    }
  } else {
    // bold geometry
    const cols = ['#264653', '#e9c46a', '#f4a261', '#ffffff', '#2a9d8f'];
    for (let i = 0; i < 9; i++) {
      ctx.fillStyle = cols[i % cols.length];
      ctx.beginPath();
      ctx.moveTo(i * 34 - 20, CELL_H);
      ctx.lineTo(i * 34 + 20, 0);
      ctx.lineTo(i * 34 + 40, 0);
      ctx.lineTo(i * 34, CELL_H);
      ctx.fill();
    }
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.arc(128, 64, 30, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#e76f51';
    ctx.beginPath();
    ctx.arc(128, 64, 18, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
}

export function muralTexture(): THREE.Texture {
  const canvas = document.createElement('canvas');
  canvas.width = CELL_W * COLS;
  canvas.height = CELL_H * ROWS;
  const ctx = canvas.getContext('2d');
  const paintAll = () => {
    if (ctx) for (let i = 0; i < COLS * ROWS; i++) paint(ctx, i);
  };
  paintAll();
  const tex = new THREE.CanvasTexture(canvas);
  // the sign glyphs come from our own font slices; repaint once they are in (if ever)
  const text = Object.values(SIGNS)
    .map((s) => s.zh + s.en)
    .join('');
  if (typeof document !== 'undefined' && typeof document.fonts?.load === 'function') {
    void Promise.all([document.fonts.load(`900 58px ${FAMILY}`, text), document.fonts.load(`700 20px ${FAMILY}`, text)])
      .then(() => {
        paintAll();
        tex.needsUpdate = true;
      })
      .catch(() => undefined);
  }
  tex.colorSpace = THREE.SRGBColorSpace;
  tex.anisotropy = 4;
  tex.flipY = false;
  return tex;
}

/** Merged mural planes with UVs into the atlas cells. */
export function muralGeometry(items: Array<{ m: THREE.Matrix4; w: number; h: number; cell: number }>): THREE.BufferGeometry | null {
  if (!items.length) return null;
  const pos: number[] = [];
  const nor: number[] = [];
  const uv: number[] = [];
  const v = new THREE.Vector3();
  const n = new THREE.Vector3();
  const nm = new THREE.Matrix3();
  for (const it of items) {
    nm.getNormalMatrix(it.m);
    n.set(0, 0, 1).applyMatrix3(nm).normalize();
    const corners: [number, number, number, number][] = [
      [-it.w / 2, -it.h / 2, 0, 1],
      [it.w / 2, -it.h / 2, 1, 1],
      [it.w / 2, it.h / 2, 1, 0],
      [-it.w / 2, it.h / 2, 0, 0],
    ];
    for (const k of [0, 1, 2, 0, 2, 3]) {
      const [x, y, u, vv] = corners[k];
      v.set(x, y, 0).applyMatrix4(it.m);
      pos.push(v.x, v.y, v.z);
      nor.push(n.x, n.y, n.z);
      uv.push(((it.cell % COLS) + u) / COLS, (Math.floor(it.cell / COLS) + vv) / ROWS);
    }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  g.setAttribute('normal', new THREE.Float32BufferAttribute(nor, 3));
  g.setAttribute('uv', new THREE.Float32BufferAttribute(uv, 2));
  g.computeBoundingSphere();
  return g;
}
