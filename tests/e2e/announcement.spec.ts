/**
 * An organizer announces a line to a hall from the console; a visitor already in that hall sees it
 * as a banner (and in the chat log) without reloading.
 */
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };

test('an organizer announcement reaches a visitor in the hall as a banner', async ({ page, openVisitor }) => {
  test.setTimeout(120_000);
  const visitor = await openVisitor();
  await visitor.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '听众', color: 4, style: 1 })));
  await visitor.goto('/hall/gulangyu');
  await new HallPage(visitor).waitJoined('gulangyu');
  await expect(visitor.getByTestId('announcement')).toHaveCount(0);

  await page.goto('/organizer');
  await page.getByTestId('login-email').fill(ORGANIZER.email);
  await page.getByTestId('login-password').fill(ORGANIZER.password);
  await page.getByTestId('login-submit').click();
  const text = `开幕式 15:00 在舞台举行 #${Date.now() % 100000}`;
  await page.getByTestId('announce-text').fill(text);
  await page.getByTestId('announce-send').click();

  const banner = visitor.getByTestId('announcement');
  await expect(banner).toContainText(text, { timeout: 15_000 });
  await expect(visitor.getByTestId('chat')).toContainText(text);
  // Dismissed by the visitor, it stays gone.
  await banner.getByRole('button').click();
  await expect(banner).toHaveCount(0);
});
