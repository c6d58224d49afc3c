/**
 * Q&A end to end (issue #11): "a question approved onto the stage". A talk is on stage in the
 * Gulangyu hall, and the organizer has the console's Q&A queue open. A visitor asks it a question
 * (with a word the sensitive-word filter masks); the open queue lists it without a reload (the
 * moderation stream's `qa` event, well before the queue's slow re-read); a second visitor, in their
 * own browser, sees it awaiting moderation and upvotes it (once: the button then stays pressed), and
 * the queue's count follows; the organizer approves it; both halls' panels list it as on screen with
 * its vote, and the 3D stage card draws its text (`window.__ludao.qa()`, beside the stage probe
 * saying the screen shows the card).
 */
import { request, type APIRequestContext, type Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { E2E_ORIGIN } from './support/origin';
import { HallPage } from './pages/HallPage';
// window.__ludao.qa(): what the hall's Q&A panel lists and what the stage card last drew
import type { QaProbe } from '../../client/src/debug';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };
const VIEWPORT = { width: 640, height: 360 };
const MIN = 60_000;
/** Well under the queue's 30 s re-read: what arrives sooner came over the moderation stream. */
const LIVE_MS = 10_000;

/** The questions the stage card drew last, as the page's probe reports them. */
const cardOf = (page: Page): Promise<QaProbe['card'] | null> => page.evaluate(() => window.__ludao?.qa?.().card ?? null);

async function organizerApi(): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: E2E_ORIGIN, extraHTTPHeaders: { Origin: E2E_ORIGIN } });
  const login = await api.post('/api/auth/login', { data: ORGANIZER });
  expect(login.status(), await login.text()).toBe(200);
  return api;
}

/** Puts a talk on the Gulangyu stage from a few seconds from now, clearing the demo programme's sessions meanwhile. */
async function scheduleTalk(api: APIRequestContext, title: string): Promise<string> {
  const startsAt = Date.now() + 3000;
  const endsAt = startsAt + 20 * MIN;
  const list = (await (await api.get('/api/organizer/agenda')).json()) as { sessions: { id: string; hallId: string; startsAt: number; endsAt: number }[] };
  for (const s of list.sessions) {
    if (s.hallId === 'gulangyu' && s.startsAt < endsAt + MIN && s.endsAt > Date.now() - MIN) {
      expect((await api.delete(`/api/organizer/agenda/sessions/${s.id}`)).status()).toBeLessThan(300);
    }
  }
  const r = await api.post('/api/organizer/agenda/sessions', {
    data: {
      hallId: 'gulangyu',
      kind: 'talk',
      title: { zh: title, en: 'Q&A on stage' },
      description: { zh: '', en: '' },
      speakers: [],
      tags: [],
      startsAt,
      endsAt,
    },
  });
  expect(r.status(), await r.text()).toBe(201);
  return ((await r.json()) as { id: string }).id;
}

async function enterHall(page: Page, name: string, scene: 'empty' | 'full'): Promise<HallPage> {
  await page.addInitScript((n) => localStorage.setItem('ludao.profile', JSON.stringify({ name: n, color: 2, style: 0 })), name);
  await page.goto(`/hall/gulangyu?quality=low${scene === 'empty' ? '&scene=empty' : ''}`);
  const hall = new HallPage(page);
  // a page beside one that compiles its 3D scene in software can take a while to get its turn
  await expect(page.getByTestId('hall-page')).toBeVisible({ timeout: 60_000 });
  await hall.waitJoined('gulangyu');
  await hall.closeHotspotCard();
  return hall;
}

