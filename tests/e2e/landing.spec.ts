import { test, expect } from './support/fixtures';
import { LandingPage } from './pages/LandingPage';
import { HallPage } from './pages/HallPage';

test.describe('landing', () => {
  test('a blank name is refused with a message, in the visitor’s language', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.enter('   ');
    await expect(landing.nameProblem).toHaveText('请输入名字');
    await expect(page).toHaveURL(/\/$/);
    // Typing clears the complaint.
    await landing.nameInput.fill('小');
    await expect(landing.nameProblem).toHaveText('');
  });

  test('a too-long name is refused before any request to the server', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.enter('鹭'.repeat(25));
    await expect(landing.nameProblem).toHaveText('名字最多 24 个字');
  });

  test('the language switch turns Chinese into English and back', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(landing.title).toHaveText('鹭岛云展');
    await expect(landing.enterButton).toHaveText('进入展厅');

    await landing.languageSwitch.click();
    await expect(landing.title).toHaveText('Ludao Cloud Expo');
    await expect(landing.enterButton).toHaveText('Enter the hall');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await landing.enter('');
    await expect(landing.nameProblem).not.toHaveText('');
    await expect(landing.nameProblem).not.toHaveText('请输入名字');

    // Remembered across a reload, then switched back.
    await page.reload();
    await expect(landing.title).toHaveText('Ludao Cloud Expo');
    await landing.languageSwitch.click();
    await expect(landing.title).toHaveText('鹭岛云展');
  });

  test('entering with a good name goes to /hall/gulangyu and joins', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.enter('  小白鹭  ');
    const hall = new HallPage(page);
    await hall.waitJoined('gulangyu');
    await expect(hall.onlineCount).toHaveText('1 人在线');
  });

  test('built assets are content-hashed and cached for a year; the page itself is not', async ({ request }) => {
    const index = await request.get('/');
    expect(index.headers()['cache-control']).toBe('no-cache');
    const html = await index.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      expect(a).toMatch(/-[A-Za-z0-9_-]{6,}\.(js|css)$/);
      const r = await request.get(a);
      expect(r.status(), a).toBe(200);
      expect(r.headers()['cache-control'], a).toBe('public, max-age=31536000, immutable');
    }
  });
});
