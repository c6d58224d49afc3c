/**
 * Cards, consent and leads against the real server and database (issue #10): what a consent
 * needs, what a lead holds, idempotency under a race, live inbox events, withdrawal, exports, and
 * that no exhibitor ever reads another's leads.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Role } from './apiHarness';
import { waitFor } from '../fixtures/wait';
import { listenSse } from '../fixtures/sse';
import { createLogger } from '../../server/lib/logger';
import { runRetention } from '../../server/jobs/retention';

// Every line the server logs, at the most verbose level, to check no card data reaches the logs.
const logged: string[] = [];
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ SMS_PROVIDER: 'dev' }, { logger: createLogger('trace', { write: (line: string) => void logged.push(line) }) });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

let keyN = 0;
const key = () => `test-key-${Date.now()}-${keyN++}`;

async function notice(boothId: string) {
  const r = await h.call('visitor', 'cardNotice', { params: { boothId } });
  expect(r.status).toBe(200);
  return r.json as { version: number; hash: string; exhibitor: { name: { zh: string } }; text: { zh: string; en: string }; retentionDays: number };
}

/** A new visitor account with a card; returns its cookie. */
async function newVisitor(card: Record<string, string>): Promise<string> {
  const res = await fetch(`${h.server.httpUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `v${Date.now()}${keyN++}@visitor.example`, password: 'long-enough-pass', displayName: card.name }),
  });
  expect(res.status).toBe(201);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const put = await fetch(`${h.server.httpUrl}/api/me/card`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(card),
  });
  expect(put.status).toBe(200);
  return cookie;
}

async function leave(cookie: string, boothId: string, fields: string[], idempotencyKey = key(), override: Record<string, unknown> = {}) {
  const n = await notice(boothId);
  const res = await fetch(`${h.server.httpUrl}/api/me/consents`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ boothId, fields, noticeVersion: n.version, noticeHash: n.hash, agree: true, idempotencyKey, ...override }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function leadsOf(role: Role, boothId: string, query: Record<string, string> = {}) {
  return h.call(role, 'leads', { params: { boothId }, query });
}

/** A booth's lead stream, as `role` */
const listen = (boothId: string, role: Role) => listenSse(`${h.server.httpUrl}/api/booths/${boothId}/leads/events`, h.cookies[role]);

describe('the consent notice', () => {
  it('names the receiver, the purpose, the fields and the retention, with a hash of its words', async () => {
    const n = await notice(h.a.boothId);
    expect(n.exhibitor.name.zh).toBe('甲科技');
    expect(n.text.zh).toContain('甲科技');
    expect(n.text.zh).toContain(`${n.retentionDays} 天`);
    expect(n.text.en).toContain('Alpha Tech');
    expect(n.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is needed as it is now: an old hash, no agreement or an unknown field is refused', async () => {
    const cookie = await newVisitor({ name: '陈' });
    expect((await leave(cookie, h.a.boothId, [], key(), { noticeHash: '0'.repeat(64) })).status).toBe(409);
    expect((await leave(cookie, h.a.boothId, [], key(), { agree: false })).status).toBe(400);
    expect((await leave(cookie, h.a.boothId, ['password'])).status).toBe(400);
    expect((await leave(cookie, h.a.boothId, ['email', 'email'])).status).toBe(400);
  });

  it('needs a card and a visitor account', async () => {
    const res = await fetch(`${h.server.httpUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `nocard${Date.now()}@visitor.example`, password: 'long-enough-pass', displayName: '无名片' }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await leave(cookie, h.a.boothId, [])).status).toBe(404);
    // staff accounts cannot leave cards
    const n = await notice(h.a.boothId);
    const staff = await h.call('exhibitorB', 'leaveCard', {
      body: { boothId: h.a.boothId, fields: [], noticeVersion: n.version, noticeHash: n.hash, agree: true, idempotencyKey: key() },
    });
    expect(staff.status).toBe(403);
  });
});

