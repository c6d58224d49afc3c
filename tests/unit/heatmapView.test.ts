import { describe, expect, it } from 'vitest';
import { HEATMAP_MIN_SAMPLES, HEATMAP_WINDOW_MS } from '../../shared/api/analytics';
import { heatmapRange, visibleCells } from '../../server/analytics/heatmapView';

const W = HEATMAP_WINDOW_MS;

describe('heatmap view: no one’s track', () => {
  it('widens any range to whole windows, so shifting it by a minute gives the same answer', () => {
    const t0 = 1_800_000_000_000 - (1_800_000_000_000 % W);
    expect(heatmapRange(t0 + 60_000, t0 + 120_000)).toEqual({ from: t0, to: t0 + W });
    expect(heatmapRange(t0 + 120_000, t0 + 180_000)).toEqual({ from: t0, to: t0 + W });
    expect(heatmapRange(t0, t0 + W)).toEqual({ from: t0, to: t0 + W });
    expect(heatmapRange(t0 + W - 1, t0 + W + 1)).toEqual({ from: t0, to: t0 + 2 * W });
  });

  it('leaves out cells someone only passed through, and keeps them in the total', () => {
    const v = visibleCells([
      [0, 0, HEATMAP_MIN_SAMPLES - 1],
      [1, 0, HEATMAP_MIN_SAMPLES],
      [2, 3, 40],
    ]);
    expect(v.cells).toEqual([
      [1, 0, HEATMAP_MIN_SAMPLES],
      [2, 3, 40],
    ]);
    expect(v.max).toBe(40);
    expect(v.total).toBe(HEATMAP_MIN_SAMPLES - 1 + HEATMAP_MIN_SAMPLES + 40);
    expect(visibleCells([])).toEqual({ cells: [], max: 0, total: 0 });
  });
});
