/**
 * What everyone at a booth shares, in two browsers: both walk up to a booth; each panel counts two
 * visitors there (the server's hall-wide count); one likes and raises a question, and the other
 * sees the tallies and the reaction float over the booth. A staff member on duty who enters the
 * hall signed in wears the staff tag in everyone's roster.
 */
import { test, expect } from './support/fixtures';
import { HallPage } from './pages/HallPage';
import { DEMO_PASSWORD, demoEmail } from '../../shared/demo';

const BOOTH_ZH = '鹭影数字';
const VIEWPORT = { width: 640, height: 400 };
const EXHIBITOR = { email: demoEmail('red-brick'), password: DEMO_PASSWORD, nameZh: '闽南红砖设计' };

test('visitors at a booth see the same count and each other’s reactions; staff on duty are tagged', async ({ page, openVisitor }) => {
  test.slow();
  const visitors = [page, await openVisitor({ viewport: VIEWPORT })];
  await page.setViewportSize(VIEWPORT);
  const halls: HallPage[] = [];
  for (const [i, p] of visitors.entries()) {
    await p.addInitScript((n) => localStorage.setItem('ludao.profile', JSON.stringify({ name: `展位访客${n}`, color: n, style: 0 })), i);
    await p.goto('/hall/gulangyu?scene=empty&quality=low');
    const hall = new HallPage(p);
    await hall.waitJoined('gulangyu');
    await hall.closeHotspotCard();
    halls.push(hall);
  }
  // both take "take me there" to the same booth
  // (a booth with a clear walk from the spawn: "take me there" walks a straight line)
  for (const h of halls) await h.openBoothFromDirectory(BOOTH_ZH);
  const [a, b] = visitors;
  // walking there takes a few seconds; then the reaction buttons come on and the count is two
  for (const p of visitors) {
    await expect(p.getByTestId('booth-react-like')).toBeEnabled({ timeout: 30_000 });
    await expect(p.getByTestId('booth-visitors')).toHaveAttribute('data-count', '2', { timeout: 10_000 });
  }
  await a.getByTestId('booth-react-like').click();
  await a.waitForTimeout(800); // the local cool-down between two reactions
  await a.getByTestId('booth-react-question').click();
  await expect(b.getByTestId('booth-react-like-count')).toHaveText('1');
  await expect(b.getByTestId('booth-react-question-count')).toHaveText('1');
  await expect(a.getByTestId('booth-react-like-count')).toHaveText('1');
  expect(await b.evaluate(() => window.__ludao!.reactionsInFlight())).toBeGreaterThan(0);

  // a staff member on duty signs in at the console, then enters the hall: tagged in the roster
  const staff = await openVisitor({ viewport: VIEWPORT });
  await staff.goto('/exhibitor');
  await staff.getByTestId('login-email').fill(EXHIBITOR.email);
  await staff.getByTestId('login-password').fill(EXHIBITOR.password);
  await staff.getByTestId('login-submit').click();
  await expect(staff.getByTestId('console')).toBeVisible();
  const boothId = await staff.getByTestId('booth-meetings').getAttribute('data-booth');
  await staff.getByTestId('duty-toggle').check();
  await expect
    .poll(async () => (await staff.evaluate((id) => fetch(`/api/booths/${id}`).then((r) => r.json()), boothId)).staffOnDuty, { timeout: 10_000 })
    .toBe(true);
  await staff.evaluate(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '值班小陈', color: 5, style: 1 })));
  await staff.goto('/hall/gulangyu?scene=empty&quality=low');
  await new HallPage(staff).waitJoined('gulangyu');
  await expect
    .poll(async () => (await a.evaluate(() => window.__ludao!.roster())).find((v) => v.name === '值班小陈')?.staff ?? null, { timeout: 10_000 })
    .toBe(boothId);
  expect((await a.evaluate(() => window.__ludao!.roster())).filter((v) => v.staff)).toHaveLength(1);

  // The staff member presents their brochure's page 2 from the booth panel; a visitor who opens
  // that booth sees the same page drawn, then the product the staff switch to; "stop" ends it.
  const staffHall = new HallPage(staff);
  await staffHall.closeHotspotCard();
  await staffHall.openBoothFromDirectory(EXHIBITOR.nameZh);
  const controls = staff.getByTestId('present-controls');
  await expect(controls).toBeVisible();
  await controls.getByRole('button', { name: '下一页' }).click();
  await expect(staff.getByTestId('booth-presenting')).toHaveAttribute('data-kind', 'brochure');
  await halls[1].openBoothFromDirectory(EXHIBITOR.nameZh);
  const shown = b.getByTestId('booth-presenting');
  await expect(shown).toContainText('值班小陈 正在演示');
  await expect(shown).toContainText('第 2 页');
  await expect(shown.getByTestId('presenting-brochure')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await controls.getByTestId('present-product').first().click();
  await expect(shown).toHaveAttribute('data-kind', 'product');
  await controls.getByTestId('present-stop').click();
  await expect(shown).toBeHidden();
  // off duty again, so other specs find the booth as the demo left it
  await staff.evaluate(
    (id) => fetch(`/api/booths/${id}/duty`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"onDuty":false}' }),
    boothId,
  );
});
