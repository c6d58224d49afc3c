/**
 * Builds the guide's one skinned mesh from grids of points (lathes, ellipsoids, decals on the head):
 * every vertex carries a colour and its joint weights, so the whole character is one primitive with
 * one material. Normals come from the faces, welded by position inside a part, so a stripe made of
 * two coincident rings shades as one smooth surface.
 */
import { cross, sub, type Vec3 } from './math';

export type Influence = readonly [joint: number, weight: number];
export type SkinFn = (p: Vec3) => Influence[];
export type ColorFn = (i: number, j: number, p: Vec3) => Vec3;

export interface Range {
  start: number;
  count: number;
}

export interface GridOptions {
  /** the last column joins the first (lathes); otherwise the grid is an open sheet */
  wrap?: boolean;
  color: Vec3 | ColorFn;
  skin: SkinFn;
  /** reverse the winding (a sheet built facing -Z, say) */
  flip?: boolean;
}

export class MeshBuilder {
  readonly positions: number[] = [];
  readonly normals: number[] = [];
  readonly colors: number[] = [];
  readonly influences: Influence[][] = [];
  readonly indices: number[] = [];
  /** morph name -> vertex index -> offset from the rest position */
  readonly morphs = new Map<string, Map<number, Vec3>>();

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  point(i: number): Vec3 {
    return [this.positions[i * 3], this.positions[i * 3 + 1], this.positions[i * 3 + 2]];
  }

  /** A rows x cols sheet of points; row i+1 lies "above" row i and column j+1 "right" of j, seen from outside. */
  grid(rows: number, cols: number, at: (i: number, j: number) => Vec3, o: GridOptions): Range {
    const start = this.vertexCount;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const p = at(i, j);
        this.positions.push(...p);
        this.colors.push(...(typeof o.color === 'function' ? o.color(i, j, p) : o.color));
        this.influences.push(o.skin(p));
      }
    }
    const firstIndex = this.indices.length;
    const jmax = o.wrap ? cols : cols - 1;
    for (let i = 0; i < rows - 1; i++) {
      for (let j = 0; j < jmax; j++) {
        const a = start + i * cols + j;
        const b = start + i * cols + ((j + 1) % cols);
        const c = start + (i + 1) * cols + ((j + 1) % cols);
        const d = start + (i + 1) * cols + j;
        this.triangle(a, b, c, o.flip);
        this.triangle(a, c, d, o.flip);
      }
    }
    this.weldedNormals(start, this.vertexCount, firstIndex);
    return { start, count: rows * cols };
  }

  /** Adds a triangle unless it has no area (the pole of a lathe, two coincident stripe rings). */
  private triangle(a: number, b: number, c: number, flip = false): void {
    const pa = this.point(a);
    const n = cross(sub(this.point(b), pa), sub(this.point(c), pa));
    if (Math.hypot(n[0], n[1], n[2]) < 1e-10) return;
    if (flip) this.indices.push(a, c, b);
    else this.indices.push(a, b, c);
  }

  private weldedNormals(from: number, to: number, firstIndex: number): void {
    const key = (i: number) =>
      this.point(i)
        .map((v) => Math.round(v * 1e5))
        .join(',');
    const sums = new Map<string, Vec3>();
    for (let t = firstIndex; t < this.indices.length; t += 3) {
      const [a, b, c] = [this.indices[t], this.indices[t + 1], this.indices[t + 2]];
      const pa = this.point(a);
      const n = cross(sub(this.point(b), pa), sub(this.point(c), pa));
      for (const v of [a, b, c]) {
        const k = key(v);
        const s = sums.get(k) ?? [0, 0, 0];
        sums.set(k, [s[0] + n[0], s[1] + n[1], s[2] + n[2]]);
      }
    }
    for (let i = from; i < to; i++) {
      const s = sums.get(key(i));
      // A vertex on no triangle (a spare pole copy) still needs a unit normal for the validator.
      const n: Vec3 = s && Math.hypot(...s) > 0 ? s : [0, 1, 0];
      this.normals.push(...n);
    }
  }

  /**
   * Merges vertices that are the same in every attribute (the copies at a lathe's poles, rings
   * shared by two parts) and drops vertices no triangle uses; vertices a morph moves are kept as
   * they are. Returns the number removed.
   */
  compact(): number {
    const moving = new Set<number>();
    for (const m of this.morphs.values()) for (const i of m.keys()) moving.add(i);
    const used = new Set(this.indices);
    const n = this.vertexCount;
    const remap = new Array<number>(n).fill(-1);
    const seen = new Map<string, number>();
    const keep: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!used.has(i) && !moving.has(i)) continue;
      const key = moving.has(i)
        ? `m${i}`
        : [...this.point(i), ...this.normals.slice(i * 3, i * 3 + 3), ...this.colors.slice(i * 3, i * 3 + 3)].map((v) => Math.round(v * 1e6)).join(',') +
          '|' +
          this.influences[i].map(([j, w]) => `${j}:${Math.round(w * 1e4)}`).join(',');
      const found = seen.get(key);
      if (found !== undefined) {
        remap[i] = found;
        continue;
      }
      remap[i] = keep.length;
      seen.set(key, keep.length);
      keep.push(i);
    }
    const take = (a: number[], w: number) => keep.flatMap((i) => a.slice(i * w, i * w + w));
    const positions = take(this.positions, 3);
    const normals = take(this.normals, 3);
    const colors = take(this.colors, 3);
    const influences = keep.map((i) => this.influences[i]);
    refill(this.positions, positions);
    refill(this.normals, normals);
    refill(this.colors, colors);
    refill(this.influences, influences);
    for (let t = 0; t < this.indices.length; t++) this.indices[t] = remap[this.indices[t]];
    for (const [name, m] of this.morphs) this.morphs.set(name, new Map([...m].map(([i, d]) => [remap[i], d] as const)));
    return n - keep.length;
  }

  /** Records where a morph target moves the vertices of `range`: `target` gives each one's new place. */
  morph(name: string, range: Range, target: (k: number) => Vec3): void {
    const m = this.morphs.get(name) ?? new Map<number, Vec3>();
    for (let k = 0; k < range.count; k++) {
      const i = range.start + k;
      const d = sub(target(k), this.point(i));
      if (Math.hypot(d[0], d[1], d[2]) > 1e-7) m.set(i, d);
    }
    this.morphs.set(name, m);
  }
}

