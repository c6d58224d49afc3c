/**
 * The picture on each stamp (issue #12 item 5: "a small picture drawn per landmark"): a one-ink
 * line drawing of the place, as a rubber stamp would print it, in a 64×64 box whose upper part
 * (y 12–42) holds the picture and whose lower band holds the name. Drawn from the facts in
 * shared/landmarks.md: Bagua Lou's red dome on its colonnade, Sunlight Rock's granite peak with the
 * lookout flag, the zigzag Forty-Four Bridge with its pavilion, the piano keys, the Koxinga statue
 * on its rock, the beach, Drum-Wave Rock and its sea cave, the ferry, the typhoon shelter's boats,
 * the art district's warehouse, the qilou arcades and the seafront. A booth gets its awning.
 */
import type { ReactElement } from 'react';
import type { DrawnLandmark } from './drawnLandmarks';

type Picture = (ink: string) => ReactElement;

const line = { fill: 'none', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;
const waves = (ink: string, y: number, x0 = 14, x1 = 50) => {
  const d: string[] = [];
  for (let x = x0; x < x1; x += 6) d.push(`M${x} ${y} q1.5 -2 3 0 t3 0`);
  return <path d={d.join(' ')} stroke={ink} {...line} strokeWidth={1.5} />;
};

const PICTURES: Record<DrawnLandmark, Picture> = {
  // the ferry arriving at Sanqiutian pier
  pier: (ink) => (
    <g>
      <path d="M16 33 h30 l-4 5 h-22 z" fill={ink} />
      <path d="M22 33 v-6 h14 v6 M26 27 v-4 h6 v4" stroke={ink} {...line} />
      <path d="M46 24 v14 M42 38 h10" stroke={ink} {...line} />
      {waves(ink, 42)}
    </g>
  ),
  // the octagonal building crowned by its big red dome
  'bagua-lou': (ink) => (
    <g>
      <path d="M21 27 a11 11 0 0 1 22 0 z" fill={ink} />
      <path d="M32 16 v-3" stroke={ink} {...line} />
      <path d="M18 27 h28 M18 41 h28 M20 27 v14 M25 27 v14 M30 27 v14 M34 27 v14 M39 27 v14 M44 27 v14" stroke={ink} {...line} strokeWidth={1.6} />
    </g>
  ),
  // the granite peak, boulders and the lookout's flag
  'sunlight-rock': (ink) => (
    <g>
      <path d="M14 42 L24 26 L29 30 L35 18 L42 28 L50 42 z" fill={ink} />
      <path d="M35 18 v-6 l6 2 l-6 2" stroke={ink} {...line} strokeWidth={1.5} />
      <path d="M26 36 q3 -3 6 0 M36 34 q3 -3 6 0" stroke="#fff" {...line} strokeWidth={1.2} />
    </g>
  ),
  // Shuzhuang Garden's zigzag Forty-Four Bridge over the sea, with its pavilion
  shuzhuang: (ink) => (
    <g>
      <path d="M13 36 l8 -4 l6 4 l8 -4 l6 4 l8 -4" stroke={ink} {...line} strokeWidth={2.4} />
      <path d="M33 24 l5 -4 l5 4 z" fill={ink} />
      <path d="M34 24 v8 M42 24 v8" stroke={ink} {...line} strokeWidth={1.5} />
      {waves(ink, 41)}
    </g>
  ),
  // the island of pianos: a keyboard
  'piano-museum': (ink) => (
    <g>
      <rect x="14" y="20" width="36" height="20" rx="1.5" fill="none" stroke={ink} strokeWidth={2} />
      {[20, 26, 32, 38, 44].map((x) => (
        <path key={x} d={`M${x} 20 v20`} stroke={ink} strokeWidth={1.2} />
      ))}
      {[18, 24, 36, 42, 48].map((x) => (
        <rect key={x} x={x - 1.6} y="20" width="3.2" height="11" fill={ink} />
      ))}
    </g>
  ),
  // the statue on Fujian Rock, facing the sea
  koxinga: (ink) => (
    <g>
      <path d="M18 42 q6 -9 14 -9 q8 0 14 9 z" fill={ink} />
      <circle cx="32" cy="15.5" r="2.6" fill={ink} />
      <path d="M29 19 h6 l1 14 h-8 z" fill={ink} />
      <path d="M35 21 l5 -5" stroke={ink} {...line} strokeWidth={1.6} />
    </g>
  ),
  // Gangzaihou's sand, the sun and the sea
  gangzaihou: (ink) => (
    <g>
      <circle cx="40" cy="21" r="5" fill={ink} />
      <path d="M22 30 v10 M16 30 a6 4 0 0 1 12 0 z" stroke={ink} {...line} strokeWidth={1.6} />
      <path d="M12 42 q20 -6 40 0" stroke={ink} {...line} />
      {waves(ink, 36, 30, 50)}
    </g>
  ),
  // the rock that drums when the waves run into its cave
  'drum-wave-rock': (ink) => (
    <g>
      <path d="M15 40 q0 -18 17 -20 q17 2 17 20 z" fill={ink} />
      <ellipse cx="32" cy="36" rx="5" ry="4" fill="#fff" />
      <path d="M12 43 q4 -3 8 0 t8 0 t8 0 t8 0 t8 0" stroke={ink} {...line} strokeWidth={1.6} />
    </g>
  ),
  // the typhoon shelter's moored fishing boats
  shelter: (ink) => (
    <g>
      <path d="M13 34 h16 l-3 4 h-10 z M34 30 h17 l-3 4 h-11 z" fill={ink} />
      <path d="M21 34 v-12 l6 8 M42 30 v-12 l-6 8" stroke={ink} {...line} strokeWidth={1.6} />
      {waves(ink, 42)}
    </g>
  ),
  // the art district's saw-tooth warehouse and a painted wall
  'art-west': (ink) => (
    <g>
      <path d="M14 42 v-14 l9 -6 v6 l9 -6 v6 l9 -6 v6 l9 -6 v20 z" fill={ink} />
      <circle cx="24" cy="35" r="3" fill="#fff" />
      <path d="M31 37 l4 -5 l4 5 l4 -5" stroke="#fff" {...line} strokeWidth={1.4} />
    </g>
  ),
  // a qilou's arcade: rooms above, arches over the walkway
  qilou: (ink) => (
    <g>
      <path d="M13 42 v-24 h38 v24" stroke={ink} {...line} />
      <path d="M13 18 l4 -4 h30 l4 4" stroke={ink} {...line} strokeWidth={1.6} />
      <path d="M17 22 h6 v4 h-6 z M29 22 h6 v4 h-6 z M41 22 h6 v4 h-6 z" fill={ink} />
      <path d="M15 42 v-6 a4 4 0 0 1 8 0 v6 M27 42 v-6 a5 4 0 0 1 10 0 v6 M41 42 v-6 a4 4 0 0 1 8 0 v6" stroke={ink} {...line} strokeWidth={1.6} />
    </g>
  ),
  // the seafront square: a lamp, the railing and the sea beyond
  seafront: (ink) => (
    <g>
      <path d="M20 40 v-20 M20 20 h5" stroke={ink} {...line} />
      <circle cx="26" cy="22" r="2.2" fill={ink} />
      <path d="M12 34 h40 M16 34 v6 M28 34 v6 M40 34 v6 M12 40 h40" stroke={ink} {...line} strokeWidth={1.4} />
      <path d="M34 26 q4 -4 8 0 q4 -4 8 0" stroke={ink} {...line} strokeWidth={1.4} />
    </g>
  ),
};

/** A booth: its striped awning over the counter. */
const booth: Picture = (ink) => (
  <g>
    <path d="M14 22 h36 l-3 7 h-30 z" fill={ink} />
    <path d="M20 22 l-1 7 M27 22 v7 M34 22 v7 M41 22 l1 7" stroke="#fff" strokeWidth={1.5} />
    <path d="M18 29 v12 M46 29 v12 M16 41 h32 M22 35 h20" stroke={ink} {...line} />
  </g>
);

/** The drawing for a stamp: the landmark's own, a booth's awning, or (a landmark added later) none. */
export function stampPicture(kind: 'landmark' | 'booth', landmarkId: string): Picture | null {
  return kind === 'booth' ? booth : (PICTURES[landmarkId as DrawnLandmark] ?? null);
}
