/**
 * The hall map: land, buildings, booths, landmarks, other visitors and you. The static layer is
 * drawn once; positions are repainted five times a second from the transient pose store (no
 * React re-render). Click a landmark (on the map or in the list) to walk there. Its × folds it to
 * the dock, as the layout does when a card needs its place.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getLayout, type HallId } from '../../../shared/halls';
import { isWalkable, SLOT_RADIUS, type HallLayout } from '../../../shared/layout';
import { pick } from '../i18n';
import { useStore } from '../store';
import { farDots, input, localPlayer, remotePoses } from '../store/transient';
import { Slot, useArrangement } from './layout/Overlay';

const SIZE = 180;

interface View {
  scale: number;
  ox: number;
  oz: number;
}

function viewOf(l: HallLayout): View {
  const b = l.bounds;
  const scale = (SIZE - 8) / Math.max(b.maxX - b.minX, b.maxZ - b.minZ);
  return { scale, ox: 4 - b.minX * scale + (SIZE - 8 - (b.maxX - b.minX) * scale) / 2, oz: 4 - b.minZ * scale + (SIZE - 8 - (b.maxZ - b.minZ) * scale) / 2 };
}

function drawStatic(ctx: CanvasRenderingContext2D, l: HallLayout, v: View): void {
  const X = (x: number) => v.ox + x * v.scale;
  const Z = (z: number) => v.oz + z * v.scale;
  ctx.fillStyle = '#2f7391';
  ctx.fillRect(0, 0, SIZE, SIZE);
  ctx.fillStyle = '#e8dcc0';
  for (const { poly } of l.walkable) {
    ctx.beginPath();
    poly.forEach(([x, z], i) => (i ? ctx.lineTo(X(x), Z(z)) : ctx.moveTo(X(x), Z(z))));
    ctx.closePath();
    ctx.fill();
  }
  for (const e of l.elevations) {
    ctx.fillStyle = 'rgba(140, 120, 95, 0.35)';
    ctx.beginPath();
    ctx.arc(X(e.x), Z(e.z), e.r * v.scale * 0.6, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.strokeStyle = 'rgba(255,255,255,0.7)';
  ctx.lineCap = 'round';
  for (const lane of l.lanes) {
    ctx.lineWidth = Math.max(1, lane.w * v.scale * 0.6);
    ctx.beginPath();
    lane.pts.forEach(([x, z], i) => (i ? ctx.lineTo(X(x), Z(z)) : ctx.moveTo(X(x), Z(z))));
    ctx.stroke();
  }
  ctx.fillStyle = '#a0523d';
  for (const c of l.colliders) {
    if (c.type === 'circle') {
      if (c.r < 1.5) continue;
      ctx.beginPath();
      ctx.arc(X(c.x), Z(c.z), c.r * v.scale, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.save();
      ctx.translate(X(c.x), Z(c.z));
      ctx.rotate(c.rot);
      ctx.fillRect((-c.w / 2) * v.scale, (-c.d / 2) * v.scale, c.w * v.scale, c.d * v.scale);
      ctx.restore();
    }
  }
  ctx.fillStyle = '#2d86c4';
  for (const s of l.boothSlots) {
    const r = Math.max(1.5, SLOT_RADIUS[s.size] * v.scale * 0.7);
    ctx.fillRect(X(s.x) - r, Z(s.z) - r, r * 2, r * 2);
  }
  for (const p of l.portals) {
    ctx.strokeStyle = '#5ee7ff';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(X(p.x), Z(p.z), Math.max(3, p.radius * v.scale), 0, Math.PI * 2);
    ctx.stroke();
  }
  for (const m of l.landmarks) {
    ctx.fillStyle = '#f2b63d';
    ctx.strokeStyle = '#1d2430';
    ctx.lineWidth = 1;
    ctx.beginPath();
    const x = X(m.x);
    const z = Z(m.z);
    for (let i = 0; i < 10; i++) {
      const r = i % 2 ? 2.4 : 5.5;
      const a = (i / 10) * Math.PI * 2 - Math.PI / 2;
      if (i) ctx.lineTo(x + Math.cos(a) * r, z + Math.sin(a) * r);
      else ctx.moveTo(x + Math.cos(a) * r, z + Math.sin(a) * r);
    }
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }
}

export function Minimap({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation();
  const layout = getLayout(hallId);
  const view = useMemo(() => viewOf(layout), [layout]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const open = !!useArrangement().shown.minimap;
  const fold = useStore((s) => s.foldPanel);
  const foldMap = useCallback(() => fold('minimap'), [fold]);
  const mood = useStore((s) => s.mood);
  const setMood = useStore((s) => s.setMood);

  useEffect(() => {
    const c = canvas.current;
    if (!open || !c) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    c.width = SIZE * dpr;
    c.height = SIZE * dpr;
    const base = document.createElement('canvas');
    base.width = SIZE * dpr;
    base.height = SIZE * dpr;
    const bctx = base.getContext('2d');
    const ctx = c.getContext('2d');
    if (!bctx || !ctx) return;
    bctx.scale(dpr, dpr);
    drawStatic(bctx, layout, view);
    const paint = () => {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(base, 0, 0);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.fillStyle = '#ffffff';
      ctx.strokeStyle = '#1d2430';
      ctx.lineWidth = 1;
      for (const buf of remotePoses.values()) {
        const s = buf.latest();
        if (!s) continue;
        ctx.beginPath();
        ctx.arc(view.ox + s.x * view.scale, view.oz + s.z * view.scale, 2.6, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      }
      // Visitors beyond interest range arrive only as coarse dots, about once a second.
      ctx.fillStyle = 'rgba(255, 255, 255, 0.75)';
      for (const d of farDots.values()) {
        ctx.beginPath();
        ctx.arc(view.ox + d.x * view.scale, view.oz + d.z * view.scale, 1.8, 0, Math.PI * 2);
        ctx.fill();
      }
      if (localPlayer.ready) {
        const x = view.ox + localPlayer.x * view.scale;
        const z = view.oz + localPlayer.z * view.scale;
        const fx = Math.sin(localPlayer.ry);
        const fz = Math.cos(localPlayer.ry);
        ctx.fillStyle = '#d6336c';
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(x + fx * 7, z + fz * 7);
        ctx.lineTo(x - fx * 4 + fz * 4.5, z - fz * 4 - fx * 4.5);
        ctx.lineTo(x - fx * 4 - fz * 4.5, z - fz * 4 + fx * 4.5);
        ctx.closePath();
        ctx.fill();
        ctx.stroke();
      }
    };
    paint();
    const id = window.setInterval(paint, 200);
    return () => window.clearInterval(id);
  }, [open, layout, view]);

  function walkTo(x: number, z: number) {
    input.target = { x, z };
  }

  function onClick(e: React.MouseEvent<HTMLCanvasElement>) {
    const r = e.currentTarget.getBoundingClientRect();
    const k = SIZE / r.width;
    const cx = (e.clientX - r.left) * k;
    const cz = (e.clientY - r.top) * k;
    let best: { x: number; z: number } | null = null;
    let bestD = 12;
    for (const m of layout.landmarks) {
      const d = Math.hypot(view.ox + m.x * view.scale - cx, view.oz + m.z * view.scale - cz);
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    if (best) return walkTo(best.x, best.z);
    const x = (cx - view.ox) / view.scale;
    const z = (cz - view.oz) / view.scale;
    if (isWalkable(layout, x, z)) walkTo(x, z);
  }

  return (
    <Slot id="minimap" onClose={foldMap}>
      <nav className="minimap panel" aria-label={t('minimap.title')} data-testid="minimap">
        <div className="minimap-head">
          <span>{t('minimap.title')}</span>
          {hallId === 'shapowei' && (
            <button type="button" data-testid="mood-toggle" onClick={() => setMood(mood === 'day' ? 'evening' : 'day')}>
              {mood === 'day' ? t('minimap.evening') : t('minimap.day')}
            </button>
          )}
          <button type="button" aria-label={t('minimap.hide')} data-testid="minimap-hide" onClick={foldMap}>
            ×
          </button>
        </div>
        <canvas ref={canvas} style={{ width: SIZE, height: SIZE }} onClick={onClick} data-testid="minimap-canvas" aria-hidden="true" />
        <div className="minimap-list">
          {layout.landmarks.map((m) => (
            <button
              type="button"
              key={m.id}
              data-testid={`walk-${m.id}`}
              title={t('minimap.walkTo', { name: pick(m.name, i18n.language) })}
              onClick={() => walkTo(m.x, m.z)}
            >
              {pick(m.name, i18n.language)}
            </button>
          ))}
        </div>
      </nav>
    </Slot>
  );
}
