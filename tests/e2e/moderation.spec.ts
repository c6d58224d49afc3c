/**
 * Moderation in the browser (issue #11), against the real server and database:
 * (a) a muted visitor cannot chat in any instance: a server of this spec's own with HALL_CAPACITY=2
 *     (one seat for the moderator beside the troll, so the organizer can pick the line in the hall;
 *     with one seat nobody could see anyone's line). The organizer and the troll's first tab share
 *     an instance, the troll's second tab (same browser: same device) opens another. The organizer
 *     mutes from the chat line's menu; both tabs say so (until when), their chat boxes are disabled,
 *     and nothing they had typed reaches anyone. Lifted from the console's API, both boxes take
 *     lines again.
 * (b) a ban that survives a reload: a visitor's line is reported, the organizer bans (until lifted,
 *     of the hall menu's durations the queue offers) from the console's queue; the banned page says so, and so does it after a reload (its reconnection
 *     token and a fresh join are both refused) and in a new tab of the same browser.
 * (c) a visitor reports a chat line and a person (from the roster) with a reason: both show live in
 *     the moderator's queue in the console.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './support/fixtures';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { E2E_PORT, staysOnOrigin } from './support/origin';
import { HallPage } from './pages/HallPage';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };

/** The hall without its landmark scenery, at low quality: the chat and roster are what is tested, and three pages draw in software on two shared cores. */
const HALL_URL = '/hall/gulangyu?scene=empty&quality=low';

const setProfile = (page: Page, name: string) =>
  page.addInitScript((n) => localStorage.setItem('ludao.profile', JSON.stringify({ name: n, color: 2, style: 0 })), name);

async function enterHall(page: Page, name: string): Promise<HallPage> {
  await setProfile(page, name);
  await page.goto(HALL_URL);
  const hall = new HallPage(page);
  // the hall's lazy chunks can take longer than waitJoined's first check on a loaded machine
  await expect(hall.root).toBeVisible({ timeout: 60_000 });
  await hall.waitJoined('gulangyu');
  return hall;
}

/** The chat line with this text, once it shows in this page's log. */
async function lineOf(hall: HallPage, text: string) {
  await hall.openChat();
  const li = hall.chat.locator('li', { hasText: text });
  await expect(li).toHaveCount(1, { timeout: 15_000 });
  return li;
}

