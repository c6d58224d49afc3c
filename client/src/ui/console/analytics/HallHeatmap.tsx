/**
 * Where visitors stood in a hall: the hall plan (the minimap's drawing, hallPlan.ts) with each 2 m
 * cell tinted by the visitor-seconds spent in it over the period. The scale is logarithmic, so a
 * crowd at the pier does not wash out the quiet corners. Plain canvas, redrawn when the figures or
 * the box's width change.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Heatmap } from '../../../../../shared/api/analytics';
import { getLayout } from '../../../../../shared/halls';
import { drawHallPlan, planView } from '../../hallPlan';
import { NS } from './locales';

/** gold -> bougainvillea -> deep red, by 0..1 (the low end stays visible on the sand of the plan) */
const RAMP: [number, number, number][] = [
  [242, 170, 40],
  [246, 140, 60],
  [214, 51, 108],
  [120, 12, 40],
];

export function heatColour(f: number): string {
  const x = Math.min(1, Math.max(0, f)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const k = x - i;
  const c = RAMP[i].map((v, j) => Math.round(v + (RAMP[i + 1][j] - v) * k));
  return `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(0.65 + 0.3 * f).toFixed(2)})`;
}

/** visitor-seconds as visitor-minutes: one decimal while small, so a first short visit does not read as 0 */
const visitorMinutes = (seconds: number): string => (seconds < 600 ? (seconds / 60).toFixed(1) : Math.round(seconds / 60).toLocaleString());

export function HallHeatmap({ heat }: { heat: Heatmap }) {
  const { t } = useTranslation(NS);
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const watch = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    watch.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => watch.disconnect();
  }, []);

  const layout = getLayout(heat.hallId);
  const b = layout.bounds;
  const w = Math.min(width, 900);
  const h = Math.round((w * (b.maxZ - b.minZ)) / (b.maxX - b.minX));

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || w <= 0) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    c.width = Math.round(w * dpr);
    c.height = Math.round(h * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const v = planView(layout, w, h, 4);
    drawHallPlan(ctx, layout, v, w, h);
    const top = Math.log1p(heat.max || 1);
    const size = heat.cellM * v.scale;
    for (const [cx, cz, n] of heat.cells) {
      ctx.fillStyle = heatColour(Math.log1p(n) / top);
      ctx.fillRect(v.ox + cx * heat.cellM * v.scale, v.oz + cz * heat.cellM * v.scale, Math.max(1, size), Math.max(1, size));
    }
  }, [heat, layout, w, h]);

  return (
    <div className="analytics-heatmap" ref={wrap}>
      <canvas
        ref={canvas}
        style={{ width: w, height: h }}
        role="img"
        aria-label={t('heatmap')}
        data-testid="analytics-heatmap"
        data-cells={heat.cells.length}
      />
      <div className="analytics-legend" aria-hidden="true">
        <span>{t('heatmapFew')}</span>
        <i style={{ background: `linear-gradient(90deg, ${[0, 0.33, 0.66, 1].map(heatColour).join(', ')})` }} />
        <span>{t('heatmapMany')}</span>
        <span className="analytics-legend-total">{t('heatmapTotal', { minutes: visitorMinutes(heat.total) })}</span>
      </div>
      {heat.cells.length === 0 && <p className="fineprint">{t('heatmapEmpty')}</p>}
    </div>
  );
}