describe('a card left at a booth', () => {
  it('reaches its inbox live with only the consented fields, and leaves it live when withdrawn', async () => {
    const cookie = await newVisitor({
      name: '王海鸥',
      company: '海沧生物',
      title: '总监',
      email: 'wang@visitor.example',
      phone: '13800000000',
      wechat: 'wang_hy',
    });
    const bus = h.server.app.expo.leadEvents;
    const before = bus.listeners();
    const stream = listen(h.a.boothId, 'exhibitorA');
    expect(await stream.ready).toBe(200);
    await waitFor(() => bus.listeners() > before, 5000, 'the lead stream to subscribe');

    const r = await leave(cookie, h.a.boothId, ['company', 'email']);
    expect(r.status).toBe(201);
    expect(r.json.duplicate).toBe(false);
    await waitFor(() => stream.text().includes('王海鸥') || null, 5000, 'the lead event');
    expect(stream.text()).toContain('event: lead');

    const list = await leadsOf('exhibitorA', h.a.boothId, { q: '王海鸥' });
    expect(list.status).toBe(200);
    expect(list.json.leads).toHaveLength(1);
    expect(list.json.leads[0]).toMatchObject({ name: '王海鸥', company: '海沧生物', email: 'wang@visitor.example', title: null, phone: null, wechat: null });

    // the card edited later widens nothing the exhibitor holds
    await fetch(`${h.server.httpUrl}/api/me/card`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '王海鸥', phone: '13900000000', email: 'new@visitor.example' }),
    });
    const after = (await leadsOf('exhibitorA', h.a.boothId, { q: '王海鸥' })).json.leads[0];
    expect(after).toMatchObject({ email: 'wang@visitor.example', phone: null });

    // a second card at the same booth is refused; the first stays
    expect((await leave(cookie, h.a.boothId, ['phone'])).status).toBe(409);

    const consents = await fetch(`${h.server.httpUrl}/api/me/consents`, { headers: { cookie } }).then((x) => x.json());
    const consent = consents.consents.find((c: { boothId: string }) => c.boothId === h.a.boothId);
    expect(consent).toMatchObject({ fields: ['company', 'email'], withdrawnAt: null });
    const w = await fetch(`${h.server.httpUrl}/api/me/consents/${consent.id}`, { method: 'DELETE', headers: { cookie } });
    expect(w.status).toBe(200);
    const withdrawn = (await w.json()).consents.find((c: { id: string }) => c.id === consent.id);
    expect(withdrawn.withdrawnAt).toEqual(expect.any(Number)); // the record stays, as proof of what was agreed
    await waitFor(() => stream.text().includes('event: lead-removed') || null, 5000, 'the lead-removed event');
    expect(stream.text()).toContain(list.json.leads[0].id);
    stream.close();
    expect((await leadsOf('exhibitorA', h.a.boothId, { q: '王海鸥' })).json.leads).toHaveLength(0);
    const csv = await h.call('exhibitorA', 'exportLeads', { params: { boothId: h.a.boothId }, query: { format: 'csv' } });
    expect(csv.text).not.toContain('王海鸥');
    // withdrawn, it can be left again
    expect((await leave(cookie, h.a.boothId, ['email'])).status).toBe(201);
  });

  it('is made once for one key: a double click, a retry, 20 at once', async () => {
    const cookie = await newVisitor({ name: '赵重试', email: 'zhao@visitor.example' });
    const k = key();
    const results = await Promise.all(Array.from({ length: 20 }, () => leave(cookie, h.b.boothId, ['email'], k)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.json.leadId)).size).toBe(1);
    expect(results.filter((r) => !r.json.duplicate)).toHaveLength(1);
    expect((await leadsOf('exhibitorB', h.b.boothId, { q: '赵重试' })).json.leads).toHaveLength(1);
  });
});

