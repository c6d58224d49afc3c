/**
 * Meetings end to end, in two browsers: the exhibitor publishes a slot in the console; a new
 * visitor books it in the hall in three steps (open, pick, confirm) and downloads its .ics; the
 * console shows the booking live; both sides get the in-app reminder (the slot is less than 15
 * minutes away); the exhibitor moves the meeting and the visitor's privacy centre shows the new
 * time live; the visitor cancels there and the console shows that live.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { DEMO_PASSWORD, demoEmail } from '../../shared/demo';

const VIEWPORT = { width: 800, height: 500 };
const EXHIBITOR = { email: demoEmail('flame-tree'), password: DEMO_PASSWORD, nameZh: '凤凰木动画' };

/** A datetime-local value `minutes` from now, in the browser's zone (the console's input). */
const localIn = (page: Page, minutes: number) =>
  page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);

async function publishSlot(page: Page, minutesFromNow: number) {
  const box = page.getByTestId('booth-meetings');
  if (!(await box.getByTestId('slot-form').isVisible())) await box.locator('summary').first().click();
  await box.getByTestId('slot-start').fill(await localIn(page, minutesFromNow));
  await box.getByTestId('slot-minutes').selectOption('30');
  await box.getByTestId('slot-add').click();
  await expect(box.getByRole('status').filter({ hasText: '已发布 1' })).toBeVisible();
}

test('a visitor books a meeting in three steps; both sides see it live, get the .ics and the reminder; moved and cancelled live', async ({
  page,
  openVisitor,
}) => {
  test.slow();
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const person = { email: `meet-${run}@e2e.ludao.example`, password: 'visitor-e2e-password', name: `约见${run}` };

  // The exhibitor publishes two slots: one in 10 minutes (its reminder is due at once), one in 40.
  await page.setViewportSize(VIEWPORT);
  await page.goto('/exhibitor');
  await page.getByTestId('login-email').fill(EXHIBITOR.email);
  await page.getByTestId('login-password').fill(EXHIBITOR.password);
  await page.getByTestId('login-submit').click();
  const box = page.getByTestId('booth-meetings');
  await expect(box).toBeVisible();
  const consoleBooth = await box.getAttribute('data-booth');
  await publishSlot(page, 10);
  await publishSlot(page, 40);
  await expect(box.getByTestId('booth-slot')).toHaveCount(2);
  await expect(box.getByTestId('booth-slot').first()).toHaveAttribute('data-state', 'free');

  // A visitor opens the booth; step 1: the dialog with its free slots.
  const visitor = await openVisitor({ viewport: VIEWPORT });
  await visitor.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '约见访客', color: 2, style: 0 })));
  await visitor.goto('/hall/gulangyu?scene=empty&quality=low');
  const hall = new HallPage(visitor);
  await hall.waitJoined('gulangyu');
  await hall.closeHotspotCard();
  expect(await hall.openBoothFromDirectory(EXHIBITOR.nameZh)).toBe(consoleBooth);
  await visitor.getByTestId('booth-meeting').click();
  const dialog = visitor.getByTestId('meeting-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('meeting-slot')).toHaveCount(2);
  // Step 2: pick the first slot; only now an account is asked for (registering here keeps the pick).
  await dialog.getByTestId('meeting-slot').first().click();
  await expect(dialog.getByTestId('meeting-slot').first()).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.getByTestId('meeting-confirm')).toBeDisabled();
  const auth = dialog.getByTestId('visitor-auth');
  await auth.getByTestId('visitor-email').fill(person.email);
  await auth.getByTestId('visitor-password').fill(person.password);
  await auth.getByTestId('visitor-display-name').fill(person.name);
  await auth.getByTestId('visitor-auth-submit').click();
  await expect(dialog.getByTestId('visitor-account')).toContainText(person.email);
  await expect(dialog.getByTestId('meeting-slot').first()).toHaveAttribute('aria-pressed', 'true');
  // Step 3: confirm.
  await dialog.getByTestId('meeting-confirm').click();
  const booked = dialog.getByTestId('meeting-booked');
  await expect(booked).toContainText('预约成功');
  const meetingId = (await booked.getAttribute('data-meeting'))!;

  // The .ics downloads, with the meeting's stable UID at SEQUENCE 0.
  const [download] = await Promise.all([visitor.waitForEvent('download'), booked.getByTestId('meeting-booked-ics').click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = fs.readFileSync((await download.path())!, 'utf8');
  expect(ics).toContain(`UID:${meetingId}@ludao`);
  expect(ics).toContain('SEQUENCE:0');
  expect(ics).toContain('BEGIN:VEVENT');

  // The console shows the booking live, and both sides the reminder (the meeting is 10 minutes away).
  const bookedSlot = box.locator(`[data-testid="booth-slot"][data-state="booked"]`);
  await expect(bookedSlot).toHaveCount(1, { timeout: 10_000 });
  await expect(bookedSlot.getByTestId('booth-slot-visitor')).toContainText(person.name);
  await expect(page.getByTestId('booth-meetings-news')).toContainText(person.name);
  await expect(page.getByTestId('console-meeting-reminder')).toContainText(person.name);
  await expect(visitor.getByTestId('meeting-reminder')).toContainText(EXHIBITOR.nameZh);
  await expect(visitor.getByTestId('meeting-reminder')).toContainText('分钟后');

  // The exhibitor's .ics of the same meeting: the same UID.
  const [staffFile] = await Promise.all([page.waitForEvent('download'), bookedSlot.getByTestId('booth-meeting-ics').click()]);
  expect(fs.readFileSync((await staffFile.path())!, 'utf8')).toContain(`UID:${meetingId}@ludao`);

  // The visitor's privacy centre lists it; the exhibitor moves it to the later slot: the new time shows live.
  const privacy = await visitor.context().newPage();
  await privacy.goto('/privacy');
  const card = privacy.locator(`[data-testid="meeting-card"][data-meeting="${meetingId}"]`);
  await expect(card).toHaveAttribute('data-status', 'booked');
  const before = await card.locator('.meeting-when').textContent();
  await bookedSlot.getByTestId('booth-meeting-move').click();
  const target = await box.getByTestId('booth-meeting-move-to').locator('option').nth(1).getAttribute('value');
  await box.getByTestId('booth-meeting-move-to').selectOption(target!);
  await expect(box.locator(`[data-testid="booth-slot"][data-slot="${target}"]`)).toHaveAttribute('data-state', 'booked');
  await expect(card.locator('.meeting-when')).not.toHaveText(before!, { timeout: 10_000 });
  // moved out of the reminder window: the reminders go
  await expect(visitor.getByTestId('meeting-reminder')).toBeHidden();
  await expect(page.getByTestId('console-meeting-reminder')).toBeHidden();

  // The visitor cancels in the privacy centre; the console shows it live and the slot is free again.
  privacy.once('dialog', (d) => void d.accept());
  await card.getByTestId('meeting-cancel').click();
  await expect(card).toHaveAttribute('data-status', 'cancelled');
  await expect(card.getByTestId('meeting-cancelled')).toContainText('你已取消');
  await expect(box.locator(`[data-testid="booth-slot"][data-slot="${target}"]`)).toHaveAttribute('data-state', 'free', { timeout: 10_000 });
  await expect(page.getByTestId('booth-meetings-news')).toContainText('已取消');
});
