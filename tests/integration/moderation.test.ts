/**
 * Moderation end to end in one process (issue #11): reports into the live queue, mutes in every
 * hall (a room opened later reads them from the database), lifting, the hall chat modes, kicks
 * that refuse the reconnection token, bans by account and by device token (cookie or the page's
 * copy), the audit log, moderator invitations, the routes a banned account is refused, and the
 * console stream's Q&A events (asked, upvoted, decided) that make the Q&A queue read again.
 * tests/integration/moderation-redis.test.ts does the same across two processes and times it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { CloseCode, JoinError, NoticeCode, ROOM_HALL } from '../../shared/protocol';
import { S2C, type ServerPayload } from '../../shared/messages';
import { HallState } from '../../shared/schema/HallState';
import { startHarness, registerVisitor, type Harness } from './apiHarness';
import { sessionBody } from './agendaCases';
import { purgeModeration } from '../../server/moderation/retention';
import { dropConnection, joinOptions, leaveAll, record, type TestVisitor } from '../fixtures/visitor';
import { listenSse } from '../fixtures/sse';
import { sleep, waitFor } from '../fixtures/wait';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

type Moderation = ServerPayload<'moderation'>;
const visitors: TestVisitor[] = [];
const mods = new WeakMap<TestVisitor, Moderation[]>();

/** A device token as the browser gets one: POST /api/device, the cookie and the page's copy. */
async function device(): Promise<{ token: string; cookie: string }> {
  const r = await fetch(`${h.server.httpUrl}/api/device`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const token = ((await r.json()) as { device: string }).device;
  return { token, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] };
}

/** Joins like the browser: every listener is in place before the first message (moderation's come with the join). */
async function join(name: string, opts: { hallId?: string; device?: string; cookie?: string } = {}): Promise<TestVisitor> {
  const client = new Client(h.server.wsUrl);
  if (opts.cookie) client.http.headers = { ...client.http.headers, cookie: opts.cookie };
  const room = await client.joinOrCreate<HallState>(ROOM_HALL, joinOptions({ name, hallId: opts.hallId ?? 'gulangyu', device: opts.device }), HallState);
  const list: Moderation[] = [];
  room.onMessage(S2C.moderation, (m: Moderation) => list.push(m));
  const inbox = record(room);
  const v: TestVisitor = {
    client,
    room,
    inbox,
    get id() {
      return room.sessionId;
    },
  };
  await waitFor(() => room.state.visitors?.get(room.sessionId), 5000, 'own visitor in state');
  mods.set(v, list);
  visitors.push(v);
  return v;
}
const modsOf = (v: TestVisitor) => mods.get(v)!;
const noticed = (v: TestVisitor, code: string) => waitFor(() => v.inbox.notices.some((n) => n.code === code), 5000, `notice ${code}`);

async function say(v: TestVisitor, text: string): Promise<number> {
  const before = v.inbox.chats.length;
  v.room.send('chat', { text });
  const line = await waitFor(() => v.inbox.chats.slice(before).find((m) => m.text === text), 5000, `own line "${text}"`);
  return line.id;
}

/** Sends a line that must be refused with `code` (and reach nobody). */
async function refused(v: TestVisitor, text: string, code: string, other: TestVisitor): Promise<void> {
  const notices = v.inbox.notices.length;
  v.room.send('chat', { text });
  await waitFor(() => v.inbox.notices.slice(notices).some((n) => n.code === code), 5000, `refusal ${code}`);
  await sleep(50);
  expect(other.inbox.chats.some((m) => m.text === text)).toBe(false);
}

async function refusal(opts: { device?: string; cookie?: string }): Promise<Error> {
  const client = new Client(h.server.wsUrl);
  if (opts.cookie) client.http.headers = { ...client.http.headers, cookie: opts.cookie };
  try {
    const room = await client.joinOrCreate<HallState>(ROOM_HALL, joinOptions({ name: 'Back', device: opts.device }), HallState);
    await room.leave(true);
  } catch (err) {
    return err as Error;
  }
  throw new Error('the join was accepted');
}