function refill<T>(target: T[], values: T[]): void {
  target.length = 0;
  for (const v of values) target.push(v);
}

export interface Ring {
  y: number;
  rx: number;
  /** depth radius; rx when left out */
  rz?: number;
  /** centre offset, to push a chest forward or a hat back */
  cx?: number;
  cz?: number;
  color?: Vec3;
}

export interface LatheOptions {
  segments: number;
  color: Vec3 | ColorFn;
  skin: SkinFn;
  /** maps the lathe's own frame (axis along +Y) into the bind pose */
  place?: (p: Vec3) => Vec3;
}

/** A surface of revolution with elliptical rings, bottom ring first; angle 0 faces +Z. */
export function lathe(b: MeshBuilder, rings: Ring[], o: LatheOptions): Range {
  const place = o.place ?? ((p: Vec3) => p);
  const base = o.color;
  const color: ColorFn = (i, j, p) => rings[i].color ?? (typeof base === 'function' ? base(i, j, p) : base);
  return b.grid(
    rings.length,
    o.segments,
    (i, j) => {
      const r = rings[i];
      const a = (j / o.segments) * Math.PI * 2;
      return place([(r.cx ?? 0) + r.rx * Math.sin(a), r.y, (r.cz ?? 0) + (r.rz ?? r.rx) * Math.cos(a)]);
    },
    { wrap: true, color, skin: o.skin },
  );
}

/** Rings of an ellipsoid centred at the origin of the lathe frame, from the bottom pole to the top. */
export function ellipsoidRings(rx: number, ry: number, rz: number, n: number, floorY = -Infinity): Ring[] {
  const out: Ring[] = [];
  for (let k = 0; k <= n; k++) {
    const phi = (k / n) * Math.PI;
    const s = Math.sin(phi);
    out.push({ y: Math.max(floorY, -ry * Math.cos(phi)), rx: rx * s, rz: rz * s });
  }
  return out;
}

