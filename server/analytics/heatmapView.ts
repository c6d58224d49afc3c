/**
 * What a heatmap may show (issue #10, "no one's track"): the cells are counts, but a query over a
 * single minute while one visitor was in the hall would draw that visitor's path, minute by minute.
 * So a heatmap's range is widened to whole HEATMAP_WINDOW_MS windows (finer slices cannot be asked
 * for, and shifting the range by a minute gives the same answer), and a cell with fewer than
 * HEATMAP_MIN_SAMPLES visitor-seconds in the range is left out (someone walking through is not
 * drawn; a place people stand is). The hall's total still counts every visitor-second.
 */
import { HEATMAP_MIN_SAMPLES, HEATMAP_WINDOW_MS } from '../../shared/api/analytics';

export interface HeatmapRange {
  from: number;
  to: number;
}

/** `from` down and `to` up to window edges (UTC windows: 15 minutes divide every time zone's hour). */
export function heatmapRange(from: number, to: number): HeatmapRange {
  return { from: Math.floor(from / HEATMAP_WINDOW_MS) * HEATMAP_WINDOW_MS, to: Math.ceil(to / HEATMAP_WINDOW_MS) * HEATMAP_WINDOW_MS };
}

/** The cells that may be shown, their largest count, and the hall's total over every cell. */
export function visibleCells(cells: [number, number, number][]): { cells: [number, number, number][]; max: number; total: number } {
  let max = 0;
  let total = 0;
  const shown: [number, number, number][] = [];
  for (const c of cells) {
    total += c[2];
    if (c[2] < HEATMAP_MIN_SAMPLES) continue;
    shown.push(c);
    if (c[2] > max) max = c[2];
  }
  return { cells: shown, max, total };
}
