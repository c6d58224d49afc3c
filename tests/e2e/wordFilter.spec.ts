/**
 * The sensitive-word filter in the browser (issue #11): a visitor's chat line with listed words,
 * disguised with symbols and traditional characters, shows masked to another visitor (and to the
 * sender), and a display name with a listed word is refused with its own message and a way back.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { LandingPage } from './pages/LandingPage';
import { HallPage } from './pages/HallPage';

async function enterHall(page: Page, name: string): Promise<HallPage> {
  const landing = new LandingPage(page);
  await landing.goto();
  await landing.enter(name);
  const hall = new HallPage(page);
  await hall.waitJoined('gulangyu');
  await hall.waitSettled();
  return hall;
}

test.describe('the word filter', () => {
  test.beforeEach(() => test.slow());

  test('a chat line with listed words shows masked to another visitor', async ({ openVisitor }) => {
    const a = await enterHall(await openVisitor(), 'Alice');
    const b = await enterHall(await openVisitor(), '小白鹭');
    await a.openChat();
    await b.openChat();
    await a.say('周末一起賭.博吧 f.u.c.k 好不好');
    const masked = '周末一起***吧 ******* 好不好';
    await expect(b.chat.locator('li', { hasText: masked })).toBeVisible();
    await expect(b.chat.locator('li', { hasText: '賭' })).toHaveCount(0);
    await expect(a.chat.locator('li', { hasText: masked })).toBeVisible();
    // ordinary words that contain a listed one stay as they are
    await b.say('Scunthorpe 的 method 很好');
    await expect(a.chat.locator('li', { hasText: 'Scunthorpe 的 method 很好' })).toBeVisible();
  });

  test('a display name with a listed word is refused, and the visitor can go back and change it', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.enter('大傻*逼');
    const overlay = page.getByTestId('status-error');
    await expect(overlay).toContainText('名字里有不允许使用的词语');
    // retrying the same name would only fail again: no retry button, only back
    await expect(overlay.getByRole('button', { name: '重试' })).toHaveCount(0);
    await overlay.getByRole('button', { name: '返回' }).click();
    await expect(landing.nameInput).toBeVisible();
  });
});
