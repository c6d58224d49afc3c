/**
 * The counts this process has gathered since its last flush: additive, keyed by booth and minute
 * (or hall, minute and grid cell). Nothing in here names a visitor.
 */
import { MINUTE_MS } from '../../shared/api/analytics';

export interface BoothCounts {
  visits: number;
  uniques: number;
  dwellS: number;
  dwellN: number;
  brochure: number;
  website: number;
}

const zero = (): BoothCounts => ({ visits: 0, uniques: 0, dwellS: 0, dwellN: 0, brochure: 0, website: 0 });

export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** A grid cell as one number (cx, cz within ±2048 cells: int16 centimetres cover ±327 m). */
export const cellKey = (cx: number, cz: number): number => (cx + 2048) * 4096 + (cz + 2048);
export const cellOf = (key: number): [number, number] => [Math.floor(key / 4096) - 2048, (key % 4096) - 2048];

export class Pending {
  /** `${boothId}|${minute}` */
  readonly booths = new Map<string, BoothCounts>();
  /** `${boothId}|${minute}|${bucket}` -> ended visits */
  readonly dwell = new Map<string, number>();
  /** `${expoId}|${hallId}|${minute}` -> cell key -> visitor-seconds */
  readonly cells = new Map<string, Map<number, number>>();
  private cellCount = 0;

  booth(boothId: string, minute: number): BoothCounts {
    const k = `${boothId}|${minute}`;
    let c = this.booths.get(k);
    if (!c) this.booths.set(k, (c = zero()));
    return c;
  }

  addDwell(boothId: string, minute: number, bucket: number, seconds: number, n = 1): void {
    const c = this.booth(boothId, minute);
    c.dwellS += seconds;
    c.dwellN += n;
    const k = `${boothId}|${minute}|${bucket}`;
    this.dwell.set(k, (this.dwell.get(k) ?? 0) + n);
  }

  /** The cell counts of one hall and minute, to add into directly (the sampler's hot path). */
  cellsOf(expoId: string, hallId: string, minute: number): Map<number, number> {
    const k = `${expoId}|${hallId}|${minute}`;
    let m = this.cells.get(k);
    if (!m) this.cells.set(k, (m = new Map()));
    return m;
  }

  addCell(cells: Map<number, number>, key: number, n = 1): void {
    const was = cells.get(key);
    if (was === undefined) this.cellCount++;
    cells.set(key, (was ?? 0) + n);
  }

  /** Rows a flush would write: what bounds memory while the database is away. */
  size(): number {
    return this.booths.size + this.dwell.size + this.cellCount;
  }

  empty(): boolean {
    return this.size() === 0;
  }

  /** Adds another batch into this one (a failed flush's rows go back for the next try). */
  merge(o: Pending): void {
    for (const [k, c] of o.booths) {
      const [boothId, minute] = k.split('|');
      const t = this.booth(boothId, Number(minute));
      t.visits += c.visits;
      t.uniques += c.uniques;
      t.dwellS += c.dwellS;
      t.dwellN += c.dwellN;
      t.brochure += c.brochure;
      t.website += c.website;
    }
    for (const [k, n] of o.dwell) this.dwell.set(k, (this.dwell.get(k) ?? 0) + n);
    for (const [k, m] of o.cells) {
      const [expoId, hallId, minute] = k.split('|');
      const into = this.cellsOf(expoId, hallId, Number(minute));
      for (const [cell, n] of m) this.addCell(into, cell, n);
    }
  }
}
