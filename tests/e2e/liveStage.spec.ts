/**
 * A live session on the stage (issue #11): the main e2e server relays the test HLS origin
 * (tests/fixtures/hlsOrigin.ts, a sliding live window over a committed ffmpeg test pattern, standing
 * in for nginx-rtmp) under /live/stage/..., from LIVE_HLS_ORIGIN. An organizer schedules a live
 * session in Shapowei through the agenda API; a visitor in the hall sees the stream play on the 3D
 * screen: decoded frames and the position advance, and every request stays on our origin. A
 * screenshot of the stage goes to E2E_OUTPUT_DIR (or test-results).
 */
import path from 'node:path';
import { request, type APIRequestContext } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { E2E_ORIGIN } from './support/origin';
import { HallPage } from './pages/HallPage';

const ORGANIZER = { email: 'organizer@e2e.ludao.example', password: 'e2e-organizer-password' };
const SHOTS = process.env.E2E_OUTPUT_DIR || 'test-results';
const HALL = 'shapowei';
// on the seafront square in front of Shapowei's stage (layout stage spot (0, 45.2), facing -z), looking up at the screen
const VIEW = '0,2.6,38.6,0,5,45.2';

let api: APIRequestContext;
let sessionId = '';

test.beforeAll(async () => {
  api = await request.newContext({ baseURL: E2E_ORIGIN, extraHTTPHeaders: { Origin: E2E_ORIGIN } });
  const login = await api.post('/api/auth/login', { data: ORGANIZER });
  expect(login.status(), await login.text()).toBe(200);
});

test.afterAll(async () => {
  // the stage goes back to the programme for the specs after this one
  if (sessionId) await api.delete(`/api/organizer/agenda/sessions/${sessionId}`);
  await api.dispose();
});

test('a live stream relayed from the venue media server plays on the stage', async ({ openVisitor }) => {
  test.slow();
  const startsAt = Date.now() - 5_000;
  const endsAt = Date.now() + 5 * 60_000;
  // clear whatever the demo programme has on this stage now
  const list = (await (await api.get('/api/organizer/agenda')).json()) as { sessions: { id: string; hallId: string; startsAt: number; endsAt: number }[] };
  for (const s of list.sessions) {
    if (s.hallId === HALL && s.startsAt < endsAt && s.endsAt > startsAt) await api.delete(`/api/organizer/agenda/sessions/${s.id}`);
  }
  const created = await api.post('/api/organizer/agenda/sessions', {
    data: {
      hallId: HALL,
      kind: 'live',
      title: { zh: '沙坡尾现场直播', en: 'Live from Shapowei' },
      description: { zh: '', en: '' },
      speakers: [],
      tags: [],
      startsAt,
      endsAt,
      liveName: 'stage',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const session = (await created.json()) as { id: string; liveUrl: string };
  sessionId = session.id;
  expect(session.liveUrl).toBe('/live/stage/index.m3u8');

  const page = await openVisitor({ viewport: { width: 640, height: 360 } });
  await page.addInitScript(() => localStorage.setItem('ludao.profile', JSON.stringify({ name: '直播观众', color: 2, style: 0 })));
  await page.goto(`/hall/${HALL}?capture=1&cam=${VIEW}`);
  const hall = new HallPage(page);
  await hall.waitJoined(HALL);
  await expect(page.getByTestId('stage-title')).toHaveText('沙坡尾现场直播', { timeout: 20_000 });

  const probe = () => page.evaluate(() => window.__ludao?.stage?.() ?? null);
  await expect
    .poll(
      async () => {
        const s = await probe();
        return s?.live === 'playing' && s.screen === 'video' && s.framesDecoded > 0 ? 'playing' : JSON.stringify(s);
      },
      { timeout: 45_000, message: 'the live stream on the 3D screen' },
    )
    .toBe('playing');
  await expect(page.getByTestId('stage-status')).toContainText('正在播出');

  // frames advance: a live stream, not a still
  const a = (await probe())!;
  await page.waitForTimeout(3000);
  const b = (await probe())!;
  console.log(`live stage: ${b.framesDecoded - a.framesDecoded} frames decoded and ${(b.currentTime - a.currentTime).toFixed(2)} s played in 3 s`);
  expect(b.framesDecoded).toBeGreaterThan(a.framesDecoded);
  expect(b.currentTime).toBeGreaterThan(a.currentTime + 1);
  expect(b.paused).toBe(false);
  await page.screenshot({ path: path.join(SHOTS, `stage-live-${HALL}.png`) });

  // the session is taken off: the stream stops and the screen goes back to its card
  expect((await api.delete(`/api/organizer/agenda/sessions/${sessionId}`)).status()).toBeLessThan(300);
  sessionId = '';
  await expect.poll(async () => (await probe())?.live ?? null, { timeout: 15_000, message: 'the stream stopped' }).toBeNull();
  await expect.poll(async () => (await probe())?.screen, { timeout: 15_000 }).toBe('card');
});
