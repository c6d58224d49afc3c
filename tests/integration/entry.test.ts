/**
 * Entry rules end to end (issue #11 item 5): the organizer sets a rule over HTTP and real
 * colyseus.js clients are refused or admitted at join, by the server, for each rule: open, entry
 * code (hashed, throttled per device), invite-only (organizer-issued passes, revocable, use-limited,
 * per hall) and visitor accounts only; a hall's rule overrides the expo's; organizers always enter.
 * The landing page's summary shows the visitors now, the stage's next session and each hall's rule.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { JoinError, ROOM_HALL, type JoinOptions } from '../../shared/protocol';
import { HallState } from '../../shared/schema/HallState';
import { startHarness, registerVisitor, type Harness } from './apiHarness';
import { joinOptions, leaveAll, type TestVisitor } from '../fixtures/visitor';
import { sessionBody } from './agendaCases';
import { waitFor } from '../fixtures/wait';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const open: TestVisitor[] = [];
let deviceN = 0;
/** A fresh device token per join unless given, so the per-device throttle of one case does not leak into the next. */
const newDevice = () => `entry-test-device-${String(++deviceN).padStart(4, '0')}-${'x'.repeat(12)}`;

async function join(opts: Partial<JoinOptions> & { cookie?: string } = {}): Promise<TestVisitor> {
  const { cookie, ...o } = opts;
  const client = new Client(h.server.wsUrl);
  if (cookie) client.http.headers = { ...client.http.headers, cookie };
  const room = await client.joinOrCreate<HallState>(ROOM_HALL, joinOptions({ device: newDevice(), ...o }), HallState);
  const v = { client, room } as unknown as TestVisitor;
  open.push(v);
  return v;
}

async function refused(opts: Partial<JoinOptions> & { cookie?: string } = {}): Promise<string> {
  try {
    await join(opts);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`join with ${JSON.stringify(opts)} was accepted`);
}

const setRule = (scope: string, body: { rule: string; code?: string }) => h.call('organizer', 'setEntryRule', { params: { scope }, body });

beforeEach(async () => {
  await leaveAll(...open.splice(0));
  // every case starts from open halls and an open expo
  for (const scope of ['expo', 'gulangyu', 'shapowei']) expect((await setRule(scope, { rule: scope === 'expo' ? 'open' : 'inherit' })).status).toBe(200);
});

