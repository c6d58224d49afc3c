/**
 * One stamp's picture: a round seal in the hall's colour with the landmark's name, drawn as SVG (no
 * image files, our own font). Each landmark gets its own hue and mark so the passport reads at a
 * glance; a stamp not yet earned is a dashed outline.
 */
import type { StampDef } from '../../../../shared/passport';

const HALL_HUE: Record<string, number> = { gulangyu: 8, shapowei: 205 };

function hueOf(s: StampDef): number {
  let h = 0;
  for (const c of s.landmarkId) h = (h * 31 + c.charCodeAt(0)) % 360;
  return ((HALL_HUE[s.hallId] ?? 120) + (h % 60) - 30 + 360) % 360;
}

export function StampSeal({ stamp, earned, size = 64 }: { stamp: StampDef; earned: boolean; size?: number }) {
  const hue = hueOf(stamp);
  const ink = earned ? `hsl(${hue} 62% 38%)` : '#9ca3af';
  // two characters a line, at most two lines, like a seal's inscription
  const name = stamp.name.zh.replace(/\s/g, '');
  const lines = name.length <= 3 ? [name] : [name.slice(0, Math.ceil(name.length / 2)), name.slice(Math.ceil(name.length / 2))];
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" className={earned ? 'stamp-seal earned' : 'stamp-seal'}>
      <circle cx="32" cy="32" r="29" fill={earned ? `hsl(${hue} 70% 96%)` : 'none'} stroke={ink} strokeWidth="3" strokeDasharray={earned ? undefined : '5 4'} />
      <circle cx="32" cy="32" r="24" fill="none" stroke={ink} strokeWidth="1" opacity={earned ? 1 : 0.5} />
      {lines.map((l, i) => (
        <text
          key={i}
          x="32"
          y={lines.length === 1 ? 38 : 29 + i * 15}
          textAnchor="middle"
          fontSize={l.length > 3 ? 10 : 14}
          fontWeight="700"
          fill={ink}
          style={{ fontFamily: "'Noto Sans SC', sans-serif" }}
        >
          {l}
        </text>
      ))}
    </svg>
  );
}
