/**
 * Entry rules in the browser (issue #11 item 5). The landing page shows each hall's visitors now
 * and the stage's next session, live; the organizer switches Shapowei to an entry code in the
 * console (and its entry-pass form says what is wrong with a field in Chinese, not in zod's
 * English); the landing page, still open, shows the new rule without a reload; a wrong code is
 * refused there with a clear message, the right code gets the visitor into the hall.
 * The main e2e server is shared by every spec: Shapowei is set back to "as the expo" (open) at the
 * end and in afterAll, whatever happened.
 */
import { test, expect } from './support/fixtures';
import { E2E_ORIGIN } from './support/origin';
import { LandingPage } from './pages/LandingPage';
import { HallPage } from './pages/HallPage';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };
const HALL = 'shapowei';
const CODE = 'Egret-2026';

async function organizerCookie(): Promise<string> {
  const res = await fetch(`${E2E_ORIGIN}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ORGANIZER) });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

async function restoreOpen(): Promise<void> {
  const cookie = await organizerCookie();
  const res = await fetch(`${E2E_ORIGIN}/api/organizer/entry/rules/${HALL}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ rule: 'inherit' }),
  });
  expect(res.status).toBe(200);
}

interface Summary {
  hallId: string;
  rule: string;
  visitors: number;
  now: { title: { zh: string } } | null;
  next: { title: { zh: string } } | null;
}
async function summaryOf(hallId: string): Promise<Summary> {
  const r = (await (await fetch(`${E2E_ORIGIN}/api/entry/halls`)).json()) as { halls: Summary[] };
  return r.halls.find((h) => h.hallId === hallId)!;
}

test.afterAll(async () => {
  await restoreOpen();
});

test('the landing page shows visitors and the next session; an entry code refuses a wrong code and admits the right one', async ({ page, openVisitor }) => {
  test.slow();
  try {
    // A visitor on the landing page sees every hall's visitors now, stage and rule.
    const landing = new LandingPage(page);
    await landing.goto();
    const card = page.getByTestId(`hall-summary-${HALL}`);
    await expect(card).toBeVisible();
    await expect(page.getByTestId(`hall-rule-${HALL}`)).toHaveText('自由入场');
    // the demo programme has sessions today and tomorrow: the stage line names the one the server says
    const s = await summaryOf(HALL);
    const stage = s.now ? `舞台正在进行：${s.now.title.zh}` : `舞台下一场：${s.next!.title.zh}`;
    expect(s.now ?? s.next).not.toBeNull();
    await expect(page.getByTestId(`hall-stage-${HALL}`)).toContainText(stage);

    // Someone enters Shapowei: the open landing page counts them within a few seconds, without a reload.
    const other = await openVisitor();
    const otherLanding = new LandingPage(other);
    await otherLanding.goto();
    await otherLanding.pickHall(HALL);
    await otherLanding.enter('先到的人');
    await new HallPage(other).waitJoined(HALL);
    await expect.poll(async () => (await summaryOf(HALL)).visitors, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await expect
      .poll(
        async () => {
          const shown = await page.getByTestId(`hall-visitors-${HALL}`).textContent();
          return shown === `${(await summaryOf(HALL)).visitors} 人在场` && !shown.startsWith('0 ');
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await other.context().close();

    // The organizer switches Shapowei to an entry code in the console.
    const org = await openVisitor();
    await org.goto('/organizer');
    await org.getByTestId('login-email').fill(ORGANIZER.email);
    await org.getByTestId('login-password').fill(ORGANIZER.password);
    await org.getByTestId('login-submit').click();
    const rules = org.getByTestId('entry-rules');
    await expect(rules).toBeVisible({ timeout: 30_000 });
    await rules.getByTestId(`entry-setting-${HALL}`).selectOption('code');
    // no code yet: saving is refused with the reason
    await rules.getByTestId(`entry-save-${HALL}`).click();
    await expect(rules.getByTestId(`entry-status-${HALL}`)).toContainText('请设置入场码');
    await rules.getByTestId(`entry-code-${HALL}`).fill(CODE);
    await rules.getByTestId(`entry-save-${HALL}`).press('Enter');
    await expect(rules.getByTestId(`entry-status-${HALL}`)).toHaveText('沙坡尾：已保存');
    await expect(rules.getByTestId(`entry-effective-${HALL}`)).toHaveText('当前生效：入场码');
    // the entry-pass form says what is wrong with each field in the page's language, not zod's English (nothing is made)
    await rules.getByTestId('entry-invite-label').fill('   ');
    await rules.getByTestId('entry-invite-max').fill('0');
    await rules.getByTestId('entry-invite-days').fill('400');
    await rules.getByTestId('entry-invite-create').click();
    await expect(rules.getByTestId('entry-invite-problem-label')).toHaveText('请填写备注（1–80 个字符）');
    await expect(rules.getByTestId('entry-invite-problem-maxUses')).toHaveText('最多使用次数须为 1 到 100000 之间的整数，或留空');
    await expect(rules.getByTestId('entry-invite-problem-days')).toHaveText('有效天数须为 1 到 365 之间的整数，或留空');
    await expect(rules.getByTestId('entry-invite-label')).toHaveAttribute('aria-invalid', 'true');
    await expect(rules.getByTestId('entry-invite-label')).toHaveAccessibleDescription('请填写备注（1–80 个字符）');
    await expect(rules).not.toContainText(/too (small|big)|invalid/i);
    await expect(rules.getByTestId('entry-invite-link')).toHaveCount(0);
    // put right, a field's complaint goes with the next try
    await rules.getByTestId('entry-invite-days').fill('30');
    await rules.getByTestId('entry-invite-create').click();
    await expect(rules.getByTestId('entry-invite-problem-days')).toHaveCount(0);
    await expect(rules.getByTestId('entry-invite-problem-label')).toBeVisible();
    await org.context().close();

    // The landing page, still open, shows the new rule within its refresh.
    await expect(page.getByTestId(`hall-rule-${HALL}`)).toHaveText('需要入场码', { timeout: 15_000 });
    await landing.pickHall(HALL);
    const code = page.getByTestId('entry-code');
    await expect(code).toBeVisible();

    // A wrong code: a clear message, still on the landing page.
    await landing.nameInput.fill('小白鹭');
    await code.fill('egret-2025');
    await landing.enterButton.click();
    await expect(page.getByTestId('entry-problem')).toHaveText('入场码不正确，请核对后重试');
    await expect(page).toHaveURL(/\/$/);
    // typing clears the complaint; the right code (any case) gets in
    await code.fill('EGRET-2026');
    await expect(page.getByTestId('entry-problem')).toHaveText('');
    await code.press('Enter');
    const hall = new HallPage(page);
    await hall.waitJoined(HALL);
  } finally {
    await restoreOpen();
  }
  await expect.poll(async () => (await summaryOf(HALL)).rule).toBe('open');
});