describe('entry rules at join', () => {
  it('lets anyone in by default (open)', async () => {
    const v = await join({ name: '游客' });
    expect(v.room.sessionId).toBeTruthy();
  });

  it('entry code: no code and a wrong code are refused, the right code (any case, spaces) gets in', async () => {
    const set = await setRule('gulangyu', { rule: 'code', code: 'Egret 2026' });
    expect(set.json).toMatchObject({ scope: 'gulangyu', setting: 'code', effective: 'code', hasCode: true });
    expect(JSON.stringify(set.json)).not.toContain('2026');
    expect(await refused()).toBe(JoinError.entryCodeNeeded);
    expect(await refused({ entryCode: 'egret2025' })).toBe(JoinError.entryCodeWrong);
    const v = await join({ entryCode: 'EGRET2026' });
    expect(v.room.sessionId).toBeTruthy();
    // the other hall follows the (open) expo
    await join({ hallId: 'shapowei' });
  });

  it('stores the code hashed (salted scrypt), never in the clear', async () => {
    await setRule('gulangyu', { rule: 'code', code: 'plain-code-1' });
    const rows = await h.server.app.expo.repos.entry.rules(h.expoId);
    const row = rows.find((r) => r.hallId === 'gulangyu')!;
    expect(row.codeHash).toMatch(/^scrypt\$/);
    expect(row.codeHash).not.toContain('plain-code-1');
    // switching away and back keeps the code, without sending it again
    await setRule('gulangyu', { rule: 'open' });
    expect((await setRule('gulangyu', { rule: 'code' })).json.hasCode).toBe(true);
    await join({ entryCode: 'plain-code-1' });
  });

  it('throttles wrong codes per device: after five, even the right code waits', async () => {
    await setRule('gulangyu', { rule: 'code', code: 'right-code' });
    const device = newDevice();
    for (let i = 0; i < 5; i++) expect(await refused({ device, entryCode: `wrong-${i}` })).toBe(JoinError.entryCodeWrong);
    expect(await refused({ device, entryCode: 'wrong-6' })).toBe(JoinError.entryThrottled);
    expect(await refused({ device, entryCode: 'right-code' })).toBe(JoinError.entryThrottled);
    // another device on the same address still gets in with the right code
    await join({ entryCode: 'right-code' });
    // the landing page's check shares the same throttle and answers 429 with Retry-After
    const d = await h.raw('POST', '/api/entry/halls/gulangyu/check', {
      headers: { 'content-type': 'application/json', cookie: `ludao_device=${device}` },
      body: JSON.stringify({ code: 'right-code' }),
    });
    expect(d.status).toBe(429);
    expect(d.json.error).toBe('entry_throttled');
    expect(Number(d.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('the landing page check answers wrong codes with a bilingual message and right codes with ok', async () => {
    await setRule('gulangyu', { rule: 'code', code: 'landing-code' });
    const wrong = await h.call('visitor', 'entryCheck', { params: { hallId: 'gulangyu' }, body: { code: 'nope-nope' } });
    expect(wrong.status).toBe(403);
    expect(wrong.json).toMatchObject({ error: 'entry_code_wrong', message: expect.stringContaining('入场码不正确') });
    const right = await h.call('visitor', 'entryCheck', { params: { hallId: 'gulangyu' }, body: { code: 'Landing-Code' } });
    expect(right.status).toBe(200);
    expect(right.json).toEqual({ ok: true, rule: 'code' });
  });

  it('invite-only: a pass for the hall (or the expo) gets in; none, a revoked one, a used-up one or another hall’s does not', async () => {
    await setRule('expo', { rule: 'invite' });
    expect(await refused()).toBe(JoinError.entryInviteNeeded);
    const group = await h.call('organizer', 'createEntryInvite', { body: { hallId: 'gulangyu', label: '厦门大学参观团', maxUses: 2 } });
    expect(group.status).toBe(201);
    const token = group.json.token as string;
    expect(group.json.path).toBe(`/?hall=gulangyu&pass=${token}`);
    await join({ entryPass: token });
    await join({ entryPass: token });
    expect(await refused({ entryPass: token })).toBe(JoinError.entryInviteNeeded);
    expect(await refused({ hallId: 'shapowei', entryPass: token })).toBe(JoinError.entryInviteNeeded);
    // an expo-wide pass opens both halls until it is revoked
    const all = await h.call('organizer', 'createEntryInvite', { body: { hallId: null, label: '嘉宾 Guest' } });
    await join({ hallId: 'shapowei', entryPass: all.json.token });
    await join({ entryPass: all.json.token });
    const settings = await h.call('organizer', 'entrySettings');
    expect(settings.json.invites.find((i: { id: string }) => i.id === group.json.invite.id)).toMatchObject({ uses: 2, maxUses: 2 });
    expect(JSON.stringify(settings.json)).not.toContain(token);
    expect((await h.call('organizer', 'revokeEntryInvite', { params: { inviteId: all.json.invite.id } })).status).toBe(200);
    expect(await refused({ entryPass: all.json.token })).toBe(JoinError.entryInviteNeeded);
    // a made-up pass of the right shape
    expect(await refused({ entryPass: 'A'.repeat(43) })).toBe(JoinError.entryInviteNeeded);
  });

  it('a pass counts people: its holder rejoins on a used-up one-use pass, another device does not', async () => {
    await setRule('expo', { rule: 'invite' });
    const one = await h.call('organizer', 'createEntryInvite', { body: { hallId: null, label: '一人 One', maxUses: 1 } });
    const token = one.json.token as string;
    const device = newDevice();
    const first = await join({ entryPass: token, device });
    await leaveAll(...open.splice(open.indexOf(first), 1));
    // a reload (a fresh join, not a reconnection) and the other hall, on the same device
    await join({ entryPass: token, device });
    await join({ hallId: 'shapowei', entryPass: token, device });
    expect(await refused({ entryPass: token })).toBe(JoinError.entryInviteNeeded);
    const settings = await h.call('organizer', 'entrySettings');
    expect(settings.json.invites.find((i: { id: string }) => i.id === one.json.invite.id)).toMatchObject({ uses: 1, maxUses: 1 });
  });

  it('visitor accounts only: a guest is refused, a signed-in visitor gets in', async () => {
    await setRule('shapowei', { rule: 'account' });
    expect(await refused({ hallId: 'shapowei' })).toBe(JoinError.entryAccountNeeded);
    const cookie = await registerVisitor(h, '会员');
    await join({ hallId: 'shapowei', cookie });
    // gulangyu still follows the open expo
    await join({ hallId: 'gulangyu' });
  });

  it('a hall’s rule overrides the expo’s, and organizers always get in', async () => {
    await setRule('expo', { rule: 'account' });
    await setRule('gulangyu', { rule: 'open' });
    await join({ hallId: 'gulangyu' });
    expect(await refused({ hallId: 'shapowei' })).toBe(JoinError.entryAccountNeeded);
    await setRule('shapowei', { rule: 'invite' });
    expect(await refused({ hallId: 'shapowei' })).toBe(JoinError.entryInviteNeeded);
    await join({ hallId: 'shapowei', cookie: h.cookies.organizer });
  });

  it('refuses bad settings: code rule without a code, inherit for the expo, a too-short code, an unknown hall', async () => {
    await h.server.app.expo.repos.entry.set(h.expoId, 'shapowei', 'open', null, null);
    expect((await setRule('shapowei', { rule: 'code' })).json.error).toBe('code_required');
    expect((await setRule('expo', { rule: 'inherit' })).json.error).toBe('invalid_rule');
    expect((await setRule('gulangyu', { rule: 'code', code: 'ab' })).status).toBe(400);
    expect((await setRule('atlantis', { rule: 'open' })).status).toBe(404);
  });

  it('every change is in the audit log, with ids only', async () => {
    await setRule('gulangyu', { rule: 'code', code: 'audit-code-9' });
    const log = await h.call('organizer', 'auditLog', { query: { action: 'organizer.entry_rule' } });
    expect(log.status).toBe(200);
    expect(log.json.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(log.json)).not.toContain('audit-code-9');
  });
});

describe('the landing page summary', () => {
  it('shows each hall’s visitors now, the stage’s next session and the entry rule', async () => {
    const startsAt = Date.now() + 3 * 3600_000;
    const made = await h.call('organizer', 'createAgendaSession', { body: sessionBody(startsAt, { title: { zh: '开幕式', en: 'Opening' } }) });
    expect(made.status).toBe(201);
    await setRule('shapowei', { rule: 'account' });
    await join({ name: '甲' });
    await join({ name: '乙' });
    const summary = await waitFor(async () => {
      const r = await h.call('visitor', 'entryHalls');
      const g = r.json.halls.find((x: { hallId: string }) => x.hallId === 'gulangyu');
      return g?.visitors === 2 && g.next ? r : null;
    });
    const g = summary.json.halls.find((x: { hallId: string }) => x.hallId === 'gulangyu');
    expect(g).toMatchObject({ rule: 'open', visitors: 2, next: { title: { zh: '开幕式', en: 'Opening' }, startsAt } });
    expect(summary.json.halls.find((x: { hallId: string }) => x.hallId === 'shapowei')).toMatchObject({ rule: 'account', visitors: 0 });
  });
});
