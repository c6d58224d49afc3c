/**
 * The overlay's grid, one form per kind of screen. Areas of a CSS grid never overlap, so panels in
 * different areas cannot cover each other; regions that share an area on a small screen take
 * turns (arrange.ts). `hall` is left empty: the 3D view shows through it. Announcements take a
 * full-width row under the toolbar while one shows, pushing the panels down rather than covering them;
 * the notices (connection status, toasts) take the row under that. On a touch screen the joystick
 * gets a corner of its own (touchForm): the bottom right of the 3D view, or a row above the chat on
 * an upright phone.
 */
import type { RegionName } from './panels';

export type FormName = 'wide' | 'short' | 'narrow';

/** The touch joystick's diameter: the 3D view's column is never narrower on a touch screen. */
export const JOYSTICK_SIZE_PX = 120;

export interface Form {
  name: FormName;
  areas: string[];
  columns: string;
  rows: string;
  /** the grid area each region goes to */
  place: Record<RegionName, string>;
}

const threeColumns = (start: string, end: string, captions = 'start captions end'): Pick<Form, 'areas' | 'rows' | 'place'> & { columns: string } => ({
  areas: ['top top top', 'banner banner banner', 'notice notice notice', 'start hall end', captions, `chat dock ${end}`],
  columns: `minmax(0, ${start}) minmax(0, 1fr) minmax(0, ${end === 'map' ? 'min(25rem, 34%)' : 'min(22rem, 45%)'})`,
  rows: 'auto auto auto minmax(0, 1fr) auto auto',
  place: {
    top: 'top',
    banner: 'banner',
    notice: 'notice',
    start: 'start',
    end: 'end',
    chat: 'chat',
    map: end,
    captions: 'captions',
    dock: 'dock',
    stick: 'hall',
  },
});

export const FORMS: Record<FormName, Form> = {
  // a desktop window: side columns for panels, the map in its own corner under the right one
  wide: { name: 'wide', ...threeColumns('min(24rem, 30%)', 'map') },
  // a short or small window (a laptop at 800x500, a phone held sideways): the map shares the right column.
  // Its middle column is too narrow to read a caption in (under 100 px at 640x360), so the guide's
  // captions take the left column's foot too; the row is empty (no height) while no tour runs.
  short: { name: 'short', ...threeColumns('min(20rem, 36%)', 'end', 'captions captions end') },
  // a phone held upright: one panel at a time between the toolbar and the chat
  narrow: {
    name: 'narrow',
    areas: ['top', 'banner', 'notice', 'main', 'captions', 'chat', 'dock'],
    columns: 'minmax(0, 1fr)',
    rows: 'auto auto auto minmax(0, 1fr) auto auto auto',
    // no joystick without a touch screen; touchForm gives it a row
    place: {
      top: 'top',
      banner: 'banner',
      notice: 'notice',
      start: 'main',
      end: 'main',
      chat: 'chat',
      map: 'main',
      captions: 'captions',
      dock: 'dock',
      stick: 'main',
    },
  },
};

/** A form on a touch screen: the joystick's corner is reserved, so it never sits on the map or a panel. */
export function touchForm(form: Form): Form {
  if (form.name === 'narrow') {
    const at = form.areas.indexOf('chat');
    const rows = form.rows.split(/\s(?![^(]*\))/);
    return {
      ...form,
      areas: [...form.areas.slice(0, at), 'stick', ...form.areas.slice(at)],
      rows: [...rows.slice(0, at), 'auto', ...rows.slice(at)].join(' '),
      place: { ...form.place, stick: 'stick' },
    };
  }
  // the 3D view's column holds the stick at its bottom right, next to the map: at least as wide as it
  return { ...form, columns: form.columns.replace('minmax(0, 1fr)', `minmax(${JOYSTICK_SIZE_PX}px, 1fr)`) };
}

export const TOUCH_FORMS: Record<FormName, Form> = { wide: touchForm(FORMS.wide), short: touchForm(FORMS.short), narrow: touchForm(FORMS.narrow) };

export interface Viewport {
  width: number;
  height: number;
  /** a touch screen: the joystick shows and has its corner */
  touch?: boolean;
}

export function formFor(v: Viewport): Form {
  const forms = v.touch ? TOUCH_FORMS : FORMS;
  if (v.width < 600) return forms.narrow;
  if (v.width < 1000 || v.height < 600) return forms.short;
  return forms.wide;
}
