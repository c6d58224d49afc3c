import { expect, type Locator, type Page } from '@playwright/test';

/** What the hall overlay's panels are called in the DOM (ui/layout/panels.ts ids → test ids). */
export const PANEL_TESTIDS = {
  landmarkCard: 'hotspot-card',
  directory: 'directory',
  boothPanel: 'booth-panel',
  leaveCard: 'leave-card-dialog',
  askStaff: 'ask-staff-dialog',
  meetings: 'meeting-dialog',
  minimap: 'minimap',
  visitorList: 'visitor-list',
  announcement: 'announcement',
  // the toolbar's actions, as a panel of their own once folded into the ☰ menu
  menu: 'hud-actions',
  // the guide's private tour (ui/guide/GuideCaptions), in the captions region
  guideCaptions: 'guide-captions',
  // ask the guide (ui/guide/ask), in the start region
  askGuide: 'ask-guide',
} as const;
export type PanelName = keyof typeof PANEL_TESTIDS;

export interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The hall's DOM overlay: its regions, the dock of folded panels, and what is on screen. */
export class Overlay {
  readonly root: Locator;
  readonly dock: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('overlay');
    this.dock = page.getByTestId('dock');
  }

  panel(name: PanelName): Locator {
    const loc = this.page.getByTestId(PANEL_TESTIDS[name]);
    return name === 'menu' ? this.page.locator('[data-slot="menu"]').locator(loc) : loc;
  }

  dockButton(name: PanelName): Locator {
    return this.page.getByTestId(`dock-${name}`);
  }

  /** Names of the panels waiting in the dock. */
  async folded(): Promise<PanelName[]> {
    const ids = await this.page.locator('[data-testid^="dock-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)));
    return ids as PanelName[];
  }

  /** Panels on screen (the toolbar, chat and dock not counted). */
  async shownPanels(): Promise<PanelName[]> {
    const shown: PanelName[] = [];
    for (const name of Object.keys(PANEL_TESTIDS) as PanelName[]) if (await this.panel(name).isVisible()) shown.push(name);
    return shown;
  }

  /** Panels open now: on screen or waiting in the dock. */
  async openPanels(): Promise<PanelName[]> {
    return [...(await this.shownPanels()), ...(await this.folded())].sort();
  }

  /** The boxes of everything visible on the overlay: toolbar, chat, dock, joystick, notices and every panel. */
  async visibleBoxes(): Promise<Box[]> {
    const parts: [string, Locator][] = [
      ['toolbar', this.page.locator('.hud-top')],
      ['chat', this.page.getByTestId('chat')],
      ['dock', this.page.getByTestId('dock')],
      // touch screens only, in a corner of its own
      ['joystick', this.page.getByTestId('touch-joystick')],
      // the connection status line and toasts
      ['notices', this.page.getByTestId('notices')],
      ...(Object.keys(PANEL_TESTIDS) as PanelName[]).map((name) => [name, this.panel(name)] as [string, Locator]),
    ];
    const out: Box[] = [];
    for (const [name, loc] of parts) {
      if (!(await loc.isVisible())) continue;
      const b = await loc.boundingBox();
      if (b && b.width > 0 && b.height > 0) out.push({ name, ...b });
    }
    return out;
  }

  /** Fails if any two visible parts overlap, or one leaves the window. */
  async expectNoOverlap(label: string): Promise<Box[]> {
    const boxes = await this.visibleBoxes();
    const size = this.page.viewportSize()!;
    const problems: string[] = [];
    for (const b of boxes) {
      if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > size.width + 0.5 || b.y + b.height > size.height + 0.5) problems.push(`${b.name} leaves the window`);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (w > 0.5 && h > 0.5) problems.push(`${a.name} and ${b.name} overlap by ${Math.round(w)}x${Math.round(h)}`);
      }
    expect(
      problems,
      `${label}: ${JSON.stringify(boxes.map((b) => [b.name, Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)]))}`,
    ).toEqual([]);
    return boxes;
  }

  /** Raises a folded panel from the dock, by keyboard: its button takes focus and Enter opens it. */
  async raise(name: PanelName): Promise<void> {
    const button = this.dockButton(name);
    await button.focus();
    await expect(button).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(this.panel(name)).toBeVisible();
  }
}
