/**
 * The auction from the organizer's console to the stage (issue #12 item 7), in real browsers
 * against the real server. The organizer fills the console's lot form by hand: a bad form is
 * refused with a named problem in Chinese; then a charity lot in Gulangyu, tied to an auction
 * session on the agenda, with a picture set on the upload input. A visitor in the hall sees the
 * lot in the auction panel with its picture, and the 3D stage screen shows it (the probe reads
 * what the card drew): its price, a countdown on the server's clock, then the visitor's bid with
 * their name as leader, and "成交 Sold" after the close. The agenda page lists the lot under the
 * session with the off-platform line. Screenshots of the console section and the stage go to
 * E2E_OUTPUT_DIR/shots (or test-results/shots). The spec takes its session and, if it fails
 * before the bid, its lot down again; a sold lot leaves the hall a minute after its close.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { request, type APIRequestContext, type Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { E2E_ORIGIN } from './support/origin';
import { HallPage } from './pages/HallPage';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };
const SHOTS = path.join(process.env.E2E_OUTPUT_DIR || 'test-results', 'shots');
const HALL = 'gulangyu';
// in front of Gulangyu's stage (layout stage spot (26, 27), facing +z), looking at the screen
const VIEW = '26,2.6,36,26,3.5,27';
const TITLE = '鼓浪屿手绘钢琴音乐盒';

let api: APIRequestContext;
let sessionId = '';
let lotId = '';
let sold = false;

/** A picture of a little boat on the sea, drawn here (no text: no fonts needed). */
function boatPicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="300" fill="#8ec9e8"/><circle cx="520" cy="90" r="50" fill="#f6c945"/>
    <rect y="300" width="640" height="180" fill="#1f5f8b"/>
    <path d="M150 300 L490 300 L440 360 L200 360 Z" fill="#b0452e"/>
    <path d="M320 80 L320 290 L450 290 Z" fill="#f4efe6"/><path d="M310 110 L310 290 L200 290 Z" fill="#e8742c"/>
    <rect x="312" y="70" width="8" height="230" fill="#3a2a20"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** datetime-local text for `ms`, in the page's own time zone (what the form reads). */
