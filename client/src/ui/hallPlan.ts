/**
 * The hall plan drawn from its layout: sea, walkable ground, hills, lanes, buildings, booth slots,
 * ferries and gates, landmarks. The minimap draws it once under the live dots; the organizer's
 * heatmap draws it under the crowd. Plain canvas, no three.js.
 */
import { SLOT_RADIUS, type HallLayout } from '../../../shared/layout';

/** metres -> pixels: x_px = ox + x * scale, z_px = oz + z * scale */
export interface PlanView {
  scale: number;
  ox: number;
  oz: number;
}

/** The hall's bounds fitted into width x height pixels with `pad` around, centred. */
export function planView(l: HallLayout, width: number, height: number, pad: number): PlanView {
  const b = l.bounds;
  const scale = Math.min((width - 2 * pad) / (b.maxX - b.minX), (height - 2 * pad) / (b.maxZ - b.minZ));
  return {
    scale,
    ox: pad - b.minX * scale + (width - 2 * pad - (b.maxX - b.minX) * scale) / 2,
    oz: pad - b.minZ * scale + (height - 2 * pad - (b.maxZ - b.minZ) * scale) / 2,
  };
}

export function drawHallPlan(ctx: CanvasRenderingContext2D, l: HallLayout, v: PlanView, width: number, height: number): void {
  const X = (x: number) => v.ox + x * v.scale;
  const Z = (z: number) => v.oz + z * v.scale;
  ctx.fillStyle = '#2f7391';
  ctx.fillRect(0, 0, width, height);
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
