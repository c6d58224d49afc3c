/**
 * Where the guide walks between two tour stops, and a follower after its host (issue #12): on the
 * ground a visitor may stand on (the layout's own isWalkable, the test the server enforces), never
 * through a building. A* over a grid of the hall, then the corners pulled straight where the line
 * between them stays walkable, so the guide walks a few long straight legs instead of a staircase.
 * Pure and deterministic: the server times a public tour's legs with the same paths every page
 * draws. Unit-tested on the real layouts.
 */
import { isWalkable, type HallLayout } from './layout';

export interface Point {
  x: number;
  z: number;
}

/** Samples along a leg, metres: under the body's width, so a wall cannot slip between two samples. */
const LINE_STEP = 0.25;

/** Whether a visitor could walk the straight line from a to b. */
export function clearLine(layout: HallLayout, a: Point, b: Point): boolean {
  const d = Math.hypot(b.x - a.x, b.z - a.z);
  const n = Math.max(1, Math.ceil(d / LINE_STEP));
  for (let i = 1; i <= n; i++) {
    const t = i / n;
    if (!isWalkable(layout, a.x + (b.x - a.x) * t, a.z + (b.z - a.z) * t)) return false;
  }
  return true;
}

/** A small binary min-heap of grid nodes by cost. */
class Heap {
  private nodes: number[] = [];
  private keys: number[] = [];
  get size(): number {
    return this.nodes.length;
  }
  push(node: number, key: number): void {
    const { nodes, keys } = this;
    let i = nodes.length;
    nodes.push(node);
    keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      nodes[i] = nodes[p];
      keys[i] = keys[p];
      i = p;
    }
    nodes[i] = node;
    keys[i] = key;
  }
  pop(): number {
    const { nodes, keys } = this;
    const top = nodes[0];
    const lastNode = nodes.pop()!;
    const lastKey = keys.pop()!;
    const n = nodes.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && keys[r] < keys[l] ? r : l;
        if (keys[c] >= lastKey) break;
        nodes[i] = nodes[c];
        keys[i] = keys[c];
        i = c;
      }
      nodes[i] = lastNode;
      keys[i] = lastKey;
    }
    return top;
  }
}

/** The hall as a grid of `cell`-metre squares; walkability is asked lazily and remembered. */
class Grid {
  readonly w: number;
  readonly h: number;
  private known: Int8Array;
  constructor(
    readonly layout: HallLayout,
    readonly cell: number,
  ) {
    const b = layout.bounds;
    this.w = Math.floor((b.maxX - b.minX) / cell) + 1;
    this.h = Math.floor((b.maxZ - b.minZ) / cell) + 1;
    this.known = new Int8Array(this.w * this.h);
  }
  x(i: number): number {
    return this.layout.bounds.minX + (i % this.w) * this.cell;
  }
  z(i: number): number {
    return this.layout.bounds.minZ + Math.floor(i / this.w) * this.cell;
  }
  open(i: number): boolean {
    let k = this.known[i];
    if (k === 0) {
      k = isWalkable(this.layout, this.x(i), this.z(i)) ? 1 : 2;
      this.known[i] = k;
    }
    return k === 1;
  }
  /** The open node nearest p that a straight line from p reaches, within a few cells. */
  entry(p: Point): number {
    const b = this.layout.bounds;
    const ci = Math.round((p.x - b.minX) / this.cell);
    const cj = Math.round((p.z - b.minZ) / this.cell);
    let best = -1;
    let bestD = Infinity;
    for (let r = 0; r <= 3 && best < 0; r++) {
      for (let j = cj - r; j <= cj + r; j++) {
        for (let i = ci - r; i <= ci + r; i++) {
          if (i < 0 || j < 0 || i >= this.w || j >= this.h) continue;
          const n = i + j * this.w;
          const d = Math.hypot(this.x(n) - p.x, this.z(n) - p.z);
          if (d < bestD && this.open(n) && clearLine(this.layout, p, { x: this.x(n), z: this.z(n) })) {
            best = n;
            bestD = d;
          }
        }
      }
    }
    return best;
  }
}