const localInput = (page: Page, ms: number) =>
  page.evaluate((t) => {
    const d = new Date(t);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  }, ms);

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  api = await request.newContext({ baseURL: E2E_ORIGIN, extraHTTPHeaders: { Origin: E2E_ORIGIN } });
  expect((await api.post('/api/auth/login', { data: ORGANIZER })).status()).toBe(200);
  // an auction session on Gulangyu's stage now (the agenda editor makes these; its own spec covers it)
  const startsAt = Date.now() - 60_000;
  const endsAt = Date.now() + 15 * 60_000;
  const list = (await (await api.get('/api/organizer/agenda')).json()) as { sessions: { id: string; hallId: string; startsAt: number; endsAt: number }[] };
  // the stage plays one session at a time: clear what the demo programme has on this stage now
  for (const s of list.sessions)
    if (s.hallId === HALL && s.startsAt < endsAt && s.endsAt > startsAt) await api.delete(`/api/organizer/agenda/sessions/${s.id}`);
  const made = await api.post('/api/organizer/agenda/sessions', {
    data: {
      hallId: HALL,
      kind: 'auction',
      title: { zh: '鼓浪屿公益拍卖会', en: 'Gulangyu charity auction' },
      description: { zh: '', en: '' },
      speakers: [],
      tags: [],
      startsAt,
      endsAt,
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  sessionId = ((await made.json()) as { id: string }).id;
});

test.afterAll(async () => {
  // a lot nobody bid on goes at once; a sold one closes within two minutes and then leaves the hall
  if (lotId && !sold) await api.delete(`/api/organizer/auction/lots/${lotId}`);
  if (sessionId) await api.delete(`/api/organizer/agenda/sessions/${sessionId}`);
  await api.dispose();
});

test('the organizer puts a lot up with a picture; the panel, the stage screen and the agenda show it', async ({ openVisitor }) => {
  test.setTimeout(300_000);

  // ---- the console: real fills and clicks ----
  const org = await openVisitor({ viewport: { width: 1280, height: 720 } });
  expect((await org.request.post('/api/auth/login', { data: ORGANIZER })).status()).toBe(200);
  await org.goto('/organizer');
  const section = org.getByTestId('auction-console');
  await expect(section).toBeVisible({ timeout: 20_000 });
  await expect(section.getByTestId('auction-console-offplatform')).toContainText('平台内不收付款');
  const form = org.getByTestId('lot-form');
  await form.getByTestId('lot-hall').selectOption(HALL);
  // a close before the opening, and no titles: named beside their fields, nothing sent
  const now = Date.now();
  await form.getByTestId('lot-opens').fill(await localInput(org, now + 3600_000));
  await form.getByTestId('lot-closes').fill(await localInput(org, now + 600_000));
  await form.getByTestId('lot-create').click();
  await expect(form.getByTestId('lot-problem-order')).toHaveText('结束时间须晚于开拍时间');
  await expect(form.getByTestId('lot-problem-titleZh')).toHaveText('请填写中文名称');

  await form.getByTestId('lot-session').selectOption(sessionId);
  await form.getByTestId('lot-kind').selectOption('charity');
  await form.getByTestId('lot-titleZh').fill(TITLE);
  await form.getByTestId('lot-titleEn').fill('Hand-painted Gulangyu piano music box');
  await form.getByTestId('lot-descZh').fill('岛上琴行手作，义拍所得捐给鼓浪屿音乐学校。');
  await form.getByTestId('lot-descEn').fill('Made by an island piano shop; proceeds go to the Gulangyu music school.');
  await form.getByTestId('lot-startPrice').fill('300');
  await form.getByTestId('lot-increment').fill('20');
  await form.getByTestId('lot-softClose').fill('0');
  // opens a minute ago; closes at the next whole minute at least 75 s away (the field has minutes only)
  const closesAt = Math.ceil((Date.now() + 75_000) / 60_000) * 60_000;
  await form.getByTestId('lot-opens').fill(await localInput(org, Date.now() - 60_000));
  await form.getByTestId('lot-closes').fill(await localInput(org, closesAt));
  await form.getByTestId('lot-picture').setInputFiles({ name: 'music-box.png', mimeType: 'image/png', buffer: await boatPicture() });
  await expect(form.getByTestId('lot-picture-preview')).toBeVisible({ timeout: 15_000 });
  await form.getByTestId('lot-create').click();

  const row = section.getByTestId('auction-console-lot').filter({ hasText: TITLE });
  await expect(row).toBeVisible({ timeout: 10_000 });
  lotId = (await row.getAttribute('data-lot'))!;
  expect(lotId).toMatch(/^[a-z0-9]{16}$/);
  await expect(row).toHaveAttribute('data-status', 'open');
  await expect(row.getByTestId('auction-console-picture')).toHaveJSProperty('complete', true);
  expect(await row.getByTestId('auction-console-picture').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  await expect(row).toContainText('鼓浪屿公益拍卖会');
  await expect(row.getByTestId('auction-console-csv')).toHaveAttribute('href', `/api/organizer/auction/lots/${lotId}/bids.csv`);
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: path.join(SHOTS, 'console-auction.png') });

  // ---- a visitor account in the hall, in front of the stage ----
  const visitor = await openVisitor({ viewport: { width: 800, height: 500 } });
  const email = `stage-bidder-${Date.now()}@e2e.ludao.example`;
  expect((await visitor.request.post('/api/auth/register', { data: { email, password: 'auction-stage-pass', displayName: '琴行常客' } })).status()).toBe(201);
  await visitor.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '琴行常客', color: 3, style: 1 })));
  await visitor.goto(`/hall/${HALL}?capture=1&cam=${VIEW}`);
  await new HallPage(visitor).waitJoined(HALL);

  const lot = visitor.locator(`[data-lot="${lotId}"]`);
  // on a small screen beside the hall's other panels the auction panel may wait folded in the dock
  const dock = visitor.getByTestId('dock-auction');
  await expect.poll(async () => (await lot.isVisible()) || (await dock.isVisible()), { timeout: 15_000, message: 'the lot in the panel' }).toBe(true);
  if (!(await lot.isVisible())) await dock.click();
  await expect(lot).toBeVisible();
  await expect(lot.getByTestId('auction-picture')).toHaveJSProperty('complete', true);
  expect(await lot.getByTestId('auction-picture').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  await expect(lot.getByTestId('auction-session-link')).toHaveAttribute('href', `/agenda#session-${sessionId}`);

  const stageLot = () => visitor.evaluate(() => window.__ludao?.stage?.()?.auction ?? null);
  await expect
    .poll(async () => JSON.stringify(await stageLot()), { timeout: 30_000, message: 'the lot on the stage screen, with its picture' })
    .toContain(`"lotId":"${lotId}","phase":"open","price":null`);
  await expect.poll(async () => (await stageLot())?.picture, { timeout: 15_000 }).toBe(true);
  const first = (await stageLot())!;
  expect(first.title).toBe(TITLE);
  expect(first.clock).toMatch(/^剩余 \d+:\d\d left$/);
  // the countdown runs (server clock): a later reading shows less time left
  const left = (c: string) => {
    const [m, s] = c
      .replace(/[^\d:]/g, '')
      .split(':')
      .map(Number);
    return m * 60 + s;
  };
  await visitor.waitForTimeout(2500);
  expect(left((await stageLot())!.clock)).toBeLessThan(left(first.clock));

  // ---- a bid: the panel and the stage follow the same snapshot ----
  await lot.getByTestId('auction-amount').fill('300');
  await lot.getByTestId('auction-bid').click();
  await expect(lot.getByTestId('auction-answer')).toContainText('出价成功');
  sold = true;
  await expect.poll(async () => (await stageLot())?.price, { timeout: 5000, message: 'the stage shows the new price' }).toBe(300);
  expect((await stageLot())!.leader).toBe('琴行常客');
  // the panel folded to its head, so the screenshot shows the stage screen
  const toggle = visitor.getByTestId('auction-toggle');
  await toggle.click();
  await visitor.waitForTimeout(1200);
  await visitor.screenshot({ path: path.join(SHOTS, 'stage-auction.png') });
  await toggle.click();

  // ---- the agenda lists the lot under its session, with the off-platform line ----
  await org.goto(`/agenda?hall=${HALL}#session-${sessionId}`);
  const card = org.locator(`[data-session="${sessionId}"]`);
  await expect(card.getByTestId('agenda-lot')).toContainText(TITLE, { timeout: 15_000 });
  await expect(card.getByTestId('agenda-lot-price')).toHaveText('当前 ¥300');
  await expect(card.getByTestId('agenda-lots-offplatform')).toContainText('平台外');

  // ---- the close, on the server's clock: "成交 Sold" on the stage ----
  await expect
    .poll(async () => (await stageLot())?.clock, { timeout: Math.max(10_000, closesAt - Date.now() + 15_000), message: 'sold on the stage after the close' })
    .toBe('成交 Sold');
  expect(await stageLot()).toMatchObject({ lotId, phase: 'closed', price: 300, leader: '琴行常客' });
  await expect(lot.getByTestId('auction-state')).toContainText('成交价 ¥300');
  await toggle.click();
  await visitor.waitForTimeout(1200);
  await visitor.screenshot({ path: path.join(SHOTS, 'stage-auction-sold.png') });
});