describe('moderation in one process', () => {
  let mod: TestVisitor;
  beforeAll(async () => {
    // an organizer in the hall moderates it
    mod = await join('主持人', { cookie: h.cookies.organizer });
  });
  afterAll(async () => {
    await leaveAll(...visitors);
  });

  it('tells a moderator it may moderate, and nobody else', async () => {
    await waitFor(() => modsOf(mod).some((m) => m.kind === 'moderator'), 5000, 'moderator standing');
    const guest = await join('游客');
    await sleep(100);
    expect(modsOf(guest).some((m) => m.kind === 'moderator')).toBe(false);
    // a guest's moderate message is struck like any message it may not send
    guest.room.send('moderate', { target: { kind: 'person', sessionId: mod.id }, action: 'kick' });
    await noticed(guest, NoticeCode.invalidMessage);
  });

  it('puts a report of a chat line into the live queue, with the line and no ids of the person', async () => {
    const troll = await join('捣乱者');
    const reporter = await join('举报人');
    const sse = listenSse(`${h.server.httpUrl}/api/moderation/events`, h.cookies.organizer);
    expect(await sse.ready).toBe(200);
    await waitFor(() => h.server.app.expo.streams.size > 0, 5000, 'the console stream');
    const lineId = await say(troll, '加我微信买假货');
    reporter.room.send('report', { target: { kind: 'line', lineId }, reason: 'fraud' });
    await noticed(reporter, NoticeCode.reported);
    await waitFor(() => sse.text().includes('event: report'), 5000, 'the report on the console stream');
    sse.close();
    const list = await h.call('organizer', 'moderationReports');
    const r = list.json.reports.find((x: { lineText: string }) => x.lineText === '加我微信买假货');
    expect(r).toMatchObject({ targetName: '捣乱者', reason: 'fraud', status: 'open', hallId: 'gulangyu' });
    expect(JSON.stringify(list.json)).not.toMatch(/"(a|d|s):/);
    // 'other' needs words; one's own line cannot be reported; an unknown line is gone
    reporter.room.send('report', { target: { kind: 'line', lineId }, reason: 'other' });
    await noticed(reporter, NoticeCode.invalidMessage);
    troll.room.send('report', { target: { kind: 'line', lineId }, reason: 'spam' });
    await noticed(troll, NoticeCode.reportGone);
  });

  it('tells the consoles of each question asked, upvoted and decided, so their Q&A queue reads again', async () => {
    // a talk on the Shapowei stage from now: the hall's room follows the agenda and takes questions
    const created = await h.call('organizer', 'createAgendaSession', { body: sessionBody(Date.now() + 500, { hallId: 'shapowei' }) });
    expect(created.status).toBe(201);
    const sessionId = (created.json as { id: string }).id;
    const asker = await join('提问人', { hallId: 'shapowei' });
    const voter = await join('点赞人', { hallId: 'shapowei' });
    await waitFor(() => asker.room.state.stage?.sessionId === sessionId && Date.now() > asker.room.state.stage.startsAt, 10_000, 'the talk on stage');
    const sse = listenSse(`${h.server.httpUrl}/api/moderation/events`, h.cookies.organizer);
    // subscribed before the headers went out (server/http/sse.ts): nothing after this is missed
    expect(await sse.ready).toBe(200);
    const heard = (change: string) => sse.text().includes(`"change":"${change}"`);

    asker.room.send('qaAsk', { text: '请问展会几点结束？' });
    await waitFor(() => heard('asked'), 5000, 'the question on the console stream');
    const queue = await h.call('organizer', 'qaQueue', { query: { status: 'pending', hall: 'shapowei' } });
    const q = (queue.json as { questions: { id: string; text: string }[] }).questions.find((x) => x.text === '请问展会几点结束？')!;
    expect(q).toBeTruthy();
    voter.room.send('qaVote', { questionId: q.id });
    await waitFor(() => heard('voted'), 5000, 'the vote on the console stream');
    expect((await h.call('organizer', 'qaDecide', { params: { questionId: q.id }, body: { decision: 'approve' } })).status).toBe(200);
    await waitFor(() => heard('decided'), 5000, 'the decision on the console stream');
    expect(sse.text()).toContain('event: qa');
    expect(sse.text()).toContain(`"sessionId":"${sessionId}"`);
    sse.close();
    // a visitor's own stream of the same route is refused: the queue's events are for moderators
    expect(await listenSse(`${h.server.httpUrl}/api/moderation/events`, h.cookies.member).ready).toBe(403);
    await h.call('organizer', 'deleteAgendaSession', { params: { sessionId } });
  });

  it('rate-limits reports', async () => {
    const target = await join('被举报');
    const eager = await join('热心人');
    const lineId = await say(target, '你好');
    for (let i = 0; i < 4; i++) eager.room.send('report', { target: { kind: 'line', lineId }, reason: 'spam' });
    await noticed(eager, NoticeCode.rateLimited);
    await waitFor(() => eager.inbox.notices.filter((n) => n.code === NoticeCode.reported).length === 3, 5000, 'three reports taken');
  });

  it('mutes the sender of a line in every hall, also in a room opened later, until lifted', async () => {
    const d = await device();
    const loud = await join('大嗓门', { device: d.token });
    const other = await join('旁观者');
    const lineId = await say(loud, '刷屏刷屏');
    mod.room.send('moderate', { target: { kind: 'line', lineId }, action: 'mute', minutes: 10 });
    await noticed(mod, NoticeCode.moderated);
    await waitFor(() => modsOf(loud).find((m) => m.kind === 'muted'), 5000, 'the muted notice');
    expect(modsOf(loud).find((m) => m.kind === 'muted')).toMatchObject({ until: expect.any(Number) });
    await refused(loud, '还要说', NoticeCode.muted, other);
    // the same browser in another hall, whose room opens only now
    const again = await join('大嗓门', { hallId: 'shapowei', device: d.token });
    await waitFor(() => modsOf(again).find((m) => m.kind === 'muted'), 5000, 'muted on joining the other hall');
    const watcher = await join('沙坡尾访客', { hallId: 'shapowei' });
    await refused(again, '换个展厅说', NoticeCode.muted, watcher);

    const live = await h.call('organizer', 'sanctions');
    const s = live.json.sanctions.find((x: { targetName: string }) => x.targetName === '大嗓门');
    expect(s).toMatchObject({ kind: 'mute', hallId: 'gulangyu', boundTo: expect.arrayContaining(['device', 'session']) });
    expect((await h.call('organizer', 'liftSanction', { params: { sanctionId: s.id } })).status).toBe(200);
    await waitFor(() => modsOf(loud).some((m) => m.kind === 'unmuted') && modsOf(again).some((m) => m.kind === 'unmuted'), 5000, 'unmuted in both halls');
    await say(loud, '我会好好说话');
    await say(again, '我也是');
    expect((await h.call('organizer', 'liftSanction', { params: { sanctionId: s.id } })).status).toBe(404);
  });

  it('holds every line to the hall chat mode: slow mode, mute all, chat off', async () => {
    const a = await join('慢慢说');
    const b = await join('听众');
    const set = (mode: { slowModeS: number; chatOff: boolean; muteAll: boolean }) =>
      h.call('organizer', 'setHallMode', { params: { hallId: 'gulangyu' }, body: mode });
    expect((await set({ slowModeS: 30, chatOff: false, muteAll: false })).status).toBe(200);
    await waitFor(() => modsOf(b).find((m) => m.kind === 'mode' && m.mode.slowModeS === 30), 5000, 'the mode on the hall');
    await say(a, '第一句');
    await refused(a, '第二句', NoticeCode.slowMode, b);
    await set({ slowModeS: 0, chatOff: false, muteAll: true });
    await waitFor(() => modsOf(a).find((m) => m.kind === 'mode' && m.mode.muteAll), 5000, 'mute all');
    await refused(a, '全员禁言中', NoticeCode.muteAll, b);
    await say(mod, '主持人可以说');
    await set({ slowModeS: 0, chatOff: true, muteAll: false });
    await waitFor(() => modsOf(a).find((m) => m.kind === 'mode' && m.mode.chatOff), 5000, 'chat off');
    await refused(a, '聊天关闭', NoticeCode.chatOff, b);
    // a newcomer learns the mode on joining
    const late = await join('后来者');
    await waitFor(() => modsOf(late).find((m) => m.kind === 'mode' && m.mode.chatOff), 5000, 'the mode on joining');
    expect((await h.call('organizer', 'hallModes')).json.halls.find((x: { hallId: string }) => x.hallId === 'gulangyu').mode.chatOff).toBe(true);
    await set({ slowModeS: 0, chatOff: false, muteAll: false });
    await waitFor(
      () =>
        modsOf(a)
          .filter((m) => m.kind === 'mode')
          .at(-1)?.mode.chatOff === false,
      5000,
      'open again',
    );
    await say(a, '又可以说了');
    expect((await h.call('organizer', 'setHallMode', { params: { hallId: 'atlantis' }, body: { slowModeS: 0, chatOff: false, muteAll: false } })).status).toBe(
      404,
    );
  });

  it('kicks from a report: the connection closes and its reconnection token is refused', async () => {
    const kicked = await join('被踢');
    const reporter = await join('举报者二');
    const lineId = await say(kicked, '广告广告');
    reporter.room.send('report', { target: { kind: 'line', lineId }, reason: 'spam' });
    await noticed(reporter, NoticeCode.reported);
    const report = (await h.call('organizer', 'moderationReports')).json.reports.find((r: { lineText: string }) => r.lineText === '广告广告');
    const token = kicked.room.reconnectionToken;
    const res = await h.call('organizer', 'resolveReport', { params: { reportId: report.id }, body: { action: 'kick' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'closed', resolution: 'kick' });
    await waitFor(() => kicked.inbox.leftWith === CloseCode.kicked, 5000, 'the kick');
    await expect(new Client(h.server.wsUrl).reconnect(token, HallState)).rejects.toThrow();
    // a report is closed once
    expect((await h.call('organizer', 'resolveReport', { params: { reportId: report.id }, body: { action: 'dismiss' } })).status).toBe(409);
  });

  it('bans a device: no new join with the cookie or with the page’s copy, and no reconnection', async () => {
    const d = await device();
    const banned = await join('黑名单', { device: d.token, cookie: d.cookie });
    const away = await join('黑名单二号', { device: d.token });
    dropConnection(away.room);
    await waitFor(() => mod.room.state.visitors.get(away.id)?.connected === false, 5000, 'the second tab away');
    const token = away.room.reconnectionToken;
    mod.room.send('moderate', { target: { kind: 'person', sessionId: banned.id }, action: 'ban' });
    await waitFor(() => banned.inbox.leftWith === CloseCode.banned, 5000, 'the ban');
    await waitFor(() => !mod.room.state.visitors.get(away.id), 5000, 'the away tab removed');
    await expect(new Client(h.server.wsUrl).reconnect(token, HallState)).rejects.toThrow();
    expect((await refusal({ device: d.token })).message).toBe(JoinError.banned);
    expect((await refusal({ cookie: d.cookie })).message).toBe(JoinError.banned);
    // the device route gives the banned browser back its own token, so a new one is not that easy
    const again = await fetch(`${h.server.httpUrl}/api/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: d.cookie },
      body: '{}',
    });
    expect(((await again.json()) as { device: string }).device).toBe(d.token);
  });

  it('bans an account: no join with its session, and its writing routes answer 403 banned', async () => {
    const cookie = await registerVisitor(h, '坏账号');
    const acct = await join('坏账号', { cookie });
    const lineId = await say(acct, '骗人的链接');
    mod.room.send('moderate', { target: { kind: 'line', lineId }, action: 'ban', minutes: 60 });
    await waitFor(() => acct.inbox.leftWith === CloseCode.banned, 5000, 'the ban');
    expect((await refusal({ cookie })).message).toBe(JoinError.banned);
    const ask = await h.raw('POST', '/api/me/conversations', {
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ boothId: h.a.boothId, text: '你好' }),
    });
    expect(ask.status).toBe(403);
    expect(ask.json.error).toBe('banned');
    // the privacy centre stays open to them
    expect((await h.raw('GET', '/api/me/data', { headers: { cookie } })).status).toBe(200);
  });

  it('logs every action with ids only, newest first, filterable by action', async () => {
    await h.call('organizer', 'announce', { body: { hallId: 'gulangyu', text: '闭馆提醒' } });
    const all = await h.call('organizer', 'auditLog');
    expect(all.status).toBe(200);
    const actions = all.json.entries.map((e: { action: string }) => e.action);
    for (const a of ['organizer.announce', 'moderation.ban', 'moderation.kick', 'moderation.hall_mode', 'moderation.lift', 'moderation.mute'])
      expect(actions, a).toContain(a);
    const times = all.json.entries.map((e: { at: number }) => e.at);
    expect([...times].sort((x: number, y: number) => y - x)).toEqual(times);
    const text = JSON.stringify(all.json);
    for (const personal of ['大嗓门', '黑名单', '坏账号', '闭馆提醒', 'org@ludao.example']) expect(text).not.toContain(personal);
    const bans = await h.call('organizer', 'auditLog', { query: { action: 'moderation.ban' } });
    expect(bans.json.entries.length).toBe(2);
    expect(bans.json.entries.every((e: { action: string }) => e.action === 'moderation.ban')).toBe(true);
    // the account ban names the account; the device ban the connection
    expect(bans.json.entries.map((e: { targetType: string }) => e.targetType).sort()).toEqual(['account', 'session']);
  });

  it('logs the organizer’s agenda edits too: create, update, delete of a session, by id', async () => {
    const created = await h.call('organizer', 'createAgendaSession', { body: sessionBody() });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect((await h.call('organizer', 'updateAgendaSession', { params: { sessionId: id }, body: sessionBody(undefined, { tags: ['audit'] }) })).status).toBe(
      200,
    );
    expect((await h.call('organizer', 'deleteAgendaSession', { params: { sessionId: id } })).status).toBe(200);
    const log = await h.call('organizer', 'auditLog');
    const mine = log.json.entries
      .filter((e: { targetId: string }) => e.targetId === id)
      .map((e: { action: string; targetType: string }) => [e.action, e.targetType]);
    // (two entries within one millisecond have no order between them)
    expect(mine.sort()).toEqual([
      ['agenda.session_create', 'session'],
      ['agenda.session_delete', 'session'],
      ['agenda.session_update', 'session'],
    ]);
  });

  it('keeps the audit log at least six months, whatever the purge is asked for', async () => {
    const repos = h.server.app.expo.repos;
    const now = Date.now();
    const day = 24 * 3600_000;
    const ages = { fresh: 1, halfYear: 183, year: 399, old: 401 } as const;
    for (const [k, days] of Object.entries(ages))
      await repos.audit.record({ actorId: null, action: 'moderation.retention_probe', targetType: 'probe', targetId: k }, now - days * day + 60_000);
    const probes = async () => (await repos.audit.list({ action: 'moderation.retention_probe', limit: 50 })).map((e) => e.targetId).sort();
    // a purge asked to keep one day still keeps six months
    await repos.audit.purgeOlderThan(1, now);
    expect(await probes()).toEqual(['fresh', 'halfYear']);
  });

  it('the retention job keeps 400 days of the log', async () => {
    const repos = h.server.app.expo.repos;
    const now = Date.now();
    const day = 24 * 3600_000;
    for (const [k, days] of Object.entries({ keep: 399, drop: 401 }))
      await repos.audit.record({ actorId: null, action: 'moderation.retention_job', targetType: 'probe', targetId: k }, now - days * day);
    await purgeModeration(repos, now);
    expect((await repos.audit.list({ action: 'moderation.retention_job', limit: 50 })).map((e) => e.targetId)).toEqual(['keep']);
  });

  it('invites a moderator, who may moderate and not organize', async () => {
    const inv = await h.call('organizer', 'createModeratorInvite', { body: { email: 'mod@ludao.example' } });
    expect(inv.status).toBe(201);
    expect(inv.json.url).toContain('/organizer?invite=');
    expect((await h.call('visitor', 'moderatorInviteInfo', { params: { token: inv.json.token } })).json.email).toBe('mod@ludao.example');
    const res = await fetch(`${h.server.httpUrl}/api/auth/moderator-invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: inv.json.token, email: 'mod@ludao.example', displayName: '版主', password: 'a-long-password' }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { user: { role: string } }).user.role).toBe('moderator');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await h.raw('GET', '/api/moderation/reports', { headers: { cookie } })).status).toBe(200);
    expect((await h.raw('GET', '/api/organizer/exhibitors', { headers: { cookie } })).status).toBe(403);
    // in the hall it moderates
    const m = await join('版主', { cookie });
    await waitFor(() => modsOf(m).some((x) => x.kind === 'moderator'), 5000, 'moderator standing');
    const used = await fetch(`${h.server.httpUrl}/api/auth/moderator-invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: inv.json.token, email: 'mod@ludao.example', displayName: '版主', password: 'a-long-password' }),
    });
    expect(used.status).toBe(404);
  });
});
