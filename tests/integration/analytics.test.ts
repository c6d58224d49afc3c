/**
 * Analytics end to end on a real server (issue #10): real colyseus.js visitors stand at booth A
 * and the server counts the visit from its own poses (a client claiming to be at booth B is not
 * believed), the booth's staff and organizers read the figures, another exhibitor never does; the
 * organizer sees every booth and the hall heatmap; CSV exports with a BOM; the brochure and
 * website links count and redirect; questions, cards and meetings come from their own tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTH_REACH_PAD_M, CELL_M, HEATMAP_MIN_SAMPLES, HEATMAP_WINDOW_MS } from '../../shared/api/analytics';
import { getLayout } from '../../shared/halls';
import { isWalkable, SLOT_RADIUS } from '../../shared/layout';
import { hostRoom, serverPosition } from '../fixtures/barrier';
import { joinHall, leaveAll, sendMove, type TestVisitor } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';
import { pdf, startHarness, type Harness, type Role } from './apiHarness';

let h: Harness;
let v: TestVisitor | null = null;
const layout = getLayout('gulangyu');
const [slotA, slotB] = layout.boothSlots;

/** A walkable spot within a slot's reach, where a visitor browses the booth from. */
function spotAt(slot: (typeof layout.boothSlots)[number]): { x: number; z: number } {
  const reach = SLOT_RADIUS[slot.size] + BOOTH_REACH_PAD_M;
  for (let d = reach - 0.5; d > 0.5; d -= 0.25)
    for (let i = 0; i < 48; i++) {
      const a = (i / 48) * Math.PI * 2;
      const x = slot.x + Math.cos(a) * d;
      const z = slot.z + Math.sin(a) * d;
      if (isWalkable(layout, x, z)) return { x, z };
    }
  throw new Error(`no walkable spot at ${slot.id}`);
}

/** A walkable spot well away from every booth. */
function nowhere(): { x: number; z: number } {
  const b = layout.bounds;
  for (let x = b.minX + 2; x < b.maxX; x += 2)
    for (let z = b.minZ + 2; z < b.maxZ; z += 2)
      if (isWalkable(layout, x, z) && layout.boothSlots.every((s) => Math.hypot(s.x - x, s.z - z) > 15)) return { x, z };
  throw new Error('no spot away from the booths');
}

const analytics = () => h.server.app.analytics;
const figures = (role: Role, boothId = h.a.boothId, query: Record<string, string> = {}) => h.call(role, 'boothAnalytics', { params: { boothId }, query });

beforeAll(async () => {
  // Only explicit flushes and the ones before each read: nothing waits for a timer.
  h = await startHarness({ ANALYTICS_FLUSH_S: '3600' });
}, 60_000);
afterAll(async () => {
  await leaveAll(v);
  await h?.stop();
});

