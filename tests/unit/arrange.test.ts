/**
 * The hall overlay's layout rule: panels sit in named regions; where two open panels share an
 * area of the current form, the higher priority one shows and the other folds to the dock.
 */
import { describe, expect, it } from 'vitest';
import { arrange } from '../../client/src/ui/layout/arrange';
import { FORMS, TOUCH_FORMS, formFor } from '../../client/src/ui/layout/forms';
import { PANELS, PANEL_IDS, type PanelId } from '../../client/src/ui/layout/panels';

const SIZES = [
  { width: 360, height: 640 },
  { width: 640, height: 360 },
  { width: 800, height: 500 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const ALWAYS: PanelId[] = ['toolbar', 'chat', 'dock', 'notice'];
const ALL_FORMS = [...Object.values(FORMS), ...Object.values(TOUCH_FORMS)];

describe('arrange', () => {
  it('picks a form by screen: phone upright, short or small windows, desktops', () => {
    expect(SIZES.map((v) => formFor(v).name)).toEqual(['narrow', 'short', 'short', 'wide', 'wide']);
  });

  it('every region has an area in every form, and the grid names every area it uses', () => {
    for (const form of ALL_FORMS) {
      const cells = new Set(form.areas.join(' ').split(/\s+/));
      for (const id of PANEL_IDS) expect(cells.has(form.place[PANELS[id].region]), `${form.name}: ${id}`).toBe(true);
      // one row of the template per row track, all rows the same width
      expect(new Set(form.areas.map((r) => r.split(/\s+/).length)).size).toBe(1);
      expect(form.rows.split(/\s(?![^(]*\))/).length).toBe(form.areas.length);
    }
  });

  it('the toolbar, chat, dock and notices have an area of their own in every form: nothing can fold or cover them', () => {
    for (const form of ALL_FORMS) {
      const theirs = ALWAYS.map((id) => form.place[PANELS[id].region]);
      expect(new Set(theirs).size).toBe(ALWAYS.length);
      for (const id of PANEL_IDS) {
        if (ALWAYS.includes(id)) continue;
        expect(theirs, `${form.name}: ${id}`).not.toContain(form.place[PANELS[id].region]);
      }
    }
  });

  it('never shows two panels in one area, at any size, with everything open', () => {
    for (const v of SIZES) {
      const a = arrange(v, { open: PANEL_IDS });
      const areas = Object.values(a.shown);
      expect(new Set(areas).size, `${v.width}x${v.height}`).toBe(areas.length);
      expect(Object.keys(a.shown).length + a.folded.length).toBe(PANEL_IDS.length);
      for (const id of ALWAYS) expect(a.shown[id]).toBeDefined();
    }
  });

  it('on a desktop the directory, booth panel and map all show', () => {
    const a = arrange({ width: 1280, height: 720 }, { open: ['toolbar', 'chat', 'directory', 'boothPanel', 'minimap'] });
    expect(a.shown).toMatchObject({ directory: 'start', boothPanel: 'end', minimap: 'map' });
    expect(a.folded).toEqual([]);
  });

  it('at 800x500 the map shares the right column: a card folds it to the dock', () => {
    const v = { width: 800, height: 500 };
    expect(arrange(v, { open: ['minimap'] }).shown.minimap).toBe('end');
    const a = arrange(v, { open: ['minimap', 'landmarkCard', 'directory'] });
    expect(a.shown).toMatchObject({ landmarkCard: 'end', directory: 'start' });
    expect(a.folded).toEqual(['minimap']);
  });

  it('on an upright phone one panel shows at a time, by priority, the rest wait in the dock', () => {
    const a = arrange({ width: 360, height: 640 }, { open: ['toolbar', 'chat', 'landmarkCard', 'directory', 'minimap', 'visitorList'] });
    expect(a.shown.directory).toBe('main');
    expect(a.folded).toEqual(['landmarkCard', 'visitorList', 'minimap']);
  });

  it('a panel raised from the dock wins its area; the one it displaced folds', () => {
    const a = arrange({ width: 360, height: 640 }, { open: ['landmarkCard', 'directory'], raised: 'landmarkCard' });
    expect(a.shown.landmarkCard).toBe('main');
    expect(a.folded).toEqual(['directory']);
  });

  it('a panel the visitor folded stays in the dock until raised, even with its area free', () => {
    const v = { width: 1280, height: 720 };
    expect(arrange(v, { open: ['minimap'], userFolded: ['minimap'] }).folded).toEqual(['minimap']);
    expect(arrange(v, { open: ['minimap'], userFolded: ['minimap'], raised: 'minimap' }).shown.minimap).toBe('map');
  });

  it('on a touch screen the joystick has a corner of its own in every form, and never folds', () => {
    expect(SIZES.map((v) => formFor({ ...v, touch: true }).name)).toEqual(['narrow', 'short', 'short', 'wide', 'wide']);
    for (const form of Object.values(TOUCH_FORMS)) {
      const stick = form.place[PANELS.joystick.region];
      for (const id of PANEL_IDS) if (id !== 'joystick') expect(form.place[PANELS[id].region], `${form.name}: ${id}`).not.toBe(stick);
    }
    // beside the map in the 3D view's column, or a row of its own above the chat on an upright phone
    expect([TOUCH_FORMS.wide.place.stick, TOUCH_FORMS.short.place.stick, TOUCH_FORMS.narrow.place.stick]).toEqual(['hall', 'hall', 'stick']);
    expect(TOUCH_FORMS.short.columns).toContain('minmax(120px, 1fr)');
    for (const v of SIZES) {
      const a = arrange({ ...v, touch: true }, { open: PANEL_IDS });
      expect(a.shown.joystick, `${v.width}x${v.height}`).toBeDefined();
      const areas = Object.values(a.shown);
      expect(new Set(areas).size).toBe(areas.length);
    }
  });

  it('the panels of the next wave have their regions now', () => {
    expect([PANELS.guideCaptions.region, PANELS.stage.region, PANELS.passport.region, PANELS.auction.region]).toEqual(['captions', 'end', 'start', 'end']);
  });
});
