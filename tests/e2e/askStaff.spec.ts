/**
 * "Ask staff" end to end, in two browsers against the real server: a new visitor asks a booth a
 * question from the hall (registering in the panel first); the exhibitor's console shows it live,
 * with the unread count in the tab's title and a chime; the exhibitor answers and the visitor sees
 * the answer in the hall. A second answer, with the panel closed, arrives as a toast and a dock
 * button (and in the hall tab's title). Hall chat's rules hold (too long, too fast), and the
 * conversation is in the visitor's privacy centre afterwards.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { DEMO_PASSWORD, demoEmail } from '../../shared/demo';
import { CHAT_MAX } from '../../shared/constants';

const VIEWPORT = { width: 800, height: 500 };
// not the leads spec's exhibitor: each spec's title counts stay its own
const EXHIBITOR = { email: demoEmail('piano-isle'), password: DEMO_PASSWORD, nameZh: '琴岛声学' };
const CONSOLE_TITLE = '展商控制台';

async function exhibitorInbox(page: Page): Promise<string> {
  await page.goto('/exhibitor');
  await page.getByTestId('login-email').fill(EXHIBITOR.email);
  await page.getByTestId('login-password').fill(EXHIBITOR.password);
  await page.getByTestId('login-submit').click();
  const inbox = page.getByTestId('conversation-inbox');
  await expect(inbox).toBeVisible();
  // connected before the visitor writes, so "live" means the event and not a later reload
  await expect(page.getByTestId('inbox-live')).toHaveAttribute('data-state', 'up');
  return (await inbox.getAttribute('data-booth'))!;
}

test('a visitor asks a booth from the hall; the console sees it live and answers; the answer reaches the hall and the privacy centre', async ({
  page,
  openVisitor,
}) => {
  test.slow();
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const person = { email: `asker-${run}@e2e.ludao.example`, password: 'visitor-e2e-password', name: `问问${run}` };
  const question = `请问琴岛智能音箱支持闽南语吗？${run}`;
  const answer = `支持的，欢迎来展台试听 ${run}`;
  const followUp = `样机下周到货 ${run}`;

  // (a) The exhibitor keeps the console open.
  await page.setViewportSize(VIEWPORT);
  const inboxBooth = await exhibitorInbox(page);
  await page.evaluate(() => ((window as { __sameDocument?: boolean }).__sameDocument = true));
  const inbox = page.getByTestId('conversation-inbox');
  await expect(page).toHaveTitle(CONSOLE_TITLE);

  // (b) A visitor opens that exhibitor's booth in the hall, then "Ask staff".
  const visitor = await openVisitor({ viewport: VIEWPORT });
  await visitor.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '咨询访客', color: 2, style: 1 })));
  await visitor.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(visitor);
  await hall.waitJoined('gulangyu');
  await hall.closeHotspotCard();
  const hallTitle = await visitor.title();
  const boothId = await hall.openBoothFromDirectory(EXHIBITOR.nameZh);
  expect(boothId).toBe(inboxBooth);

  const askButton = visitor.getByTestId('booth-ask-staff');
  await expect(askButton).toHaveText('咨询展商');
  await askButton.click();
  const dialog = visitor.getByTestId('ask-staff-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('data-booth', boothId);
  await expect(dialog).toContainText(EXHIBITOR.nameZh);
  // Escape closes it and the booth panel is back; the button opens it again
  await visitor.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(visitor.getByTestId('booth-panel')).toBeVisible();
  await askButton.click();
  await expect(dialog).toBeVisible();

  // Signed out: an account first (the leave-card dialog's forms), with this panel's reason.
  const auth = dialog.getByTestId('visitor-auth');
  await expect(auth).toHaveAttribute('data-mode', 'register');
  await expect(auth).toContainText('咨询展商需要访客账号');
  await auth.getByTestId('visitor-email').fill(person.email);
  await auth.getByTestId('visitor-password').fill(person.password);
  await auth.getByTestId('visitor-display-name').fill(person.name);
  await auth.getByTestId('visitor-auth-submit').click();
  await expect(dialog.getByTestId('visitor-account')).toContainText(person.email);

  // The text box: hall chat's length rule, said before anything is sent; Enter sends.
  const input = dialog.getByTestId('composer-input');
  await expect(input).toBeFocused();
  await input.fill('长'.repeat(CHAT_MAX + 1));
  await expect(dialog.getByTestId('composer-count')).toHaveText(`${CHAT_MAX + 1}/${CHAT_MAX}`);
  await input.press('Enter');
  await expect(dialog.getByTestId('composer-problem')).toContainText(`最多 ${CHAT_MAX} 个字`);
  await input.fill(question);
  await input.press('Enter');
  const mine = dialog.getByTestId('thread-message');
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toHaveAttribute('data-from', 'visitor');
  await expect(mine.first()).toContainText(question);
  await expect(input).toHaveValue('');

  // (c) The console shows the question within seconds, without a reload: unread, in the title, chimed.
  const item = inbox.getByTestId('inbox-conversation').filter({ hasText: person.name });
  await expect(item).toHaveCount(1, { timeout: 10_000 });
  await expect(item).toContainText(question);
  await expect(item.getByTestId('inbox-conversation-unread')).toHaveText('1');
  await expect(page).toHaveTitle(`(1) ${CONSOLE_TITLE}`);
  // the exhibitor clicked (signing in), so the page may make sound: the chime played
  await expect(inbox).not.toHaveAttribute('data-chimes', '0');
  expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // Opening the thread reads it; the answer goes from the thread's own box.
  await item.click();
  const thread = inbox.getByTestId('inbox-thread');
  await expect(thread.getByTestId('thread-message')).toHaveCount(1);
  await expect(thread).toContainText(question);
  await expect(page).toHaveTitle(CONSOLE_TITLE);
  await expect(item.getByTestId('inbox-conversation-unread')).toHaveCount(0);
  await thread.getByTestId('composer-input').fill(answer);
  await thread.getByTestId('composer-send').click();
  await expect(thread.getByTestId('thread-message').last()).toContainText(answer);

  // (d) The visitor sees the answer in the hall, live, and it is read at once (the panel is on screen).
  const reply = dialog.locator('[data-testid="thread-message"][data-from="staff"]');
  await expect(reply).toHaveCount(1, { timeout: 10_000 });
  await expect(reply).toContainText(answer);
  await expect(visitor).toHaveTitle(hallTitle);

  // (e) With the panel closed, the next answer arrives as a toast, a dock button and a title count.
  await visitor.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await thread.getByTestId('composer-input').fill(followUp);
  await thread.getByTestId('composer-input').press('Enter');
  await expect(visitor.getByTestId('toast')).toHaveText('展商回复了你的咨询', { timeout: 10_000 });
  await expect(visitor).toHaveTitle(`(1) ${hallTitle}`);
  await expect(visitor.getByTestId('booth-ask-staff-unread')).toHaveText('1');
  const dockButton = visitor.getByTestId('dock-askStaff');
  await expect(dockButton).toBeVisible();
  await dockButton.click();
  await expect(dialog).toBeVisible();
  await expect(reply.last()).toContainText(followUp);
  await expect(visitor).toHaveTitle(hallTitle);
  await expect(visitor.getByTestId('booth-ask-staff-unread')).toHaveCount(0);

  // (f) Too fast: hall chat's rate, said in words; what was typed stays in the box.
  const problem = dialog.getByTestId('composer-problem');
  for (let i = 0; i < 12 && !(await problem.textContent())?.includes('太快'); i++) {
    await input.fill(`连发 ${i}`);
    await input.press('Enter');
    await expect(dialog.getByTestId('composer-send')).toHaveText('发送');
  }
  await expect(problem).toContainText('发送太快了');
  await expect(input).not.toHaveValue('');

  // (g) Later, in the account: the privacy centre (a new tab from the panel) holds the conversation.
  const [privacy] = await Promise.all([visitor.context().waitForEvent('page'), dialog.getByTestId('ask-staff-privacy').click()]);
  await expect(privacy.getByTestId('privacy-page')).toBeVisible();
  const kept = privacy.locator(`[data-testid="privacy-conversation"][data-booth="${boothId}"]`);
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText(EXHIBITOR.nameZh);
  await expect(kept.locator('[data-testid="thread-message"][data-from="visitor"]').first()).toContainText(question);
  const answers = kept.locator('[data-testid="thread-message"][data-from="staff"]');
  await expect(answers).toHaveCount(2);
  await expect(answers.first()).toContainText(answer);
  await expect(answers.last()).toContainText(followUp);
  // and it is live there too: the booth's next answer appears without a reload
  const later = '展位下午三点有演示。';
  await thread.getByTestId('composer-input').fill(later);
  await thread.getByTestId('composer-input').press('Enter');
  await expect(answers).toHaveCount(3, { timeout: 10_000 });
  await expect(answers.last()).toContainText(later);
  await privacy.close();
});