/**
 * Rings of a capsule along +Y from 0 to len: a round end of radius r0, a taper, a round end of
 * radius r1. The ends are whole half-spheres about the joints, so a limb turning about its joint
 * keeps the same silhouette there and no gap opens.
 */
export function capsuleRings(len: number, r0: number, r1: number, capRings = 4, bodyRings = 3): Ring[] {
  const out: Ring[] = [];
  for (let k = 0; k <= capRings; k++) {
    const phi = (k / capRings) * (Math.PI / 2);
    out.push({ y: -r0 * Math.cos(phi), rx: r0 * Math.sin(phi) });
  }
  for (let k = 1; k < bodyRings; k++) {
    const t = k / bodyRings;
    out.push({ y: len * t, rx: r0 + (r1 - r0) * t });
  }
  for (let k = 0; k <= capRings; k++) {
    const phi = (k / capRings) * (Math.PI / 2);
    out.push({ y: len + r1 * Math.sin(phi), rx: r1 * Math.cos(phi) });
  }
  return out;
}

/**
 * Splits rings (in rising y) at each cut with two coincident rings, one in the colour below the
 * cut and one in the colour above, so stripes and cuffs get hard edges; every ring is coloured by
 * `colorAt(y)`.
 */
export function banded(rings: Ring[], cuts: number[], colorAt: (y: number) => Vec3): Ring[] {
  const out: Ring[] = [];
  const eps = 1e-6;
  const sorted = [...cuts].sort((a, b) => a - b);
  for (let k = 0; k < rings.length; k++) {
    const r = rings[k];
    out.push({ ...r, color: colorAt(r.y) });
    const next = rings[k + 1];
    if (!next) break;
    for (const c of sorted) {
      if (!(c > r.y && c < next.y)) continue;
      const t = (c - r.y) / (next.y - r.y);
      const ring: Ring = {
        y: c,
        rx: r.rx + (next.rx - r.rx) * t,
        rz: (r.rz ?? r.rx) + ((next.rz ?? next.rx) - (r.rz ?? r.rx)) * t,
        cx: (r.cx ?? 0) + ((next.cx ?? 0) - (r.cx ?? 0)) * t,
        cz: (r.cz ?? 0) + ((next.cz ?? 0) - (r.cz ?? 0)) * t,
      };
      out.push({ ...ring, color: colorAt(c - eps) }, { ...ring, color: colorAt(c + eps) });
    }
  }
  return out;
}

export const rigid =
  (joint: number): SkinFn =>
  () => [[joint, 1]];

/** The ellipse of a lathe at height y (rings in rising y), for placing things on its surface. */
export function latheAt(rings: Ring[], y: number): Required<Omit<Ring, 'color'>> {
  let k = 0;
  while (k < rings.length - 2 && rings[k + 1].y < y) k++;
  const a = rings[k];
  const b = rings[k + 1];
  const t = Math.min(1, Math.max(0, (y - a.y) / (b.y - a.y || 1)));
  const l = (u: number, v: number) => u + (v - u) * t;
  return { y, rx: l(a.rx, b.rx), rz: l(a.rz ?? a.rx, b.rz ?? b.rx), cx: l(a.cx ?? 0, b.cx ?? 0), cz: l(a.cz ?? 0, b.cz ?? 0) };
}

/** A point `off` metres outside a lathe's surface at angle a (0 faces +z, pi/2 faces +x) and height y. */
export function onLathe(rings: Ring[], a: number, y: number, off: number): Vec3 {
  const r = latheAt(rings, y);
  return [r.cx + (r.rx + off) * Math.sin(a), y, r.cz + (r.rz + off) * Math.cos(a)];
}

/** Maps a lathe's frame onto axes ex, ey, ez (right-handed, unit) at `origin`. */
export function frame(origin: Vec3, ex: Vec3, ey: Vec3, ez: Vec3): (p: Vec3) => Vec3 {
  return (p) => [
    origin[0] + ex[0] * p[0] + ey[0] * p[1] + ez[0] * p[2],
    origin[1] + ex[1] * p[0] + ey[1] * p[1] + ez[1] * p[2],
    origin[2] + ex[2] * p[0] + ey[2] * p[1] + ez[2] * p[2],
  ];
}