/** Reports from the open moderation dialog: a reason (its zh label) and words. */
async function sendReport(page: Page, reasonLabel: string, note: string): Promise<void> {
  const dialog = page.getByTestId('moderation-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(reasonLabel, { exact: true }).check();
  await dialog.getByTestId('report-note').fill(note);
  await dialog.getByTestId('report-send').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toast')).toContainText('举报已提交', { timeout: 10_000 });
}

async function reportLine(reporter: HallPage, text: string, reasonLabel: string, note: string): Promise<void> {
  const li = await lineOf(reporter, text);
  await li.getByTestId('moderation-more').click();
  await expect(reporter.page.getByTestId('moderation-dialog')).toContainText(text);
  await sendReport(reporter.page, reasonLabel, note);
}

async function openModerationConsole(page: Page) {
  await page.goto('/organizer');
  await page.getByTestId('login-email').fill(ORGANIZER.email);
  await page.getByTestId('login-password').fill(ORGANIZER.password);
  await page.getByTestId('login-submit').click();
  const queue = page.getByTestId('reports-queue');
  await expect(queue).toBeVisible({ timeout: 20_000 });
  // the live stream is up before anything is reported
  await expect(queue).toContainText('实时');
  return queue;
}

const tag = () => `${Date.now() % 1_000_000}`;

test('(c) a visitor reports a chat line and a person, and both show live in the console queue', async ({ page, openVisitor }) => {
  test.setTimeout(180_000);
  const queue = await openModerationConsole(page);
  const n = tag();
  const troll = await enterHall(await openVisitor(), `刷屏者${n}`);
  const reporter = await enterHall(await openVisitor(), `举报人${n}`);
  const text = `加微信领奖品 ${n}`;
  await troll.say(text);
  await reportLine(reporter, text, '垃圾广告', `一直在刷广告 ${n}`);

  const lineReport = queue.getByTestId('report').filter({ hasText: text });
  await expect(lineReport).toHaveCount(1, { timeout: 10_000 });
  await expect(lineReport).toContainText(`被举报：刷屏者${n}`);
  await expect(lineReport).toContainText('垃圾广告');
  await expect(lineReport).toContainText(`一直在刷广告 ${n}`);

  // a person, from the roster: 'other' needs the reporter's words
  await reporter.closeHotspotCard();
  await reporter.page.getByTestId('online-count').click();
  const row = reporter.page.getByTestId('visitor-list').locator('li', { hasText: `刷屏者${n}` });
  await row.getByTestId('moderation-more').click();
  await sendReport(reporter.page, '其他', `冒充工作人员 ${n}`);
  const personReport = queue.getByTestId('report').filter({ hasText: `冒充工作人员 ${n}` });
  await expect(personReport).toHaveCount(1, { timeout: 10_000 });
  await expect(personReport).toContainText('（举报此人）');

  // dismissed, it leaves the queue and the audit log says so
  await personReport.getByRole('button', { name: '驳回' }).click();
  await expect(personReport).toHaveCount(0);
  await expect(page.getByTestId('audit-log').locator('[data-action="moderation.report_dismiss"]').first()).toContainText('驳回举报');
});

test('(b) a ban from the console holds across a reload and a new tab', async ({ page, openVisitor }) => {
  test.setTimeout(180_000);
  const queue = await openModerationConsole(page);
  const n = tag();
  const trollPage = await openVisitor();
  const troll = await enterHall(trollPage, `捣乱者${n}`);
  const reporter = await enterHall(await openVisitor(), `目击者${n}`);
  const text = `骂人的话 ${n}`;
  await troll.say(text);
  await reportLine(reporter, text, '辱骂骚扰', `骂人 ${n}`);

  const report = queue.getByTestId('report').filter({ hasText: text });
  await expect(report).toHaveCount(1, { timeout: 10_000 });
  // the queue offers the hall menu's durations
  await expect(report.getByTestId('report-mute-10')).toHaveText('禁言 10 分钟');
  await expect(report.getByTestId('report-mute-forever')).toHaveText('禁言（直到解除）');
  await expect(report.getByTestId('report-ban-10080')).toHaveText('封禁 7 天');
  page.once('dialog', (d) => void d.accept());
  await report.getByTestId('report-ban-forever').click();
  await expect(report).toHaveCount(0);

  const banned = trollPage.getByTestId('status-error');
  await expect(banned).toContainText('你已被禁止进入本展会', { timeout: 10_000 });
  // the line's author is gone from the hall for the others
  await expect
    .poll(() => reporter.page.evaluate((name) => window.__ludao!.roster().some((r) => r.name === name), `捣乱者${n}`), { timeout: 10_000 })
    .toBe(false);

  // a reload: the saved reconnection token and a fresh join are both refused
  await trollPage.reload();
  await expect(trollPage.getByTestId('status-error')).toContainText('你已被禁止进入本展会', { timeout: 30_000 });
  expect(await trollPage.evaluate(() => window.__ludao?.status())).toBe('error');
  // a new tab of the same browser (a new session), with the page's own copy of the device token cleared
  const again = await trollPage.context().newPage();
  await again.addInitScript(() => localStorage.removeItem('ludao.device'));
  await again.goto(HALL_URL);
  await expect(again.getByTestId('status-error')).toContainText('你已被禁止进入本展会', { timeout: 30_000 });
  await again.close();

  // the console lists the ban (bound to the device) and logs it
  await expect(page.getByTestId('sanctions')).toContainText(`捣乱者${n}`);
  await expect(page.getByTestId('sanctions')).toContainText('设备');
  await expect(page.getByTestId('audit-log').locator('[data-action="moderation.ban"]').first()).toBeVisible({ timeout: 10_000 });
});

// ---- (a) on a server of its own, two seats an instance ----

const PORT = E2E_PORT + 1;
const ORIGIN = `http://localhost:${PORT}`;
const OWN_ORGANIZER = { email: 'organizer@moderation.ludao.example', password: 'moderation-organizer-password' };

test.describe('a muted visitor in two instances', () => {
  let server: ChildProcess | null = null;
  let dataDir = '';
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  test.beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-moderation-e2e-'));
    server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: {
        ...process.env,
        PORT: String(PORT),
        HALL_CAPACITY: '2',
        LOG_LEVEL: 'warn',
        REDIS_URL: '',
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        ORGANIZER_EMAIL: OWN_ORGANIZER.email,
        ORGANIZER_PASSWORD: OWN_ORGANIZER.password,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await expect
      .poll(async () => (await fetch(`${ORIGIN}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000, message: 'the moderation test server' })
      .toBe(200);
  });

  test.afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    if (server && server.exitCode === null) {
      const done = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([done, new Promise((r) => setTimeout(r, 8000))]);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function ownContext(browser: Browser): Promise<BrowserContext> {
    const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 640, height: 360 }, locale: 'zh-CN' });
    context.on('request', (r) => {
      if (!staysOnOrigin(r.url(), ORIGIN)) problems.push(`off origin: ${r.url()}`);
    });
    context.on('page', (p) => p.on('pageerror', (e) => problems.push(`page error: ${e.message}`)));
    contexts.push(context);
    return context;
  }

  test('(a) a muted visitor cannot chat in any instance', async ({ browser }) => {
    test.setTimeout(240_000);
    // the organizer, signed in, in the hall: it moderates the instance it is in
    const orgContext = await ownContext(browser);
    const login = await orgContext.request.post(`${ORIGIN}/api/auth/login`, { data: OWN_ORGANIZER });
    expect(login.status(), await login.text()).toBe(200);
    const mod = await enterHall(await orgContext.newPage(), '主持人');
    await expect(mod.page.getByTestId('chat-mode')).toContainText('你是本展厅的主持人');

    // one troll, two tabs of one browser: the first beside the organizer, the second in the next instance
    const trollContext = await ownContext(browser);
    const one = await enterHall(await trollContext.newPage(), '捣乱者');
    const two = await enterHall(await trollContext.newPage(), '捣乱者');
    const instanceOf = (h: HallPage) => h.page.getByTestId('hud-instance').textContent();
    expect(await instanceOf(one)).toBe(await instanceOf(mod));
    expect(await instanceOf(two)).not.toBe(await instanceOf(one));
    // three pages drawing in software: each past its first heavy frames before the clicks
    for (const h of [mod, one, two]) await h.waitSettled();

    // before: each tab's lines go out (a line shows in a log only once the server sent it)
    await two.say('第二个分场 还能说话');
    await lineOf(two, '第二个分场 还能说话');
    await one.say('广告 广告 广告');
    const line = await lineOf(mod, '广告 广告 广告');

    // the organizer mutes from the line's menu
    await line.getByTestId('moderation-more').click();
    const dialog = mod.page.getByTestId('moderation-dialog');
    await expect(dialog.getByTestId('moderator-actions')).toBeVisible();
    await dialog.getByTestId('mute-10').click();
    await expect(mod.page.getByTestId('toast')).toContainText('已处理', { timeout: 10_000 });

    // both tabs, in both instances, are told until when (ten minutes: a time today), and their chat boxes take nothing
    for (const h of [one, two]) {
      await expect(h.page.getByTestId('chat-mode')).toContainText(/你已被禁言，直到 \d{1,2}:\d{2}/, { timeout: 5_000 });
      await expect(h.chatInput).toBeDisabled();
      await expect(h.chatSend).toBeDisabled();
      await expect(h.chatInput).toHaveAttribute('placeholder', /你已被禁言，直到/);
      await expect(h.chatInput).toHaveAccessibleDescription(/你已被禁言/);
    }

    // the organizer still talks in the muted person's instance
    await mod.say('请遵守展厅秩序');
    await lineOf(one, '请遵守展厅秩序');

    // lifted from the console's API: both boxes take lines again, and the lines go out
    const live = (await (await orgContext.request.get(`${ORIGIN}/api/moderation/sanctions`)).json()) as {
      sanctions: { id: string; targetName: string | null }[];
    };
    const mute = live.sanctions.find((x) => x.targetName === '捣乱者');
    expect(mute, JSON.stringify(live)).toBeTruthy();
    expect((await orgContext.request.post(`${ORIGIN}/api/moderation/sanctions/${mute!.id}/lift`)).status()).toBe(200);
    for (const h of [one, two]) {
      await expect(h.chatInput).toBeEnabled({ timeout: 5_000 });
      await expect(h.page.getByTestId('chat-mode')).toHaveCount(0);
    }
    await two.say('解除禁言后 第二个分场');
    await lineOf(two, '解除禁言后 第二个分场');
    expect(problems).toEqual([]);
  });
});
