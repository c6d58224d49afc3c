/**
 * An exhibitor edits the booth in the console while a visitor is already in the hall: the visitor
 * sees the new title and logo in the booth panel and on the 3D sign, without reloading.
 */
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { DEMO_PASSWORD, demoEmail } from '../../shared/demo';
// window.__ludaoBooths: what the 3D booth signs were last drawn with
import type { BoothProbe } from '../../client/src/scene/booths/probe';

type SignInfo = ReturnType<BoothProbe['signs']>[string];

const EXHIBITOR = { email: demoEmail('egret-vision'), password: DEMO_PASSWORD, nameZh: '鹭影数字' };

async function visitorInHall(page: Page): Promise<HallPage> {
  await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '访客', color: 2, style: 0 })));
  await page.goto('/hall/gulangyu');
  const hall = new HallPage(page);
  await hall.waitJoined('gulangyu');
  await expect.poll(() => page.evaluate(() => window.__ludaoBooths?.count() ?? 0), { message: 'booths loaded' }).toBeGreaterThan(0);
  return hall;
}

/** Opens a booth's panel from the directory ("take me there") and returns the booth id. */
function sign(page: Page, boothId: string): Promise<SignInfo | null> {
  return page.evaluate((id) => window.__ludaoBooths?.signs()[id] ?? null, boothId);
}

test('an exhibitor changes title and logo; a visitor already in the hall sees both change', async ({ page, openVisitor }) => {
  test.setTimeout(120_000);
  const visitor = await openVisitor();
  const hall = await visitorInHall(visitor);
  const boothId = await hall.openBoothFromDirectory(EXHIBITOR.nameZh);
  const panelTitle = visitor.getByTestId('booth-panel-title');
  const panelLogo = visitor.getByTestId('booth-panel-logo');
  const oldLogo = await panelLogo.getAttribute('src');
  await expect.poll(async () => (await sign(visitor, boothId))?.logo, { message: 'the 3D sign is drawn' }).toBe(oldLogo);

  // The exhibitor signs in to the console in another browser.
  await page.goto('/exhibitor');
  await page.getByTestId('login-email').fill(EXHIBITOR.email);
  await page.getByTestId('login-password').fill(EXHIBITOR.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('booth-editor')).toHaveAttribute('data-booth', boothId);

  const newTitle = `元宇宙新品发布 ${Date.now() % 100000}`;
  await page.getByTestId('title-zh').fill(newTitle);
  await page.getByTestId('booth-save').click();
  await expect(page.getByTestId('booth-save-status')).toHaveText('已保存，展厅里的访客马上就能看到');

  const logo = await sharp({ create: { width: 128, height: 128, channels: 3, background: '#d6336c' } })
    .png()
    .toBuffer();
  await page.getByTestId('logo-upload').setInputFiles({ name: 'new-logo.png', mimeType: 'image/png', buffer: logo });
  await expect(page.getByTestId('console-logo')).not.toHaveAttribute('src', oldLogo!);
  const newLogo = await page.getByTestId('console-logo').getAttribute('src');

  // The visitor, still in the hall and never reloaded, sees both in the panel...
  await expect(panelTitle).toHaveText(newTitle);
  await expect(panelLogo).toHaveAttribute('src', newLogo!);
  // ...and on the booth's sign in 3D.
  await expect.poll(async () => sign(visitor, boothId), { message: 'the 3D sign redrawn' }).toMatchObject({ title: newTitle, logo: newLogo });
  expect(await visitor.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

test('a visitor cannot reach the console API, and bad logins are refused', async ({ page }) => {
  const r = await page.request.patch('/api/booths/abcdefghijklmnop', { data: { title: { zh: 'x', en: 'y' } } });
  expect(r.status()).toBe(401);
  await page.goto('/exhibitor');
  await page.getByTestId('login-email').fill(EXHIBITOR.email);
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByRole('alert')).toHaveText('邮箱或密码错误');
});