describe('the inbox', () => {
  it("is the booth staff's alone: another exhibitor and the organizer are refused, the organizer sees counts", async () => {
    const cookie = await newVisitor({ name: '孙隐私', email: 'sun@visitor.example' });
    expect((await leave(cookie, h.a.boothId, ['email'])).status).toBe(201);
    expect((await leadsOf('exhibitorB', h.a.boothId)).status).toBe(403);
    expect((await leadsOf('organizer', h.a.boothId)).status).toBe(403);
    expect((await h.call('exhibitorB', 'exportLeads', { params: { boothId: h.a.boothId } })).status).toBe(403);
    const stream = listen(h.a.boothId, 'exhibitorB');
    expect(await stream.ready).toBe(403);
    const counts = await h.call('organizer', 'leadCounts');
    expect(counts.json.booths.find((b: { boothId: string }) => b.boothId === h.a.boothId).leads).toBeGreaterThan(0);
    expect(counts.text).not.toContain('sun@visitor.example');
    // a lead of booth A cannot be edited through booth B's path
    const lead = (await leadsOf('exhibitorA', h.a.boothId, { q: '孙隐私' })).json.leads[0];
    expect((await h.call('exhibitorB', 'updateLead', { params: { boothId: h.b.boothId, leadId: lead.id }, body: { rating: 'hot' } })).status).toBe(404);
  });

  it('rates, tags, notes and filters', async () => {
    const cookie = await newVisitor({ name: '周评级', company: '同安制造' });
    await leave(cookie, h.a.boothId, ['company']);
    const lead = (await leadsOf('exhibitorA', h.a.boothId, { q: '同安' })).json.leads[0];
    const up = await h.call('exhibitorA', 'updateLead', {
      params: { boothId: h.a.boothId, leadId: lead.id },
      body: { rating: 'hot', tags: ['VIP', '样品'], notes: '要报价' },
    });
    expect(up.json).toMatchObject({ rating: 'hot', tags: ['VIP', '样品'], notes: '要报价' });
    expect((await leadsOf('exhibitorA', h.a.boothId, { rating: 'hot' })).json.leads.map((l: { id: string }) => l.id)).toContain(lead.id);
    expect((await leadsOf('exhibitorA', h.a.boothId, { rating: 'cold' })).json.leads.map((l: { id: string }) => l.id)).not.toContain(lead.id);
    expect((await leadsOf('exhibitorA', h.a.boothId, { tag: '样品' })).json.leads.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    expect((await leadsOf('exhibitorA', h.a.boothId, { q: '报价' })).json.leads.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    // LIKE wildcards in a search are literal
    expect((await leadsOf('exhibitorA', h.a.boothId, { q: '%' })).json.leads).toHaveLength(0);
    expect((await h.call('exhibitorA', 'updateLead', { params: { boothId: h.a.boothId, leadId: lead.id }, body: {} })).status).toBe(400);
  });

  it('exports consented fields as CSV with a BOM and as XLSX, and "new since last export"', async () => {
    const cookie = await newVisitor({ name: '=HYPERLINK("http://evil")', email: 'csv@visitor.example', phone: '+8613700000000' });
    await leave(cookie, h.a.boothId, ['email']);
    const csv = await fetch(`${h.server.httpUrl}/api/booths/${h.a.boothId}/leads/export?format=csv`, { headers: { cookie: h.cookies.exhibitorA } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="leads-.*\.csv"/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('姓名 Name');
    expect(text).toContain('csv@visitor.example');
    expect(text).not.toContain('+8613700000000'); // not consented
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`); // a formula is neutralised

    const cookie2 = await newVisitor({ name: '吴新增', email: 'wu@visitor.example' });
    await leave(cookie2, h.a.boothId, ['email']);
    const fresh = await h.call('exhibitorA', 'exportLeads', { params: { boothId: h.a.boothId }, query: { format: 'csv', newSince: '1' } });
    expect(fresh.text).toContain('吴新增');
    expect(fresh.text).not.toContain('csv@visitor.example');

    const xlsx = await fetch(`${h.server.httpUrl}/api/booths/${h.a.boothId}/leads/export?format=xlsx`, { headers: { cookie: h.cookies.exhibitorA } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.getWorksheet('Leads')!;
    const names = ws.getColumn(1).values.slice(2).map(String);
    expect(names).toContain('吴新增');
    expect(ws.getRow(1).getCell(1).value).toBe('姓名 Name');
  });
});

describe('the privacy centre', () => {
  it('exports everything held as JSON and deletes the account, taking its leads out of the inbox live', async () => {
    const email = `del${Date.now()}@visitor.example`;
    const res = await fetch(`${h.server.httpUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'long-enough-pass', displayName: '郑删除' }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    await fetch(`${h.server.httpUrl}/api/me/card`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '郑删除', email: 'zheng@visitor.example', phone: '13600000000' }),
    });
    expect((await leave(cookie, h.a.boothId, ['email'])).status).toBe(201);
    expect((await leave(cookie, h.b.boothId, ['phone'])).status).toBe(201);

    const data = await fetch(`${h.server.httpUrl}/api/me/data`, { headers: { cookie } }).then((r) => r.json());
    expect(data.account.email).toBe(email);
    expect(data.card).toMatchObject({ name: '郑删除', phone: '13600000000' });
    expect(data.consents).toHaveLength(2);
    expect(data.leads.map((l: { boothId: string }) => l.boothId).sort()).toEqual([h.a.boothId, h.b.boothId].sort());
    expect(JSON.stringify(data)).not.toContain('password');

    const bus = h.server.app.expo.leadEvents;
    const before = bus.listeners();
    const stream = listen(h.a.boothId, 'exhibitorA');
    expect(await stream.ready).toBe(200);
    await waitFor(() => bus.listeners() > before, 5000, 'the lead stream to subscribe');
    const del = (password: string) =>
      fetch(`${h.server.httpUrl}/api/me/delete`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ password }),
      });
    expect((await del('wrong-password')).status).toBe(403);
    expect((await del('long-enough-pass')).status).toBe(200);
    await waitFor(() => stream.text().includes('event: lead-removed') || null, 5000, 'the lead-removed event');
    stream.close();
    expect((await leadsOf('exhibitorA', h.a.boothId, { q: '郑删除' })).json.leads).toHaveLength(0);
    expect((await leadsOf('exhibitorB', h.b.boothId, { q: '郑删除' })).json.leads).toHaveLength(0);
    // the session went with the account, and the email can sign up again
    expect((await fetch(`${h.server.httpUrl}/api/me/data`, { headers: { cookie } })).status).toBe(401);
    const login = await fetch(`${h.server.httpUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'long-enough-pass' }),
    });
    expect(login.status).toBe(401);
  });
});

describe('retention', () => {
  it('deletes leads LEAD_RETENTION_DAYS after the expo ends, not before, and tells the inbox', async () => {
    const cookie = await newVisitor({ name: '冯保留', email: 'feng@visitor.example' });
    expect((await leave(cookie, h.a.boothId, ['email'])).status).toBe(201);
    const s = h.server.app.expo;
    const days = s.config.expo.leadRetentionDays;
    expect((await notice(h.a.boothId)).retentionDays).toBe(days);
    const ends = Date.UTC(2026, 11, 31);
    expect((await h.call('organizer', 'expoEnd', { body: { endsAt: ends } })).json).toEqual({ endsAt: ends });
    const day = 86_400_000;
    expect(await runRetention(s, ends + (days - 1) * day)).toBe(0);
    expect((await leadsOf('exhibitorA', h.a.boothId, { q: '冯保留' })).json.leads).toHaveLength(1);

    const before = s.leadEvents.listeners();
    const stream = listen(h.a.boothId, 'exhibitorA');
    expect(await stream.ready).toBe(200);
    await waitFor(() => s.leadEvents.listeners() > before, 5000, 'the lead stream to subscribe');
    const all = (await leadsOf('exhibitorA', h.a.boothId)).json.leads.length + (await leadsOf('exhibitorB', h.b.boothId)).json.leads.length;
    expect(await runRetention(s, ends + days * day)).toBe(all);
    await waitFor(() => stream.text().includes('event: lead-removed') || null, 5000, 'the lead-removed event');
    stream.close();
    expect((await leadsOf('exhibitorA', h.a.boothId)).json.leads).toHaveLength(0);
    // the consent records stay, as proof of what was agreed
    const consents = await fetch(`${h.server.httpUrl}/api/me/consents`, { headers: { cookie } }).then((r) => r.json());
    expect(consents.consents).toHaveLength(1);
    await h.call('organizer', 'expoEnd', { body: { endsAt: null } });
  });
});

describe('phone verification', () => {
  it('sends a code through the development provider and verifies it; wrong, late or spammed codes are refused', async () => {
    const cookie = await newVisitor({ name: '手机验证' });
    const call = (path: string, body: unknown) =>
      fetch(`${h.server.httpUrl}/api/me/phone/${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await call('code', { phone: 'call me' })).status).toBe(400);
    const sent = await call('code', { phone: '+8613912345678' });
    expect(sent.status).toBe(200);
    expect((await sent.json()).codeExpiresAt).toEqual(expect.any(Number));
    expect((await call('code', { phone: '+8613912345678' })).status).toBe(429); // once a minute
    const line = logged.find((l) => l.includes('"sms":"dev"'));
    expect(line).toBeDefined();
    const { code, to } = JSON.parse(line!) as { code: string; to: string };
    expect(to).toBe('+86139****5678');
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await call('verify', { code: wrong })).status).toBe(400);
    const ok = await call('verify', { code });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ phone: '+8613912345678', verifiedAt: expect.any(Number), codeExpiresAt: null });
    expect((await call('verify', { code })).status).toBe(410); // used up
  });
});

describe('the logs', () => {
  it('hold no card data after every flow above', () => {
    expect(logged.length).toBeGreaterThan(0); // the logger was live
    const all = logged.join('\n');
    for (const pii of ['wang@visitor.example', '13800000000', 'zheng@visitor.example', '13600000000', '王海鸥', 'wang_hy', '13912345678'])
      expect(all).not.toContain(pii);
  });
});
