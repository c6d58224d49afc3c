/**
 * Cards, consent and leads end to end, in two browsers: an exhibitor watches the booth's leads
 * inbox while a new visitor registers, fills in a card and leaves it at the booth, sharing two
 * fields after ticking the separate agreement. The lead appears in the inbox live, with only those
 * fields; the visitor withdraws in the privacy centre and it leaves the inbox, again live.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { DEMO_PASSWORD, demoEmail } from '../../shared/demo';

const VIEWPORT = { width: 800, height: 500 };
const EXHIBITOR = { email: demoEmail('egret-vision'), password: DEMO_PASSWORD, nameZh: '鹭影数字' };

async function exhibitorInbox(page: Page): Promise<string> {
  await page.goto('/exhibitor');
  await page.getByTestId('login-email').fill(EXHIBITOR.email);
  await page.getByTestId('login-password').fill(EXHIBITOR.password);
  await page.getByTestId('login-submit').click();
  const inbox = page.getByTestId('leads-inbox');
  await expect(inbox).toBeVisible();
  // connected before the card is left, so "live" means the event and not a later reload
  await expect(page.getByTestId('leads-live')).toHaveAttribute('data-state', 'up');
  return (await inbox.getAttribute('data-booth'))!;
}

test('a visitor leaves a card with two fields; the exhibitor sees it live; withdrawn, it leaves the inbox live', async ({ page, openVisitor }) => {
  test.slow();
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const person = { email: `visitor-${run}@e2e.ludao.example`, password: 'visitor-e2e-password', name: `林白鹭${run}` };
  const card = { company: '厦门测试科技', title: '采购经理', email: `card-${run}@e2e.ludao.example`, phone: '+86 138 0000 0000', wechat: `egret_${run}` };

  // (a) The exhibitor signs in to the console and keeps the inbox open.
  await page.setViewportSize(VIEWPORT);
  const inboxBooth = await exhibitorInbox(page);
  await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
  const inbox = page.getByTestId('leads-inbox');

  // (b) A visitor enters the hall and opens that exhibitor's booth.
  const visitor = await openVisitor({ viewport: VIEWPORT });
  await visitor.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '名片访客', color: 3, style: 1 })));
  await visitor.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(visitor);
  await hall.waitJoined('gulangyu');
  await hall.closeHotspotCard();
  const boothId = await hall.openBoothFromDirectory(EXHIBITOR.nameZh);
  expect(boothId).toBe(inboxBooth);

  await visitor.getByTestId('booth-leave-card').click();
  const dialog = visitor.getByTestId('leave-card-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('data-booth', boothId);
  // Escape closes it and the booth panel comes back from the dock; the button opens it again
  await visitor.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(visitor.getByTestId('booth-panel')).toBeVisible();
  await visitor.getByTestId('booth-leave-card').click();
  await expect(dialog).toBeVisible();

  // Not signed in: the dialog asks for an account first.
  const auth = dialog.getByTestId('visitor-auth');
  await expect(auth).toHaveAttribute('data-mode', 'register');
  await auth.getByTestId('visitor-email').fill(person.email);
  await auth.getByTestId('visitor-password').fill(person.password);
  await auth.getByTestId('visitor-display-name').fill(person.name);
  await auth.getByTestId('visitor-auth-submit').click();
  await expect(dialog.getByTestId('visitor-account')).toContainText(person.email);

  // No card yet: the editor comes first, the name prefilled from the account.
  const editor = dialog.getByTestId('card-editor');
  await expect(editor.getByTestId('card-name')).toHaveValue(person.name);
  for (const [k, v] of Object.entries(card)) await editor.getByTestId(`card-${k}`).fill(v);
  await editor.getByTestId('card-save').click();

  // The notice: who receives it, how long; nothing goes before the separate agreement is ticked.
  const consent = dialog.getByTestId('consent-form');
  await expect(consent.getByTestId('consent-receiver')).toContainText(EXHIBITOR.nameZh);
  await expect(consent.getByTestId('consent-retention')).toContainText('天');
  await expect(consent.getByTestId('consent-notice-text')).toContainText(EXHIBITOR.nameZh);
  const submit = consent.getByTestId('consent-submit');
  await consent.getByTestId('consent-field-company').check();
  await consent.getByTestId('consent-field-email').check();
  await expect(submit).toBeDisabled();
  await consent.getByTestId('consent-agree').check();
  await expect(submit).toBeEnabled();
  // a double click still leaves one lead (one idempotency key per opening, the button disabled while sending)
  await submit.dblclick();
  await expect(dialog.getByTestId('consent-delivered')).toContainText('名片已送达');

  // (c) The inbox shows the lead within seconds, without a reload, with only the consented fields.
  const lead = inbox.getByTestId('lead').filter({ hasText: person.name });
  await expect(lead).toHaveCount(1, { timeout: 10_000 });
  await expect(lead.getByTestId('lead-company')).toContainText(card.company);
  await expect(lead.getByTestId('lead-email')).toContainText(card.email);
  for (const f of ['title', 'phone', 'wechat']) {
    await expect(lead.getByTestId(`lead-${f}`)).toHaveAttribute('data-shared', 'false');
    await expect(lead.getByTestId(`lead-${f}`)).toContainText('未分享');
  }
  await expect(lead).not.toContainText(card.phone);
  await expect(lead).not.toContainText(card.wechat);
  await expect(inbox.getByTestId('lead').first()).toContainText(person.name);
  expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  // unread until the exhibitor looks at the inbox
  await expect(page).toHaveTitle('(1) 展商控制台');
  await lead.getByTestId('lead-rate-hot').click();
  await expect(lead.getByTestId('lead-rate-hot')).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveTitle('展商控制台');

  // Tags and notes in two clicks (edit, save); search and the rating filter are the server's queries.
  await lead.getByTestId('lead-edit').click();
  await lead.getByTestId('lead-tags-input').fill('展会，重点');
  await lead.getByTestId('lead-notes-input').fill('想要 VR 一体机报价');
  await lead.getByTestId('lead-save').click();
  await expect(lead.getByTestId('lead-tags')).toHaveText('展会重点');
  await expect(lead.getByTestId('lead-notes')).toHaveText('想要 VR 一体机报价');
  await page.getByTestId('leads-search').fill(run);
  await expect(inbox.getByTestId('lead')).toHaveCount(1);
  await page.getByTestId('leads-rating-filter').selectOption('cold');
  await expect(inbox.getByTestId('leads-empty')).toBeVisible();
  await page.getByTestId('leads-rating-filter').selectOption('hot');
  await expect(lead).toHaveCount(1);
  await page.getByTestId('leads-rating-filter').selectOption('');
  await page.getByTestId('leads-search').fill('');

  // The CSV export (a download link to the route) holds the consented fields and nothing else.
  const csvHref = await inbox.getByTestId('leads-export-csv').getAttribute('href');
  expect(csvHref).toBe(`/api/booths/${boothId}/leads/export?format=csv&newSince=0`);
  expect(await inbox.getByTestId('leads-export-new').getAttribute('href')).toContain('newSince=1');
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv).toContain(person.name);
  expect(csv).toContain(card.company);
  expect(csv).not.toContain(card.wechat);
  expect(csv).not.toContain(card.phone);

  // (d) The visitor opens the privacy centre from the dialog (a new tab, same browser) and withdraws.
  const [privacy] = await Promise.all([visitor.context().waitForEvent('page'), dialog.getByTestId('consent-to-privacy').click()]);
  await expect(privacy.getByTestId('privacy-page')).toBeVisible();
  await expect(privacy.getByTestId('visitor-account')).toContainText(person.email);
  await expect(privacy.getByTestId('card-company')).toHaveValue(card.company);
  const item = privacy.locator(`[data-testid="consent-item"][data-booth="${boothId}"]`);
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-active', 'true');
  await item.getByTestId('consent-withdraw').click();
  await expect(item).toHaveAttribute('data-active', 'false');
  await expect(item.getByTestId('consent-withdraw')).toHaveCount(0);
  await expect(privacy.getByTestId('consents-status')).toContainText(EXHIBITOR.nameZh);

  // (e) The lead leaves the inbox, live.
  await expect(lead).toHaveCount(0, { timeout: 10_000 });
  expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // (f) The privacy centre's copy of the data names the account and the withdrawn consent, then the
  // account is deleted (password asked again) and the visitor is signed out.
  const exportHref = await privacy.getByTestId('privacy-export').getAttribute('href');
  const data = (await (await privacy.request.get(exportHref!)).json()) as { account: { email: string }; consents: { withdrawnAt: number | null }[] };
  expect(data.account.email).toBe(person.email);
  expect(data.consents.map((c) => c.withdrawnAt)).toEqual([expect.any(Number)]);
  privacy.once('dialog', (d) => void d.accept());
  await privacy.locator('.privacy-delete input[type="password"]').fill(person.password);
  await privacy.getByTestId('privacy-delete').click();
  await expect(privacy.getByTestId('privacy-deleted')).toBeVisible();
  expect((await privacy.request.get(exportHref!)).status()).toBe(401);
  await privacy.close();
});
