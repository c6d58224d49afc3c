/**
 * The organizers' live dashboard (issue #11): with the organizer console open, a visitor who
 * enters a hall appears on it (online now, the hall and its instance, a join today) and leaves it
 * again, with no reload: the server pushes a snapshot every few seconds.
 */
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };

test('the dashboard shows a visitor arrive in a hall and leave, live', async ({ page, openVisitor }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto('/organizer');
  await page.getByTestId('login-email').fill(ORGANIZER.email);
  await page.getByTestId('login-password').fill(ORGANIZER.password);
  await page.getByTestId('login-submit').click();
  const board = page.getByTestId('dashboard');
  await expect(board.getByTestId('dashboard-live')).toHaveAttribute('data-state', 'up', { timeout: 20_000 });
  const joinsBefore = Number((await board.getByTestId('dashboard-joins').locator('b').innerText()).replace(/\D/g, ''));

  const visitor = await openVisitor();
  await visitor.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '看板来客', color: 2, style: 0 })));
  await visitor.goto('/hall/shapowei');
  await new HallPage(visitor).waitJoined('shapowei');

  // pushed, not fetched: the page is not reloaded
  const hall = board.getByTestId('dashboard-hall-shapowei');
  await expect(hall).toHaveAttribute('data-visitors', '1', { timeout: 15_000 });
  await expect(board.getByTestId('dashboard-instance-shapowei-1')).toBeVisible();
  await expect(board.getByTestId('dashboard-total').locator('b')).not.toHaveText('0');
  await expect
    .poll(async () => Number((await board.getByTestId('dashboard-joins').locator('b').innerText()).replace(/\D/g, '')), { timeout: 15_000 })
    .toBeGreaterThan(joinsBefore);
  await expect(board.getByTestId('dashboard-chart')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true });

  await visitor.close();
  await expect(hall).toHaveCount(0, { timeout: 30_000 });
});
