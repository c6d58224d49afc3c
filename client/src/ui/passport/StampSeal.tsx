/**
 * One stamp as a round seal: the place's own picture (stampPictures) over its name, in one ink of
 * the hall's colour, drawn as SVG (no image files, our own font). Each landmark gets its own hue,
 * so the passport reads at a glance; a stamp not yet earned is a dashed outline with a faint
 * picture of what is to be found.
 */
import type { StampDef } from '../../../../shared/passport';
import { stampPicture } from './stampPictures';

/** the name's size on the band by its length, so it stays inside the inner ring */
const FONT_BY_LENGTH = [9, 9, 9, 9, 8, 7, 6, 5.6];

const HALL_HUE: Record<string, number> = { gulangyu: 8, shapowei: 205 };

function hueOf(s: StampDef): number {
  let h = 0;
  for (const c of s.landmarkId) h = (h * 31 + c.charCodeAt(0)) % 360;
  return ((HALL_HUE[s.hallId] ?? 120) + (h % 60) - 30 + 360) % 360;
}

export function StampSeal({ stamp, earned, size = 64 }: { stamp: StampDef; earned: boolean; size?: number }) {
  const hue = stamp.kind === 'booth' ? 150 : hueOf(stamp);
  const ink = earned ? `hsl(${hue} 62% 36%)` : '#9ca3af';
  const picture = stampPicture(stamp.kind, stamp.landmarkId);
  // the Chinese name on the seal's band, as a seal is cut, in either language (the list beside it
  // says the name in the visitor's); short names whole, long ones cut
  const label = [...stamp.name.zh.replace(/\s+/g, '')];
  const short = label.length > 7 ? `${label.slice(0, 6).join('')}…` : label.join('');
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden="true"
      className={earned ? 'stamp-seal earned' : 'stamp-seal'}
      data-picture={picture ? 'drawn' : 'none'}
    >
      <circle
        cx="32"
        cy="32"
        r="30"
        fill={earned ? `hsl(${hue} 70% 97%)` : 'none'}
        stroke={ink}
        strokeWidth="2.5"
        strokeDasharray={earned ? undefined : '5 4'}
      />
      <circle cx="32" cy="32" r="26.5" fill="none" stroke={ink} strokeWidth="0.8" opacity={earned ? 1 : 0.5} />
      <g opacity={earned ? 1 : 0.45}>{picture ? picture(ink) : <circle cx="32" cy="29" r="9" fill={ink} />}</g>
      <text
        x="32"
        y="53"
        textAnchor="middle"
        fontSize={FONT_BY_LENGTH[Math.min(short.length, 7)]}
        fontWeight="700"
        fill={ink}
        style={{ fontFamily: "'Noto Sans SC', sans-serif" }}
      >
        {short}
      </text>
    </svg>
  );
}
