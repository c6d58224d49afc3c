/**
 * The overlay's grid, one form per kind of screen. Areas of a CSS grid never overlap, so panels in
 * different areas cannot cover each other; regions that share an area on a small screen take
 * turns (arrange.ts). `hall` is left empty: the 3D view shows through it. Announcements take a
 * full-width row under the toolbar while one shows, pushing the panels down rather than covering them.
 */
import type { RegionName } from './panels';

export type FormName = 'wide' | 'short' | 'narrow';

export interface Form {
  name: FormName;
  areas: string[];
  columns: string;
  rows: string;
  /** the grid area each region goes to */
  place: Record<RegionName, string>;
}

const threeColumns = (start: string, end: string): Pick<Form, 'areas' | 'rows' | 'place'> & { columns: string } => ({
  areas: ['top top top', 'banner banner banner', 'start hall end', 'start captions end', `chat dock ${end}`],
  columns: `minmax(0, ${start}) minmax(0, 1fr) minmax(0, ${end === 'map' ? 'min(25rem, 34%)' : 'min(22rem, 45%)'})`,
  rows: 'auto auto minmax(0, 1fr) auto auto',
  place: { top: 'top', banner: 'banner', start: 'start', end: 'end', chat: 'chat', map: end, captions: 'captions', dock: 'dock' },
});

export const FORMS: Record<FormName, Form> = {
  // a desktop window: side columns for panels, the map in its own corner under the right one
  wide: { name: 'wide', ...threeColumns('min(24rem, 30%)', 'map') },
  // a short or small window (a laptop at 800x500, a phone held sideways): the map shares the right column
  short: { name: 'short', ...threeColumns('min(20rem, 36%)', 'end') },
  // a phone held upright: one panel at a time between the toolbar and the chat
  narrow: {
    name: 'narrow',
    areas: ['top', 'banner', 'main', 'captions', 'chat', 'dock'],
    columns: 'minmax(0, 1fr)',
    rows: 'auto auto minmax(0, 1fr) auto auto auto',
    place: { top: 'top', banner: 'banner', start: 'main', end: 'main', chat: 'chat', map: 'main', captions: 'captions', dock: 'dock' },
  },
};

export interface Viewport {
  width: number;
  height: number;
}

export function formFor(v: Viewport): Form {
  if (v.width < 600) return FORMS.narrow;
  if (v.width < 1000 || v.height < 600) return FORMS.short;
  return FORMS.wide;
}
