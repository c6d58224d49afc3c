/**
 * The agenda end to end (issue #11), in three browsers: the organizer adds a session in the console;
 * an open /agenda page and a hall's agenda panel show it without a reload; a guest stars it on the
 * page and downloads its .ics; the page's clock (Playwright's injected clock) runs to 5 minutes
 * before the start and the reminder shows; the organizer moves it to 4 minutes from now, the panel
 * and the .ics follow (SEQUENCE 1), and the visitor in the hall, who starred it there, gets the
 * hall's reminder at once.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { E2E_ORIGIN } from './support/origin';
import { HallPage } from './pages/HallPage';

const VIEWPORT = { width: 800, height: 500 };
const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };
const MIN = 60_000;

/** The organizer's session cookie, for set-up and clean-up through the API. */
async function organizerCookie(): Promise<string> {
  const res = await fetch(`${E2E_ORIGIN}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ORGANIZER),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** The demo programme may have a session in gulangyu right now: clear the next 20 minutes for this test. */
async function clearWindow(cookie: string, hallId: string, from: number, to: number): Promise<void> {
  const list = (await (await fetch(`${E2E_ORIGIN}/api/organizer/agenda`, { headers: { cookie } })).json()) as {
    sessions: { id: string; hallId: string; startsAt: number; endsAt: number }[];
  };
  for (const s of list.sessions.filter((x) => x.hallId === hallId && x.startsAt < to && x.endsAt > from)) {
    await fetch(`${E2E_ORIGIN}/api/organizer/agenda/sessions/${s.id}`, { method: 'DELETE', headers: { cookie } });
  }
}

/** A datetime-local value `minutes` from now, in the browser's zone (the editor's input). */
const localIn = (page: Page, minutes: number) =>
  page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);

test('an organizer adds a session; the agenda page and the hall panel show it live; starred, in the calendar, reminded 5 minutes before', async ({
  page,
  openVisitor,
}) => {
  test.slow();
  const cookie = await organizerCookie();
  await clearWindow(cookie, 'gulangyu', Date.now() - MIN, Date.now() + 25 * MIN);
  const title = `鹭岛夜话 ${Date.now().toString(36)}`;

  // A guest opens the agenda page, with an injected clock that runs at real speed until told otherwise.
  const guest = await openVisitor({ viewport: VIEWPORT });
  await guest.clock.install({ time: Date.now() });
  await guest.goto('/agenda');
  const agenda = guest.getByTestId('agenda-page');
  await expect(agenda.getByRole('heading', { level: 1 })).toHaveText('展会日程');
  // the demo programme: both halls, kind badges and speakers with photos
  await expect(agenda.getByTestId('agenda-session').first()).toBeVisible();
  await expect(agenda.getByTestId('agenda-day')).toHaveCount(2); // today and tomorrow
  await expect(agenda.getByTestId('agenda-day').first().getByTestId('agenda-hall-column')).toHaveCount(2);
  await expect(agenda.locator('.agenda-kind').first()).toBeVisible();
  await expect(agenda.locator('.agenda-speakers img').first()).toHaveAttribute('src', /^\/media\/.+\.webp$/);

  // A visitor in the Gulangyu hall opens the agenda panel from the toolbar.
  const visitor = await openVisitor({ viewport: VIEWPORT });
  await visitor.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '看日程的人', color: 3, style: 0 })));
  await visitor.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(visitor);
  await hall.waitJoined('gulangyu');
  await hall.closeHotspotCard();
  await visitor.getByTestId('agenda-toggle').click();
  const panel = visitor.getByTestId('agenda-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('鼓浪屿');

  // The organizer adds a talk in Gulangyu, 7 minutes from now, with a speaker.
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto('/organizer');
  await page.getByTestId('login-email').fill(ORGANIZER.email);
  await page.getByTestId('login-password').fill(ORGANIZER.password);
  await page.getByTestId('login-submit').click();
  const editor = page.getByTestId('agenda-editor');
  await expect(editor).toBeVisible();
  await editor.getByTestId('agenda-add').click();
  const form = editor.getByTestId('agenda-form');
  await form.getByTestId('agenda-form-hall').selectOption('gulangyu');
  await form.getByTestId('agenda-form-kind').selectOption('talk');
  await form.getByTestId('agenda-form-title-zh').fill(title);
  await form.getByTestId('agenda-form-title-en').fill('Egret Island evening talk');
  await form.getByTestId('agenda-form-start').fill(await localIn(page, 7));
  await form.getByTestId('agenda-form-end').fill(await localIn(page, 17));
  await form.getByTestId('agenda-form-tags').fill('夜话, Talk');
  await form.getByTestId('agenda-add-speaker').click();
  await form.getByTestId('agenda-speaker-name').fill('林雅琴');
  await form.getByTestId('agenda-speaker-title-zh').fill('音乐史研究者');
  await form.getByTestId('agenda-form-save').click();
  const row = editor.locator('[data-testid="agenda-row"]', { hasText: title });
  await expect(row).toHaveCount(1);
  const sessionId = (await row.getAttribute('data-session'))!;

  // Without a reload: the agenda page lists it, the hall panel calls it next (or later).
  const onPage = agenda.locator(`[data-testid="agenda-session"][data-session="${sessionId}"]`);
  await expect(onPage).toBeVisible({ timeout: 10_000 });
  await expect(onPage).toContainText('林雅琴');
  await expect(onPage).toContainText('演讲');
  const inPanel = panel.locator(`[data-testid="agenda-session"][data-session="${sessionId}"]`);
  await expect(inPanel).toBeVisible({ timeout: 10_000 });

  // The guest stars it and downloads its .ics: the stable UID at SEQUENCE 0.
  await onPage.getByTestId('agenda-star').click();
  await expect(onPage.getByTestId('agenda-star')).toHaveAttribute('aria-pressed', 'true');
  const [file] = await Promise.all([guest.waitForEvent('download'), onPage.getByTestId('agenda-ics').click()]);
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  const ics = fs.readFileSync((await file.path())!, 'utf8');
  expect(ics).toContain(`UID:${sessionId}@ludao-agenda`);
  expect(ics).toContain('SEQUENCE:0');
  await expect(agenda.getByTestId('agenda-my-ics')).toBeVisible();

  // Seven minutes away: no reminder. The page's clock runs on 2.5 minutes: now it is due.
  await expect(guest.getByTestId('agenda-reminder')).toHaveCount(0);
  await guest.clock.fastForward(150_000);
  const reminder = guest.getByTestId('agenda-reminder');
  await expect(reminder).toBeVisible({ timeout: 10_000 });
  await expect(reminder).toContainText(title);
  await expect(reminder).toContainText('分钟后');

  // The visitor in the hall stars it in the panel; the organizer moves it to 4 minutes from now.
  await inPanel.getByTestId('agenda-star').click();
  await expect(inPanel.getByTestId('agenda-star')).toHaveAttribute('aria-pressed', 'true');
  await expect(visitor.getByTestId('agenda-reminder')).toHaveCount(0);
  await row.getByTestId('agenda-edit').click();
  const edit = editor.getByTestId('agenda-form');
  await edit.getByTestId('agenda-form-start').fill(await localIn(page, 4));
  await edit.getByTestId('agenda-form-end').fill(await localIn(page, 14));
  await edit.getByTestId('agenda-form-save').click();
  await expect(editor.getByTestId('agenda-form')).toHaveCount(0);

  // The hall's reminder comes at once (4 minutes < 5), live; the .ics follows the edit.
  const hallReminder = visitor.getByTestId('agenda-reminder');
  await expect(hallReminder).toBeVisible({ timeout: 20_000 });
  await expect(hallReminder).toContainText(title);
  await expect(panel.locator(`[data-testid="agenda-session"][data-session="${sessionId}"]`)).toBeVisible();
  const after = await (await fetch(`${E2E_ORIGIN}/api/agenda/sessions/${sessionId}/calendar.ics`)).text();
  expect(after).toContain(`UID:${sessionId}@ludao-agenda`);
  expect(after).toContain('SEQUENCE:1');
  await hallReminder.getByTestId('agenda-reminder-dismiss').click();
  await expect(hallReminder).toHaveCount(0);

  // Clean up: the next specs find the hall's stage free.
  page.once('dialog', (d) => void d.accept());
  await row.getByTestId('agenda-remove').click();
  await expect(row).toHaveCount(0);
  await expect(onPage).toHaveCount(0, { timeout: 10_000 });
});
