/**
 * The hall map: land, buildings, booths, landmarks, other visitors and you. The static layer is
 * drawn once; positions are repainted five times a second from the transient pose store (no
 * React re-render). Click a landmark (on the map or in the list) to walk there. Its × folds it to
 * the dock, as the layout does when a card needs its place.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getLayout, type HallId } from '../../../shared/halls';
import { isWalkable, type HallLayout } from '../../../shared/layout';
import { pick } from '../i18n';
import { useStore } from '../store';
import { farDots, localPlayer, remotePoses } from '../store/transient';
import { Slot, useArrangement } from './layout/Overlay';
import { walkTo } from '../controls/walkTo';
import { drawHallPlan, planView, type PlanView } from './hallPlan';

const SIZE = 180;

const viewOf = (l: HallLayout): PlanView => planView(l, SIZE, SIZE, 4);

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
    drawHallPlan(bctx, layout, view, SIZE, SIZE);
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

  function walkToPoint(x: number, z: number) {
    walkTo(layout, { x, z });
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
    if (best) return walkToPoint(best.x, best.z);
    const x = (cx - view.ox) / view.scale;
    const z = (cz - view.oz) / view.scale;
    if (isWalkable(layout, x, z)) walkToPoint(x, z);
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
              onClick={() => walkToPoint(m.x, m.z)}
            >
              {pick(m.name, i18n.language)}
            </button>
          ))}
        </div>
      </nav>
    </Slot>
  );
}