describe('visits counted from the server’s own poses', () => {
  it('counts a visit, a unique visitor, its dwell and the cells stood in', async () => {
    v = await joinHall(h.server.wsUrl, { name: '访客' });
    const room = hostRoom(v);
    await analytics().reloadPlacements();
    const far = nowhere();
    const atA = spotAt(slotA);
    expect(room.place(v.id, far.x, far.z)).toBe(true);
    analytics().sampleNow();
    expect(room.place(v.id, atA.x, atA.z)).toBe(true);
    for (let i = 0; i < 3; i++) analytics().sampleNow();
    // A client cannot put itself at booth B: the server clamps the claimed jump to walking speed.
    const atB = spotAt(slotB);
    sendMove(v.room, atB.x, atB.z);
    await waitFor(() => {
      const p = serverPosition(v!);
      return p && Math.hypot(p.x - atA.x, p.z - atA.z) < 3 ? p : null;
    }, 3000);
    analytics().sampleNow();
    expect(room.place(v.id, far.x, far.z)).toBe(true);
    analytics().sampleNow();

    const r = await figures('exhibitorA');
    expect(r.status).toBe(200);
    expect(r.json.totals).toMatchObject({ visits: 1, uniqueVisitors: 1 });
    expect(r.json.dwell.reduce((n: number, b: { visits: number }) => n + b.visits, 0)).toBe(1);
    expect(r.json.series.reduce((n: number, p: { visits: number }) => n + p.visits, 0)).toBe(1);
    expect((await figures('exhibitorB', h.b.boothId)).json.totals.visits).toBe(0);

    // standing at A again is a second visit by the same (already counted) visitor
    expect(room.place(v.id, atA.x, atA.z)).toBe(true);
    analytics().sampleNow();
    expect((await figures('organizer')).json.totals).toMatchObject({ visits: 2, uniqueVisitors: 1 });

    const heat = await h.call('organizer', 'hallHeatmap', { query: { hall: 'gulangyu' } });
    expect(heat.status).toBe(200);
    expect(heat.json.cellM).toBe(CELL_M);
    const cellA = heat.json.cells.find((c: number[]) => c[0] === Math.floor(atA.x / CELL_M) && c[1] === Math.floor(atA.z / CELL_M));
    expect(cellA?.[2]).toBeGreaterThanOrEqual(HEATMAP_MIN_SAMPLES);
    // the far spot had two visitor-seconds: passing through is counted in the total, not drawn
    const cellFar = heat.json.cells.find((c: number[]) => c[0] === Math.floor(far.x / CELL_M) && c[1] === Math.floor(far.z / CELL_M));
    expect(cellFar).toBeUndefined();
    expect(heat.json.total).toBeGreaterThanOrEqual(7);
    // no slice finer than a window: a one-minute range answers for its whole window
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const slice = await h.call('organizer', 'hallHeatmap', { query: { hall: 'gulangyu', from: String(minute), to: String(minute + 60_000) } });
    expect(slice.status).toBe(200);
    expect(slice.json.to - slice.json.from).toBeGreaterThanOrEqual(HEATMAP_WINDOW_MS);
    expect(slice.json.from % HEATMAP_WINDOW_MS).toBe(0);
    expect((await h.call('organizer', 'hallHeatmap', { query: { hall: 'shapowei' } })).json.cells).toEqual([]);
  });

  it('ends the visit with its dwell when the visitor leaves the hall', async () => {
    const before = (await figures('exhibitorA')).json.dwell.reduce((n: number, b: { visits: number }) => n + b.visits, 0);
    await leaveAll(v);
    await waitFor(() => (hostRoom(v!)?.state.visitors.size ?? 0) === 0 || null, 5000, 'the visitor to leave').catch(() => undefined);
    analytics().sampleNow();
    const after = (await figures('exhibitorA')).json.dwell.reduce((n: number, b: { visits: number }) => n + b.visits, 0);
    expect(after).toBe(before + 1);
  });
});

describe('who reads what', () => {
  it('an exhibitor never reads another booth’s figures or export; organizers read every booth', async () => {
    for (const route of ['boothAnalytics', 'boothAnalyticsExport'] as const) {
      expect((await h.call('exhibitorB', route, { params: { boothId: h.a.boothId } })).status).toBe(403);
      expect((await h.call('exhibitorA', route, { params: { boothId: h.b.boothId } })).status).toBe(403);
      expect((await h.call('member', route, { params: { boothId: h.a.boothId } })).status).toBe(403);
      expect((await h.call('visitor', route, { params: { boothId: h.a.boothId } })).status).toBe(401);
      expect((await h.call('organizer', route, { params: { boothId: h.b.boothId } })).status).toBe(200);
    }
    for (const role of ['exhibitorA', 'exhibitorB', 'member'] as const) {
      expect((await h.call(role, 'expoAnalytics')).status).toBe(403);
      expect((await h.call(role, 'expoAnalyticsExport')).status).toBe(403);
      expect((await h.call(role, 'hallHeatmap', { query: { hall: 'gulangyu' } })).status).toBe(403);
    }
    const all = await h.call('organizer', 'expoAnalytics');
    expect(all.status).toBe(200);
    const ids = all.json.booths.map((b: { boothId: string }) => b.boothId);
    expect(ids).toEqual(expect.arrayContaining([h.a.boothId, h.b.boothId]));
    const a = all.json.booths.find((b: { boothId: string }) => b.boothId === h.a.boothId);
    expect(a).toMatchObject({ name: { en: 'Alpha Tech' }, hallId: 'gulangyu', slotId: slotA.id, totals: { visits: 2 } });
    expect(all.json.totals.visits).toBe(2);
  });

  it('refuses a range that ends before it starts, or too many points', async () => {
    expect((await figures('exhibitorA', h.a.boothId, { from: '2000', to: '1000' })).status).toBe(400);
    expect((await figures('exhibitorA', h.a.boothId, { from: '0', bucket: '1m' })).json.error).toBe('range_too_long');
    expect((await figures('exhibitorA', h.a.boothId, { from: 'yesterday' })).status).toBe(400);
    expect((await h.call('organizer', 'hallHeatmap', { query: { hall: 'atlantis' } })).status).toBe(400);
  });
});

