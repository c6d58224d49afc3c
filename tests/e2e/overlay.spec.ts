/**
 * The hall overlay at five window sizes: the arrival card, the directory and a booth panel are
 * opened in turn, and no two visible panels (nor the toolbar, chat, map or dock) may overlap.
 * Panels that fold for lack of room must be reachable from their dock button, by keyboard.
 * The layout is DOM: `?scene=empty&quality=low` keeps software WebGL out of the way.
 */
import type { TestInfo } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { Overlay, type PanelName } from './pages/Overlay';

const SIZES = [
  { width: 360, height: 640 },
  { width: 640, height: 360 },
  { width: 800, height: 500 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const EXHIBITOR_ZH = '鹭影数字';
const SHOTS = process.env.OVERLAY_SHOTS_DIR;

async function shot(overlay: Overlay, testInfo: TestInfo, name: string): Promise<void> {
  const path = SHOTS ? `${SHOTS}/${name}.png` : testInfo.outputPath(`${name}.png`);
  await overlay.page.screenshot({ path });
}

/** Every folded panel comes up from its dock button without covering anything; returns what was raised. */
async function raiseEachFolded(overlay: Overlay, label: string): Promise<PanelName[]> {
  const raised: PanelName[] = [];
  for (const name of await overlay.folded()) {
    if (!(await overlay.dockButton(name).isVisible())) continue;
    await overlay.raise(name);
    await overlay.expectNoOverlap(`${label}, ${name} raised from the dock`);
    raised.push(name);
  }
  return raised;
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`;
  test(`panels never cover each other at ${tag}`, async ({ openVisitor }, testInfo) => {
    // a big page renders slowly in software, even an empty scene
    test.setTimeout(size.width * size.height > 1e6 ? 300_000 : 120_000);
    const page = await openVisitor();
    await page.setViewportSize(size);
    await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '版面测试', color: 1, style: 0 })));
    await page.goto('/hall/gulangyu?scene=empty&quality=low');
    const hall = new HallPage(page);
    const overlay = new Overlay(page);
    await hall.waitJoined('gulangyu');

    // Arrivals stand in the pier hotspot: its card opens (through the same desk tracker as booths).
    await expect(overlay.panel('landmarkCard')).toBeVisible({ timeout: 15_000 });
    await overlay.expectNoOverlap(`${tag} arrival card`);
    await shot(overlay, testInfo, `${tag}-1-card`);

    // Below the wide form the toolbar's actions fold into the ☰ menu, a panel of its own.
    const menuToggle = page.getByTestId('menu-toggle');
    if (size.width < 1000 || size.height < 600) {
      await menuToggle.click();
      await expect(overlay.panel('menu')).toBeVisible();
      await expect(overlay.panel('menu').getByTestId('leave')).toBeVisible();
      await overlay.expectNoOverlap(`${tag} menu`);
      await menuToggle.click();
      await expect(overlay.panel('menu')).toBeHidden();
      await expect(overlay.panel('landmarkCard')).toBeVisible();
    } else {
      await expect(menuToggle).toHaveCount(0);
      await expect(page.getByTestId('leave')).toBeVisible();
    }

    // The guide's private tour: its caption box takes the captions area (under the 3D view; on a
    // short screen the left column's foot too, as the middle is too narrow to read in) and stays up
    // through everything below, covering nothing.
    const folded = (await menuToggle.count()) > 0;
    if (folded) await menuToggle.click();
    await page.getByTestId('guide-tour-toggle').click();
    if (folded) await menuToggle.click();
    await expect(overlay.panel('guideCaptions')).toBeVisible();
    await expect(page.getByTestId('guide-caption')).toBeVisible();
    const captionBox = (await overlay.panel('guideCaptions').boundingBox())!;
    expect(captionBox.width, 'a caption line holds a phrase').toBeGreaterThanOrEqual(300);
    await overlay.expectNoOverlap(`${tag} tour captions`);
    await shot(overlay, testInfo, `${tag}-1b-captions`);

    // The directory: beside the card where there is room, in its place (the card folds) where not.
    await page.getByTestId('directory-toggle').click();
    await expect(overlay.panel('directory')).toBeVisible();
    await overlay.expectNoOverlap(`${tag} card + directory`);
    await shot(overlay, testInfo, `${tag}-2-directory`);
    if (size.width < 600) {
      expect(await overlay.folded()).toContain('landmarkCard');
      await overlay.raise('landmarkCard');
      await expect(overlay.panel('directory')).toBeHidden();
      await overlay.raise('directory');
    } else {
      await expect(overlay.panel('landmarkCard')).toBeVisible();
    }
    await raiseEachFolded(overlay, `${tag} card + directory`);

    // A booth panel from the directory: it replaces the landmark card (one desk card at a time).
    if (!(await overlay.panel('directory').isVisible())) await overlay.raise('directory');
    await page.getByTestId('directory-search').fill(EXHIBITOR_ZH);
    const entry = page.getByTestId('directory-list').locator('li').first();
    await expect(entry).toContainText(EXHIBITOR_ZH);
    await entry.getByTestId('directory-go').click();
    await expect(overlay.panel('boothPanel')).toBeVisible();
    await expect(overlay.panel('landmarkCard')).toHaveCount(0);
    await expect(overlay.dockButton('landmarkCard')).toHaveCount(0);
    await overlay.expectNoOverlap(`${tag} booth panel`);
    await shot(overlay, testInfo, `${tag}-3-booth`);

    // "Leave my card" opens beside the booth panel (or folds it to the dock) and covers nothing;
    // Escape closes it and the booth panel is back.
    await page.getByTestId('booth-leave-card').click();
    await expect(overlay.panel('leaveCard')).toBeVisible();
    await overlay.expectNoOverlap(`${tag} leave-card dialog`);
    await shot(overlay, testInfo, `${tag}-3b-leave-card`);
    await page.keyboard.press('Escape');
    await expect(overlay.panel('leaveCard')).toBeHidden();
    await expect(overlay.panel('boothPanel')).toBeVisible();

    // "Ask staff" likewise (signed out, it shows the registration form, which scrolls inside it).
    await page.getByTestId('booth-ask-staff').click();
    await expect(overlay.panel('askStaff')).toBeVisible();
    await expect(overlay.panel('askStaff').getByTestId('visitor-auth')).toBeVisible();
    await overlay.expectNoOverlap(`${tag} ask-staff panel`);
    await shot(overlay, testInfo, `${tag}-3c-ask-staff`);
    await page.keyboard.press('Escape');
    await expect(overlay.panel('askStaff')).toBeHidden();
    await expect(overlay.panel('boothPanel')).toBeVisible();

    // "Book a meeting" likewise (its free slots and, signed out, the account forms).
    await page.getByTestId('booth-meeting').click();
    await expect(overlay.panel('meetings')).toBeVisible();
    await overlay.expectNoOverlap(`${tag} meeting dialog`);
    await shot(overlay, testInfo, `${tag}-3d-meeting`);
    await page.keyboard.press('Escape');
    await expect(overlay.panel('meetings')).toBeHidden();
    await expect(overlay.panel('boothPanel')).toBeVisible();

    // The directory again, beside (or folding) the booth panel.
    await page.getByTestId('directory-toggle').click();
    await expect(overlay.panel('directory')).toBeVisible();
    await overlay.expectNoOverlap(`${tag} booth panel + directory`);
    await shot(overlay, testInfo, `${tag}-4-booth-directory`);
    // the directory was raised by its button; then each folded panel in turn
    const top = (await raiseEachFolded(overlay, `${tag} booth panel + directory`)).pop() ?? 'directory';

    // Escape closes the top panel (the one raised last): it leaves the screen (the map folds to
    // the dock), and a folded one may take its place.
    const openBefore = await overlay.openPanels();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await expect(overlay.panel(top)).toBeHidden();
    expect((await overlay.openPanels()).length).toBeLessThanOrEqual(openBefore.length);
    await overlay.expectNoOverlap(`${tag} after Escape`);
  });
}

// A phone, upright and sideways: the joystick has a corner of its own (it used to sit on the map),
// and a toast takes the notice row under the toolbar instead of floating over the panels.
for (const size of SIZES.slice(0, 2)) {
  const tag = `${size.width}x${size.height}`;
  test(`on a touch phone at ${tag} the joystick and a toast cover no panel`, async ({ openVisitor }, testInfo) => {
    const page = await openVisitor({ viewport: size, hasTouch: true, isMobile: true, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '触屏测试', color: 3, style: 0 })));
    await page.goto('/hall/gulangyu?scene=empty&quality=low');
    const hall = new HallPage(page);
    const overlay = new Overlay(page);
    await hall.waitJoined('gulangyu');
    const stick = page.getByTestId('touch-joystick');
    await expect(stick).toBeVisible();
    await expect(overlay.root).toHaveAttribute('data-touch', 'true');

    // the arrival card (the map folds on the upright phone, shares the right column sideways)
    await expect(overlay.panel('landmarkCard')).toBeVisible({ timeout: 15_000 });
    await overlay.expectNoOverlap(`${tag} touch, arrival card`);
    await shot(overlay, testInfo, `${tag}-touch-1-card`);

    // the map itself, raised from the dock where it folded
    if ((await overlay.folded()).includes('minimap')) await overlay.raise('minimap');
    await expect(overlay.panel('minimap')).toBeVisible();
    await overlay.expectNoOverlap(`${tag} touch, map`);

    // the directory, then a toast from the ☰ menu's "copy link"
    await page.getByTestId('directory-toggle').click();
    await expect(overlay.panel('directory')).toBeVisible();
    await overlay.expectNoOverlap(`${tag} touch, directory`);
    await page.getByTestId('menu-toggle').click();
    await overlay.panel('menu').getByRole('button', { name: '复制链接' }).click();
    await expect(page.getByTestId('toast')).toBeVisible();
    await page.getByTestId('menu-toggle').click();
    await expect(overlay.panel('menu')).toBeHidden();
    await expect(page.getByTestId('toast')).toBeVisible();
    const boxes = await overlay.expectNoOverlap(`${tag} touch, directory + toast`);
    expect(boxes.map((b) => b.name)).toEqual(expect.arrayContaining(['joystick', 'notices', 'directory']));
    await shot(overlay, testInfo, `${tag}-touch-2-toast`);
  });
}
