/** Decks over the water (piers, bridge spans) drawn from a walkable region's quad. */
import { GeoBuilder } from './GeoBuilder';
import { C } from './palette';

/** A stone deck over water (pier, bridge span) from a walkable quad, with piles and rails. */
export function deckFromQuad(
  b: GeoBuilder,
  quad: ReadonlyArray<readonly [number, number]>,
  opts: { color: string; rail: string | null; railGapEnds?: number; piles?: number },
): void {
  if (quad.length !== 4) throw new Error(`a deck is drawn from a quad, not from ${quad.length} corners`);
  const [p0, p1, p2, p3] = quad;
  const e1 = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
  const e2 = Math.hypot(p2[0] - p1[0], p2[1] - p1[1]);
  const cx = (p0[0] + p1[0] + p2[0] + p3[0]) / 4;
  const cz = (p0[1] + p1[1] + p2[1] + p3[1]) / 4;
  const [a, bb] = e1 >= e2 ? [p0, p1] : [p1, p2];
  const len = Math.max(e1, e2);
  const wid = Math.min(e1, e2);
  const ry = Math.atan2(bb[0] - a[0], bb[1] - a[1]);
  b.at({ x: cx, z: cz, ry }, () => {
    b.box(opts.color, wid, 0.6, len, { y: -0.26 });
    const piles = opts.piles ?? Math.max(2, Math.round(len / 5));
    for (let i = 0; i < piles; i++) {
      const z = -len / 2 + 1 + (i * (len - 2)) / Math.max(1, piles - 1);
      for (const x of [-wid / 2 + 0.5, wid / 2 - 0.5]) b.cyl(C.graniteDark, 0.3, 4, { x, y: -4.5, z }, 6);
    }
    if (opts.rail) {
      const gap = opts.railGapEnds ?? 0;
      const rl = len - gap * 2;
      for (const x of [-wid / 2 + 0.1, wid / 2 - 0.1]) {
        b.boxB(opts.rail, 0.15, 0.12, rl, { x, y: 0.85 });
        const posts = Math.max(2, Math.round(rl / 1.5));
        for (let i = 0; i <= posts; i++) b.boxB(opts.rail, 0.16, 0.9, 0.16, { x, z: -rl / 2 + (i * rl) / posts });
      }
    }
  });
}