describe('CSV', () => {
  it('exports the booth series and every booth’s totals as UTF-8 with a BOM', async () => {
    const r = await fetch(`${h.server.httpUrl}/api/booths/${h.a.boothId}/analytics/export?bucket=1h`, { headers: { cookie: h.cookies.exhibitorA } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="analytics-[a-z0-9]+-\d{4}-\d\d-\d\d\.csv"$/);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe(
      '时间 Time (UTC+8),到访 Visits,独立访客 Unique visitors,资料下载 Brochure downloads,官网点击 Website clicks,咨询 Questions,名片 Cards,预约洽谈 Meetings booked',
    );
    expect(lines.slice(1).reduce((n, l) => n + Number(l.split(',')[1]), 0)).toBe(2);

    const all = await fetch(`${h.server.httpUrl}/api/organizer/analytics/export`, { headers: { cookie: h.cookies.organizer } });
    expect(all.status).toBe(200);
    const allBytes = new Uint8Array(await all.arrayBuffer());
    expect([...allBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(allBytes)).toContain('甲科技,Alpha Tech,gulangyu,');
  });
});

describe('counted links', () => {
  const noFollow = (path: string, headers: Record<string, string> = {}) => fetch(`${h.server.httpUrl}${path}`, { redirect: 'manual', headers });

  it('count a brochure download and a website click, then redirect to the file and the site', async () => {
    expect((await noFollow(`/api/booths/${h.a.boothId}/brochure/download`)).status).toBe(404);
    expect((await noFollow(`/api/booths/${h.a.boothId}/website`)).status).toBe(404);
    const up = await h.call('exhibitorA', 'uploadBrochure', { params: { boothId: h.a.boothId }, file: { data: pdf(), name: 'b.pdf' } });
    const site = 'https://alpha.example/zh?from=expo';
    await h.call('exhibitorA', 'updateBooth', { params: { boothId: h.a.boothId }, body: { website: site } });
    const before = (await figures('exhibitorA')).json.totals;

    const b = await noFollow(`/api/booths/${h.a.boothId}/brochure/download`);
    expect(b.status).toBe(302);
    expect(b.headers.get('location')).toBe(up.json.brochure.url);
    expect(b.headers.get('cache-control')).toBe('no-store');
    const w = await noFollow(`/api/booths/${h.a.boothId}/website`);
    expect(w.status).toBe(302);
    expect(w.headers.get('location')).toBe(site);
    expect(w.headers.get('referrer-policy')).toBe('no-referrer');
    // a browser prefetching the link has not clicked it
    expect((await noFollow(`/api/booths/${h.a.boothId}/website`, { 'sec-purpose': 'prefetch' })).status).toBe(302);
    await noFollow(`/api/booths/${h.a.boothId}/brochure/download`);

    const after = (await figures('exhibitorA')).json.totals;
    expect(after.brochureDownloads - before.brochureDownloads).toBe(2);
    expect(after.websiteClicks - before.websiteClicks).toBe(1);
    // the file itself is where the link led
    expect((await fetch(`${h.server.httpUrl}/api/booths/${h.a.boothId}/brochure/download`)).headers.get('content-type')).toBe('application/pdf');
  });
});

describe('questions, cards and meetings', () => {
  it('come from the conversations, leads and meetings of the booth', async () => {
    const before = (await figures('exhibitorA')).json.totals;
    expect((await h.call('member', 'askStaff', { body: { boothId: h.a.boothId, text: '有样品吗？' } })).status).toBe(201);
    const n = (await h.call('visitor', 'cardNotice', { params: { boothId: h.a.boothId } })).json;
    const card = await h.call('member', 'leaveCard', {
      body: { boothId: h.a.boothId, fields: ['email'], noticeVersion: n.version, noticeHash: n.hash, agree: true, idempotencyKey: 'analytics-card-1' },
    });
    expect(card.status).toBe(201);
    const startsAt = Math.ceil((Date.now() + 2 * 3600_000) / 900_000) * 900_000;
    const slot = await h.call('exhibitorA', 'addMeetingSlot', { params: { boothId: h.a.boothId }, body: { startsAt, minutes: 30, mode: 'booth' } });
    expect(slot.status).toBe(201);
    expect((await h.call('member', 'bookMeeting', { body: { slotId: slot.json.id } })).status).toBe(201);

    const after = (await figures('exhibitorA')).json;
    expect(after.totals.questions - before.questions).toBe(1);
    expect(after.totals.cards - before.cards).toBe(1);
    expect(after.totals.meetingsBooked - before.meetingsBooked).toBe(1);
    // the slot has not happened yet
    expect(after.totals.meetingsHeld).toBe(before.meetingsHeld);
    // B's figures do not move
    expect((await figures('exhibitorB', h.b.boothId)).json.totals).toMatchObject({ questions: 0, cards: 0, meetingsBooked: 0 });
  });
});
