/**
 * Ask the guide (issue #12), in the real hall on a phone-sized window: asked in Chinese who makes a
 * demo exhibitor's product, the guide names the booth, and "take me there" walks the visitor up to
 * it — the walk-up tracker puts them at that booth's desk, and the server's own pose for them agrees.
 * Asked in English about a landmark, it names it and walks there. Asked nonsense, it says so and
 * opens the directory. At three window sizes the panel covers nothing else on the overlay.
 * `scene=empty` skips drawing the landmarks only: booths, hotspots, movement and the server are real.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { Overlay } from './pages/Overlay';

/** The toolbar's actions fold into the ☰ menu on a small screen: the ask button is one of them. */
async function openAsk(page: Page): Promise<void> {
  const toggle = page.getByTestId('menu-toggle');
  if ((await toggle.count()) > 0) await toggle.click();
  await page.getByTestId('ask-guide-toggle').click();
  await expect(page.getByTestId('ask-guide')).toBeVisible();
}

async function ask(page: Page, question: string): Promise<void> {
  const before = await page.getByTestId('ask-answer').count();
  const input = page.getByTestId('ask-input');
  await input.fill(question);
  await input.press('Enter');
  await expect(page.getByTestId('ask-answer')).toHaveCount(before + 1);
  await expect(page.getByTestId('ask-answer').last()).not.toHaveAttribute('data-kind', 'pending', { timeout: 15_000 });
}

const lastAnswer = (page: Page) => page.getByTestId('ask-answer').last();

/** Where the server last placed this visitor, and where the page shows them. */
function poses(page: Page) {
  return page.evaluate(() => ({ self: window.__ludao!.self(), server: window.__ludao!.serverSelf() }));
}

test('asked in Chinese who makes a product, the guide names the booth and takes the visitor there', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '问路测试', color: 5, style: 0 })));
  await page.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(page);
  const overlay = new Overlay(page);
  await hall.waitJoined('gulangyu');

  // the demo exhibitor that makes the cloud gaming platform, as the API lists it (its desk has the booth's id)
  const { booths } = (await (await page.request.get('/api/expo/booths?hall=gulangyu')).json()) as {
    booths: { id: string; slotId: string | null; exhibitor: { name: { zh: string } }; products: { name: { zh: string } }[] }[];
  };
  const maker = booths.find((b) => b.products.some((p) => p.name.zh === '云游戏平台'))!;
  expect(maker.exhibitor.name.zh).toBe('海上花园游戏');

  await openAsk(page);
  await overlay.expectNoOverlap('ask panel on a phone');
  await ask(page, '谁做云游戏平台？');
  await expect(lastAnswer(page)).toHaveAttribute('data-kind', 'whoMakes');
  await expect(lastAnswer(page)).toContainText('海上花园游戏');
  await expect(lastAnswer(page)).toContainText('云游戏平台');
  // text only: a name is never markup
  expect(await lastAnswer(page).locator('p *').count()).toBe(0);

  const go = lastAnswer(page).getByTestId('ask-go');
  await expect(go).toHaveCount(1);
  await expect(go).toHaveAttribute('data-target', maker.id);
  await go.click();
  // the panel gives way to the booth's own panel, as the directory's "take me there" does
  await expect(page.getByTestId('ask-guide')).toBeHidden();
  await expect(overlay.panel('boothPanel')).toBeVisible();
  await expect(overlay.panel('boothPanel')).toContainText('海上花园游戏');

  // walking there: the walk-up tracker puts the visitor at that booth's desk
  await expect.poll(async () => (await hall.proximity()).near, { message: 'at the booth', timeout: 60_000 }).toEqual({ kind: 'booth', id: maker.id });
  const desk = (await hall.desks()).find((d) => d.kind === 'booth' && d.id === maker.id)!;
  // and the server, which checks every step, has them there too once they stand still
  await expect
    .poll(
      async () => {
        const { self, server } = await poses(page);
        return server.t > 0 && Math.hypot(server.x - self.x, server.z - self.z) < 0.5 && Math.hypot(server.x - desk.x, server.z - desk.z) < desk.radius;
      },
      { message: 'the server agrees', timeout: 20_000 },
    )
    .toBe(true);
});