/** Opens the hall's Q&A panel once the session is on stage. */
async function openQa(page: Page) {
  const panel = page.getByTestId('qa-panel');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  const toggle = panel.getByTestId('qa-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return panel;
}

let cleanup: (() => Promise<void>) | null = null;
// the talk comes off the stage afterwards, pass or fail: the specs after this one walk the same hall
test.afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

test('a question approved onto the stage', async ({ page, openVisitor }) => {
  test.slow();
  const api = await organizerApi();
  const sessionTitle = `提问时间 ${Date.now().toString(36)}`;
  const sessionId = await scheduleTalk(api, sessionTitle);
  cleanup = async () => {
    await api.delete(`/api/organizer/agenda/sessions/${sessionId}`);
    await api.dispose();
  };
  const question = `厦门的夜市有赌博吗 ${Date.now().toString(36)}`;
  const shown = question.replace('赌博', '**');

  // the asker sees the hall in 3D (the stage card is drawn there); the voter's hall is a plain one
  const voter = await openVisitor({ viewport: VIEWPORT });
  await enterHall(voter, '点赞者', 'empty');
  const asker = await openVisitor({ viewport: VIEWPORT });
  await enterHall(asker, '提问者', 'full');

  // the organizer opens the console's Q&A queue, live, before anything is asked
  const console = page;
  await console.setViewportSize({ width: 1000, height: 700 });
  await console.goto('/organizer');
  await console.getByTestId('login-email').fill(ORGANIZER.email);
  await console.getByTestId('login-password').fill(ORGANIZER.password);
  await console.getByTestId('login-submit').click();
  const queue = console.getByTestId('qa-queue');
  await expect(queue.getByTestId('qa-live')).toContainText('实时', { timeout: 20_000 });

  // the visitor asks; the filter masks it before it is stored or shown
  const askPanel = await openQa(asker);
  await expect(askPanel.getByTestId('qa-left')).toContainText('3/3');
  await askPanel.getByTestId('qa-input').fill(question);
  await askPanel.getByTestId('qa-send').click();
  await expect(askPanel.getByTestId('qa-answer')).toContainText('已提交');
  await expect(askPanel.getByTestId('qa-left')).toContainText('2/3');
  const mine = askPanel.getByTestId('qa-pending').getByTestId('qa-question').filter({ hasText: shown });
  await expect(mine).toBeVisible();
  await expect(mine.getByTestId('qa-vote')).toBeDisabled(); // not on one's own
  await expect(askPanel).not.toContainText('赌博');
  // the open queue lists it, from the stream
  const item = queue.getByTestId('qa-queue-item').filter({ hasText: shown });
  await expect(item).toBeVisible({ timeout: LIVE_MS });
  await expect(item).toContainText(sessionTitle);
  await expect(item).toContainText('0 赞');

  // another visitor sees it awaiting moderation and upvotes it, once
  const votePanel = await openQa(voter);
  const theirs = votePanel.getByTestId('qa-pending').getByTestId('qa-question').filter({ hasText: shown });
  await expect(theirs).toBeVisible();
  await theirs.getByTestId('qa-vote').click();
  await expect(theirs.getByTestId('qa-vote')).toHaveAttribute('aria-pressed', 'true');
  await expect(theirs.getByTestId('qa-vote')).toBeDisabled();
  await expect(theirs.getByTestId('qa-vote')).toContainText('1');
  await expect(mine.getByTestId('qa-vote')).toContainText('1');
  // nothing is on the card before a moderator approves
  expect(await cardOf(asker)).toEqual([]);
  // the queue's count follows the vote, from the stream
  await expect(item).toContainText('1 赞', { timeout: LIVE_MS });

  // the organizer approves it in the console's Q&A queue
  await item.getByTestId('qa-approve').click();
  await expect(item).toHaveCount(0);
  await queue.getByTestId('qa-tab-approved').click();
  await expect(queue.getByTestId('qa-queue-item').filter({ hasText: shown })).toBeVisible();

  // both halls list it as on screen, and the asker's 3D stage card draws it
  for (const p of [askPanel, votePanel]) {
    const onScreen = p.getByTestId('qa-approved').getByTestId('qa-question').filter({ hasText: shown });
    await expect(onScreen).toBeVisible({ timeout: 10_000 });
    await expect(onScreen).toHaveAttribute('data-status', 'approved');
    await expect(p.getByTestId('qa-pending').getByTestId('qa-question').filter({ hasText: shown })).toHaveCount(0);
  }
  await expect.poll(() => asker.evaluate(() => window.__ludao?.qa?.().sessionId)).toBe(sessionId);
  await expect.poll(() => cardOf(asker), { timeout: 10_000 }).toEqual([shown]);
  expect(await asker.evaluate(() => window.__ludao?.stage?.().screen)).toBe('card');

  // the audit log holds the decision (ids only)
  const audit = (await (await api.get('/api/moderation/audit?action=qa.approve')).json()) as { entries: { action: string; targetId: string }[] };
  expect(audit.entries.some((e) => e.action === 'qa.approve')).toBe(true);
});