const DIRS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 0, 1],
  [-1, 0, 1],
  [0, 1, 1],
  [0, -1, 1],
  [1, 1, Math.SQRT2],
  [1, -1, Math.SQRT2],
  [-1, 1, Math.SQRT2],
  [-1, -1, Math.SQRT2],
];

/** Grid nodes from start to goal, or null when the ground does not connect them. */
function aStar(grid: Grid, start: number, goal: number): number[] | null {
  const { w, h } = grid;
  const g = new Float64Array(w * h).fill(Infinity);
  const from = new Int32Array(w * h).fill(-1);
  const closed = new Uint8Array(w * h);
  const gi = goal % w;
  const gj = Math.floor(goal / w);
  const heuristic = (n: number) => {
    const dx = Math.abs((n % w) - gi);
    const dz = Math.abs(Math.floor(n / w) - gj);
    return Math.max(dx, dz) + (Math.SQRT2 - 1) * Math.min(dx, dz);
  };
  const heap = new Heap();
  g[start] = 0;
  heap.push(start, heuristic(start));
  while (heap.size > 0) {
    const n = heap.pop();
    if (n === goal) {
      const out: number[] = [];
      for (let c = goal; c !== -1; c = from[c]) out.push(c);
      return out.reverse();
    }
    if (closed[n]) continue;
    closed[n] = 1;
    const i = n % w;
    const j = Math.floor(n / w);
    for (const [di, dj, cost] of DIRS) {
      const ni = i + di;
      const nj = j + dj;
      if (ni < 0 || nj < 0 || ni >= w || nj >= h) continue;
      const m = ni + nj * w;
      if (closed[m] || !grid.open(m)) continue;
      // no corner cutting: a diagonal step needs both squares beside it open
      if (di !== 0 && dj !== 0 && (!grid.open(i + di + j * w) || !grid.open(i + (j + dj) * w))) continue;
      const ng = g[n] + cost;
      if (ng < g[m]) {
        g[m] = ng;
        from[m] = n;
        heap.push(m, ng + heuristic(m));
      }
    }
  }
  return null;
}

/** Drops every corner the guide can walk past in a straight line. */
function pullStraight(layout: HallLayout, pts: Point[]): Point[] {
  const out: Point[] = [];
  let i = 0;
  while (i < pts.length - 1) {
    let j = i + 1;
    while (j + 1 < pts.length && clearLine(layout, pts[i], pts[j + 1])) j++;
    out.push(pts[j]);
    i = j;
  }
  return out;
}

/**
 * The legs from `from` to `to` as waypoints (the last one is `to`; `from` is not included). A
 * straight line when it is walkable; a finer grid when the coarse one finds no way (a narrow
 * bridge); the straight line as a last resort, so a tour never stalls on a layout it cannot read.
 */
export function planPath(layout: HallLayout, from: Point, to: Point): Point[] {
  if (clearLine(layout, from, to)) return [{ x: to.x, z: to.z }];
  for (const cell of [1, 0.5]) {
    const grid = new Grid(layout, cell);
    const start = grid.entry(from);
    const goal = grid.entry(to);
    if (start < 0 || goal < 0) continue;
    const nodes = aStar(grid, start, goal);
    if (!nodes) continue;
    const pts: Point[] = [{ x: from.x, z: from.z }, ...nodes.map((n) => ({ x: grid.x(n), z: grid.z(n) })), { x: to.x, z: to.z }];
    return pullStraight(layout, pts);
  }
  return [{ x: to.x, z: to.z }];
}

/** Total length of walking from `from` along `path`, metres. */
export function pathLength(from: Point, path: Point[]): number {
  let d = 0;
  let p = from;
  for (const q of path) {
    d += Math.hypot(q.x - p.x, q.z - p.z);
    p = q;
  }
  return d;
}