test('asked in English about a landmark, the guide names it and walks the visitor there', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: 'Asker', color: 2, style: 0 })));
  await page.goto('/hall/gulangyu?scene=empty&quality=low&lang=en');
  const hall = new HallPage(page);
  await hall.waitJoined('gulangyu');
  await hall.closeHotspotCard();

  await openAsk(page);
  await ask(page, 'Where is Sunlight Rock?');
  await expect(lastAnswer(page)).toHaveAttribute('data-kind', 'where');
  await expect(lastAnswer(page)).toContainText('Sunlight Rock');
  // the landmark, not the company named after it (Sunlight Rock AI)
  await expect(lastAnswer(page)).not.toContainText('AI');
  const go = lastAnswer(page).getByTestId('ask-go');
  await expect(go).toHaveAttribute('data-target', 'sunlight-rock');
  await expect(go).toHaveText('Take me there');
  await go.click();
  await expect(page.getByTestId('ask-guide')).toBeHidden();

  // a long walk round the houses: the hotspot's card opens when the visitor arrives
  await expect
    .poll(async () => (await hall.proximity()).near, { message: 'at Sunlight Rock', timeout: 120_000, intervals: [1000] })
    .toEqual({ kind: 'hotspot', id: 'sunlight-rock' });
  await expect(page.getByTestId('hotspot-card')).toHaveAttribute('data-hotspot', 'sunlight-rock');
  await expect
    .poll(
      async () => {
        const { self, server } = await poses(page);
        return Math.hypot(server.x - self.x, server.z - self.z) < 0.5 && Math.hypot(server.x + 30, server.z - 16) < 8;
      },
      { message: 'the server agrees', timeout: 20_000 },
    )
    .toBe(true);

  // the conversation is still there when the panel opens again
  await openAsk(page);
  await expect(page.getByTestId('ask-question').last()).toHaveText(/Where is Sunlight Rock\?/);
});

test('nonsense gets an honest answer and the directory; a suggested question gets the programme', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '乱问测试', color: 1, style: 0 })));
  await page.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(page);
  const overlay = new Overlay(page);
  await hall.waitJoined('gulangyu');

  await openAsk(page);
  // a suggestion chip asks for you: what is on (the demo programme runs today and tomorrow)
  await page.getByTestId('ask-suggestion').filter({ hasText: '现在有什么活动' }).click();
  await expect(lastAnswer(page)).toHaveAttribute('data-kind', 'agenda');
  await expect(lastAnswer(page).getByTestId('ask-answer-text')).toContainText('《');

  // markup typed in is shown as typed, and answered honestly
  await ask(page, '<img src=x onerror="window.__pwned=1">今天天气怎么样？');
  await expect(lastAnswer(page)).toHaveAttribute('data-kind', 'unknown');
  await expect(lastAnswer(page)).toContainText('这个我不知道');
  await expect(page.getByTestId('ask-question').last()).toContainText('<img src=x');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(lastAnswer(page).getByTestId('ask-go')).toHaveCount(0);

  // the box holds 200 characters at most
  await page.getByTestId('ask-input').fill('鹭'.repeat(500));
  expect((await page.getByTestId('ask-input').inputValue()).length).toBe(200);
  await page.getByTestId('ask-input').fill('');

  await lastAnswer(page).getByTestId('ask-directory').click();
  await expect(page.getByTestId('ask-guide')).toBeHidden();
  await expect(overlay.panel('directory')).toBeVisible();
  await expect(page.getByTestId('directory-list').locator('li').first()).toBeVisible({ timeout: 15_000 });
  await overlay.expectNoOverlap('directory from the ask panel');
});

for (const size of [
  { width: 360, height: 640 },
  { width: 800, height: 500 },
  { width: 1280, height: 720 },
]) {
  const tag = `${size.width}x${size.height}`;
  test(`the ask panel covers nothing at ${tag}`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '版面问路', color: 3, style: 0 })));
    await page.goto('/hall/gulangyu?scene=empty&quality=low');
    const hall = new HallPage(page);
    const overlay = new Overlay(page);
    await hall.waitJoined('gulangyu');
    // the arrival card is up (the pier's hotspot): the panel sits beside it, or folds it where there is no room
    await expect(overlay.panel('landmarkCard')).toBeVisible({ timeout: 15_000 });
    await openAsk(page);
    await ask(page, 'egret');
    await ask(page, '日光岩在哪里');
    await expect(page.getByTestId('ask-input')).toBeVisible();
    await expect(page.getByTestId('ask-input')).toBeInViewport();
    await overlay.expectNoOverlap(`${tag} ask panel`);
    await page.screenshot({ path: testInfo.outputPath(`ask-${tag}.png`) });
    // Escape closes it (the text box has focus: Escape still reaches the overlay)
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('ask-guide')).toBeHidden();
  });
}
