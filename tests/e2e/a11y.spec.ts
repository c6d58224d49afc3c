/**
 * Accessibility (issue #13): axe-core (WCAG 2.0/2.1/2.2 A and AA rules, support/axe.ts) finds no
 * serious or critical violation on any page — landing, the hall's HUD over the real 3D canvas, a
 * booth panel and the hall's other panels, both consoles signed in, the privacy centre, the verify
 * page and the agenda — with the real server and database behind them. In the hall, where axe cannot
 * judge text over the WebGL canvas, support/contrast.ts checks every text against any backdrop.
 * Each scan prints its counts by impact (`[axe] …` lines): the README's accessibility table.
 */
import { test, expect } from './support/fixtures';
import { expectNoSeriousAxe } from './support/axe';
import { expectContrastOverScene } from './support/contrast';
import { HallPage } from './pages/HallPage';
import { DEMO_PASSWORD, demoEmail } from '../../shared/demo';
import { issueSouvenir } from './support/souvenir';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };
const EXHIBITOR = { email: demoEmail('egret-vision'), password: DEMO_PASSWORD, nameZh: '鹭影数字' };

async function signIn(page: import('@playwright/test').Page, who: { email: string; password: string }): Promise<void> {
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
}

test.describe('axe: no serious or critical violations', () => {
  test('landing, agenda and verify pages', async ({ page }, testInfo) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousAxe(page, 'landing', { testInfo });

    await page.goto('/agenda');
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible({ timeout: 15_000 });
    await expectNoSeriousAxe(page, 'agenda', { testInfo });

    const { id } = await issueSouvenir('无障碍访客', 'a11y');
    await page.goto(`/verify/${id}`);
    await expect(page.getByTestId('verify-result')).toHaveAttribute('data-status', 'genuine', { timeout: 15_000 });
    await expectNoSeriousAxe(page, 'verify', { testInfo });
  });

  test('the hall HUD over the 3D canvas, and a booth panel', async ({ page }, testInfo) => {
    await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '读屏访客', color: 1, style: 0 })));
    // the canvas is there and draws (ground, booths, avatars); the landmark scenery is left out to keep the scans quick
    await page.goto('/hall/gulangyu?scene=empty&quality=low');
    const hall = new HallPage(page);
    await hall.waitJoined('gulangyu');
    await expect.poll(() => page.evaluate(() => window.__ludao?.render?.calls ?? 0), { message: 'the scene draws' }).toBeGreaterThan(0);
    // the arrival card is open too (arrivals stand at the pier's hotspot)
    await expectNoSeriousAxe(page, 'hall HUD', { testInfo });
    await expectContrastOverScene(page, 'hall HUD');

    // the keyboard's way in (ui/a11y/KeyboardNav), shown while it has focus: the skip link, then the nearby list
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('skip-to-catalog')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('nearby-nav')).toBeInViewport();
    await expectNoSeriousAxe(page, 'hall HUD, nearby list focused', { testInfo });
    await expectContrastOverScene(page, 'hall HUD, nearby list focused');

    await hall.closeHotspotCard();
    await hall.openBoothFromDirectory(EXHIBITOR.nameZh);
    await expect(page.getByTestId('booth-panel-title')).toBeVisible();
    await expectNoSeriousAxe(page, 'booth panel', { testInfo });
    await expectContrastOverScene(page, 'booth panel');

    // more of the hall's panels: the chat with a line in it, the directory, the visitor list, the agenda
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('booth-panel')).toBeHidden();
    await hall.openChat();
    await hall.chatInput.fill('大家好');
    await hall.chatSend.click();
    await expect(hall.chat).toContainText('大家好');
    await page.getByTestId('directory-toggle').click();
    await expect(page.getByTestId('directory')).toBeVisible();
    await expectNoSeriousAxe(page, 'hall chat and directory', { testInfo });
    await expectContrastOverScene(page, 'hall chat and directory');
    await page.getByTestId('online-count').click();
    await expect(page.getByTestId('visitor-list')).toBeVisible();
    await page.getByTestId('agenda-toggle').click();
    await expectNoSeriousAxe(page, 'hall visitor list and agenda', { testInfo });
    await expectContrastOverScene(page, 'hall visitor list and agenda');
  });

  test('the 2D catalog, at a phone size and with a booth open', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '目录读者', color: 2, style: 0 })));
    await page.goto('/hall/gulangyu/2d');
    await expect(page.getByTestId('catalog-status')).toHaveAttribute('data-status', 'joined', { timeout: 20_000 });
    await expect(page.getByTestId('catalog-booths').locator('li').first()).toBeVisible();
    await expectNoSeriousAxe(page, '2D catalog', { testInfo });
    await page.getByTestId('catalog-booths').locator('li').first().getByTestId('catalog-open-booth').click();
    await expect(page.getByTestId('booth-panel')).toBeVisible();
    await expectNoSeriousAxe(page, '2D catalog, booth open', { testInfo });
  });

  test('exhibitor console and organizer console, signed in', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto('/exhibitor');
    await expectNoSeriousAxe(page, 'exhibitor sign-in', { testInfo });
    await signIn(page, EXHIBITOR);
    await expect(page.getByTestId('booth-editor')).toBeVisible({ timeout: 15_000 });
    await expectNoSeriousAxe(page, 'exhibitor console', { testInfo });

    await page.context().clearCookies();
    await page.goto('/organizer');
    await signIn(page, ORGANIZER);
    await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 15_000 });
    await expectNoSeriousAxe(page, 'organizer console', { testInfo });
  });

  test('privacy centre, signed out and signed in', async ({ page }, testInfo) => {
    await page.goto('/privacy');
    const auth = page.getByTestId('visitor-auth');
    await expect(auth).toBeVisible({ timeout: 15_000 });
    await expectNoSeriousAxe(page, 'privacy centre (signed out)', { testInfo });

    await expect(auth).toHaveAttribute('data-mode', 'register');
    await auth.getByTestId('visitor-email').fill(`a11y-${Date.now()}@e2e.ludao.example`);
    await auth.getByTestId('visitor-password').fill('a11y-password-123');
    await auth.getByTestId('visitor-display-name').fill('无障碍访客');
    await auth.getByTestId('visitor-auth-submit').click();
    await expect(page.getByTestId('visitor-account')).toBeVisible();
    await expect(page.getByTestId('privacy-export')).toBeVisible();
    await expectNoSeriousAxe(page, 'privacy centre (signed in)', { testInfo });
  });
});
