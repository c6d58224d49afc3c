/**
 * The organizers' live dashboard (issue #11) on a real server and database: visitors per hall and
 * instance (HALL_CAPACITY=2, so three visitors make two instances), joins and chat lines per
 * minute, the day's peak, the pushed snapshots, the CSV, and who may read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_PUSH_MS, DASHBOARD_SERIES_MINUTES, dashboardSnapshotSchema, type DashboardSnapshot } from '../../shared/api/dashboard';
import { C2S } from '../../shared/messages';
import { startHarness, type Harness } from './apiHarness';
import { listenSse } from '../fixtures/sse';
import { joinHall, leaveAll, type TestVisitor } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';

let h: Harness;
const visitors: TestVisitor[] = [];

beforeAll(async () => {
  h = await startHarness({ HALL_CAPACITY: '2' });
});
afterAll(async () => {
  await leaveAll(...visitors);
  await h?.stop();
});

/** The snapshots an SSE stream has delivered so far, parsed by the route's own schema. */
function snapshots(text: string): DashboardSnapshot[] {
  const out: DashboardSnapshot[] = [];
  for (const frame of text.split('\n\n')) {
    if (!/^event: snapshot$/m.test(frame)) continue;
    const data = /^data: (.*)$/m.exec(frame)?.[1];
    if (data) out.push(dashboardSnapshotSchema.parse(JSON.parse(data)));
  }
  return out;
}

describe('live dashboard', () => {
  it('shows visitors per hall and instance, joins and chat, pushed within one push interval', async () => {
    const stream = listenSse(`${h.server.httpUrl}/api/organizer/dashboard/events`, h.cookies.organizer);
    try {
      expect(await stream.ready).toBe(200);
      // the first snapshot comes at once, before any push
      await waitFor(() => snapshots(stream.text()).length > 0, 5000, 'first snapshot');
      expect(snapshots(stream.text())[0].total).toBe(0);

      for (let i = 0; i < 3; i++) visitors.push(await joinHall(h.server.wsUrl, { hallId: 'gulangyu', name: `看板访客${i}` }));
      visitors.push(await joinHall(h.server.wsUrl, { hallId: 'shapowei', name: 'Harbour visitor' }));
      visitors[0].room.send(C2S.chat, { text: '大家好' });
      visitors[3].room.send(C2S.chat, { text: 'hello harbour' });
      const t0 = Date.now();
      const want = (s: DashboardSnapshot) => s.total === 4 && s.today.joins >= 4 && s.today.chat >= 2;
      await waitFor(() => snapshots(stream.text()).some(want), 3 * DASHBOARD_PUSH_MS + 2000, 'a snapshot with the visitors, joins and chat');
      const s = snapshots(stream.text()).find(want)!;
      // reached the open dashboard within a push interval and the 2 s room report, with slack for a loaded machine
      expect(Date.now() - t0).toBeLessThan(3 * DASHBOARD_PUSH_MS + 2000);

      const gulangyu = s.halls.find((x) => x.hallId === 'gulangyu')!;
      expect(gulangyu.visitors).toBe(3);
      expect(gulangyu.instances.map((i) => i.instance)).toEqual([1, 2]);
      expect(gulangyu.instances.map((i) => i.visitors).sort()).toEqual([1, 2]);
      expect(s.halls.find((x) => x.hallId === 'shapowei')!.visitors).toBe(1);
      expect(s.peakToday.visitors).toBeGreaterThanOrEqual(4);
      expect(s.series).toHaveLength(DASHBOARD_SERIES_MINUTES);
      const last = s.series[s.series.length - 1];
      expect(last.joins + s.series[s.series.length - 2].joins).toBeGreaterThanOrEqual(4);
      // stream keeps pushing: a later snapshot comes within two intervals
      const n = snapshots(stream.text()).length;
      await waitFor(() => snapshots(stream.text()).length > n, 2 * DASHBOARD_PUSH_MS + 1000, 'the next push');
    } finally {
      stream.close();
    }
  });

  it('counts the peak of the day after visitors leave, and the visitors now drop to 0', async () => {
    await leaveAll(...visitors.splice(0));
    await waitFor(
      async () => {
        const r = await h.call('organizer', 'dashboard');
        return r.json.total === 0 ? r : null;
      },
      8000,
      'everyone gone from the dashboard',
    );
    const r = await h.call('organizer', 'dashboard');
    expect(r.status).toBe(200);
    expect(r.json.peakToday.visitors).toBeGreaterThanOrEqual(4);
    expect(r.json.peakToday.at).toEqual(expect.any(Number));
    expect(r.json.halls).toEqual([]);
  });

  it('lists the day’s sessions that have started, with the audience at the stage and in the hall', async () => {
    const startsAt = Date.now() - 60_000;
    const made = await h.call('organizer', 'createAgendaSession', {
      body: {
        hallId: 'shapowei',
        kind: 'talk',
        title: { zh: '看板上的讲座', en: 'A talk on the dashboard' },
        description: { zh: '', en: '' },
        speakers: [],
        tags: [],
        startsAt,
        endsAt: startsAt + 30 * 60_000,
      },
    });
    expect(made.status, made.text).toBe(201);
    const s = dashboardSnapshotSchema.parse((await h.call('organizer', 'dashboard')).json);
    const session = s.sessions.find((x) => x.id === made.json.id);
    expect(session).toMatchObject({ hallId: 'shapowei', title: { zh: '看板上的讲座', en: 'A talk on the dashboard' }, startsAt });
    // the harbour visitor of the first test was in the hall since this session began (nobody stood at its stage)
    expect(session!.hallPeak).toBe(1);
    expect(session!.peakAudience).toBe(0);
  });

  it('counts reports of chat lines', async () => {
    const troll = await joinHall(h.server.wsUrl, { hallId: 'shapowei', name: '捣乱的人' });
    const reporter = await joinHall(h.server.wsUrl, { hallId: 'shapowei', name: '举报的人' });
    visitors.push(troll, reporter);
    const before = dashboardSnapshotSchema.parse((await h.call('organizer', 'dashboard')).json).today.reports;
    troll.room.send(C2S.chat, { text: '一句要被举报的话' });
    const line = await waitFor(() => reporter.inbox.chats.find((m) => m.text === '一句要被举报的话') ?? null, 5000, 'the line');
    reporter.room.send('report', { target: { kind: 'line', lineId: line.id }, reason: 'spam' });
    await waitFor(
      async () => (dashboardSnapshotSchema.parse((await h.call('organizer', 'dashboard')).json).today.reports === before + 1 ? true : null),
      3 * DASHBOARD_PUSH_MS + 2000,
      'the report on the dashboard',
      250,
    );
  });

  it('exports the last two hours per minute as CSV with a BOM', async () => {
    const r = await fetch(`${h.server.httpUrl}/api/organizer/dashboard/export`, { headers: { cookie: h.cookies.organizer } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="dashboard-\d{4}-\d\d-\d\d\.csv"$/);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toContain('进入 Joins');
    expect(lines).toHaveLength(DASHBOARD_SERIES_MINUTES + 1);
    const joins = lines.slice(1).reduce((sum, l) => sum + Number(l.split(',')[1]), 0);
    expect(joins).toBeGreaterThanOrEqual(4);
  });

  it('the stream is for organizers only', async () => {
    for (const role of ['visitor', 'member', 'exhibitorA'] as const) {
      const s = listenSse(`${h.server.httpUrl}/api/organizer/dashboard/events`, h.cookies[role]);
      expect(await s.ready, role).toBe(role === 'visitor' ? 401 : 403);
      s.close();
    }
  });
});
