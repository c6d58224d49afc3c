/**
 * Lead flow figures (issue #10), on a real server and database (embedded SQLite, or PostgreSQL
 * with DATABASE_URL):
 * - card-to-console latency: from a visitor's "leave my card" request to the lead arriving on the
 *   booth staff's live event stream, p50/p95 over LEADS_SAMPLES cards;
 * - the same into the console page open in Chromium (the row in the DOM), p50/p95 over
 *   LEADS_BROWSER_SAMPLES cards: the visitor's click is the request it sends, made here, and the
 *   clock stops when the lead's row is in the exhibitor's page (needs the built client: the npm
 *   script builds it);
 * - export time for 10,000 leads, CSV and XLSX (target ≤ 5 s);
 * - booking contention: 20 slots, each booked by 20 visitors at once over HTTP: exactly one wins.
 *
 *   npm run bench:leads
 *
 * The npm script then runs the crowd bench at 300 visitors with analytics sampling on and off in
 * the same run (bench/crowd.ts, BENCH_ANALYTICS=compare).
 */
import { performance } from 'node:perf_hooks';
import { startHarness, type Harness } from '../tests/integration/apiHarness';
import { newId } from '../server/db/repositories/ids';
import { dropPgSchema } from '../server/db/open';

const SAMPLES = Number(process.env.LEADS_SAMPLES ?? 200);
const EXPORT_ROWS = 10_000;

const BROWSER_SAMPLES = Number(process.env.LEADS_BROWSER_SAMPLES ?? 50);

/** A visitor account with a card and a bearer token, straight through the repositories. */
async function benchVisitor(h: Harness, name: string): Promise<string> {
  const s = h.server.app.expo;
  const u = await s.repos.users.create({ email: `${name}@bench.example`, passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName: name });
  await s.repos.leads.saveCard(u.id, { name, company: '', title: '', email: `${name}@bench.example`, phone: '', wechat: '' });
  const token = `bench${newId(24)}`;
  await s.repos.sessions.create((await import('../server/auth/tokens')).hashToken(token), u.id, Date.now() + 3_600_000);
  return token;
}

/** Card → the row in the console page, in Chromium; null when no built client or browser is at hand. */
async function consolePageLatency(h: Harness, notice: { version: number; hash: string }, samples: number): Promise<number[] | null> {
  const { chromium } = await import('@playwright/test');
  const { chromiumLaunchOptions } = await import('../tests/e2e/support/chromium');
  let browser;
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
  } catch (err) {
    console.log(`card → console page: skipped (no Chromium: ${(err as Error).message.split('\n')[0]})`);
    return null;
  }
  try {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 }, locale: 'zh-CN' });
    await ctx.addCookies([{ name: 'ludao_session', value: decodeURIComponent(h.cookies.exhibitorA.split('=')[1]), url: h.server.httpUrl }]);
    const page = await ctx.newPage();
    const res = await page.goto(`${h.server.httpUrl}/exhibitor`);
    if (!res?.ok()) {
      console.log('card → console page: skipped (no built client: run `npx vite build`)');
      return null;
    }
    await page.locator('[data-testid="leads-live"][data-state="up"]').first().waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __seen: Record<string, number> };
      w.__seen = {};
      new MutationObserver((records) => {
        const at = Date.now();
        for (const r of records)
          for (const n of Array.from(r.addedNodes)) {
            const el = n as HTMLElement;
            const rows = el.matches?.('[data-testid="lead"]') ? [el] : Array.from(el.querySelectorAll?.('[data-testid="lead"]') ?? []);
            for (const row of rows) {
              // the name cell alone: the row's whole text runs the name into the date after it
              const name = row.querySelector('[data-testid="lead-name"]')?.textContent?.trim() ?? '';
              if (name && !w.__seen[name]) w.__seen[name] = at;
            }
          }
      }).observe(document.body, { childList: true, subtree: true });
    });
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      const name = `browser-visitor-${i}`;
      const token = await benchVisitor(h, name);
      const t0 = Date.now();
      const r = await fetch(`${h.server.httpUrl}/api/me/consents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          boothId: h.a.boothId,
          fields: ['email'],
          noticeVersion: notice.version,
          noticeHash: notice.hash,
          agree: true,
          idempotencyKey: `browser-${i}`,
        }),
      });
      if (r.status !== 201) throw new Error(`leave card: ${r.status}`);
      let seen: number | undefined;
      for (let tries = 0; !seen && tries < 2000; tries++) {
        seen = await page.evaluate((n) => (window as unknown as { __seen: Record<string, number> }).__seen[n], name);
        if (!seen) await new Promise((r2) => setTimeout(r2, 5));
      }
      if (!seen) throw new Error(`${name} never reached the console page`);
      out.push(seen - t0);
    }
    return out.sort((a, b) => a - b);
  } finally {
    await browser.close();
  }
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  // PostgreSQL: a schema of its own, dropped afterwards, so a run leaves the database as it was
  const pg = process.env.DATABASE_URL;
  const schema = `ludao_bench_${process.pid}`;
  // the built client for the console page: dist/, or DIST_DIR as the build was told
  const dist: Record<string, string> = process.env.DIST_DIR ? { DIST_DIR: process.env.DIST_DIR } : {};
  const h = await startHarness(pg ? { ...dist, DATABASE_URL: pg, DATABASE_SCHEMA: schema } : dist);
  try {
    const s = h.server.app.expo;
    const boothId = h.a.boothId;

    // the staff's live stream
    const arrived = new Map<string, number>();
    const ctl = new AbortController();
    const res = await fetch(`${h.server.httpUrl}/api/booths/${boothId}/leads/events`, { headers: { cookie: h.cookies.exhibitorA }, signal: ctl.signal });
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let buf = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buf += dec.decode(value);
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (frame.startsWith('event: lead\n') && data) arrived.set((JSON.parse(data) as { name: string }).name, performance.now());
        }
      }
    })();
    while (s.leadEvents.listeners() === 0) await new Promise((r) => setTimeout(r, 10));

    const notice = (await h.call('visitor', 'cardNotice', { params: { boothId } })).json as { version: number; hash: string };
    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const name = `bench-visitor-${i}`;
      const token = await benchVisitor(h, name);
      const t0 = performance.now();
      const r = await fetch(`${h.server.httpUrl}/api/me/consents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          boothId,
          fields: ['email'],
          noticeVersion: notice.version,
          noticeHash: notice.hash,
          agree: true,
          idempotencyKey: `bench-${i}-${Date.now()}`,
        }),
      });
      if (r.status !== 201) throw new Error(`leave card: ${r.status} ${await r.text()}`);
      while (!arrived.has(name)) await new Promise((r2) => setImmediate(r2));
      latencies.push(arrived.get(name)! - t0);
    }
    ctl.abort();
    latencies.sort((a, b) => a - b);
    console.log(
      `card → console (${SAMPLES} cards, ${s.database.dialect}): p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms (target p95 ≤ 2000 ms)`,
    );

    // the same path to the exhibitor's screen: the console open in Chromium, a card counted when its
    // row is in the page (a MutationObserver stamps it); the visitor's request starts the clock
    const browserLatencies = await consolePageLatency(h, notice, BROWSER_SAMPLES);
    if (browserLatencies) {
      console.log(
        `card → console page in Chromium (${BROWSER_SAMPLES} cards, ${s.database.dialect}): p50 ${pct(browserLatencies, 50).toFixed(0)} ms, p95 ${pct(browserLatencies, 95).toFixed(0)} ms (target p95 ≤ 2000 ms)`,
      );
    }

    // 10,000 leads for booth B, written straight to the database
    const now = Date.now();
    const db = s.database.db;
    for (let i = 0; i < EXPORT_ROWS; i += 500) {
      const users = [];
      const consents = [];
      const leads = [];
      for (let j = i; j < Math.min(EXPORT_ROWS, i + 500); j++) {
        const cid = newId();
        const uid = newId();
        // as the API would leave them: a visitor, a consent, a lead of its consented fields
        users.push({
          id: uid,
          email: `v${j}@bench.example`,
          password_hash: 'x',
          role: 'visitor',
          exhibitor_id: null,
          display_name: `访客 ${j}`,
          on_duty_until: null,
          created_at: now,
          last_login_at: null,
        });
        consents.push({
          id: cid,
          visitor_id: uid,
          exhibitor_id: h.b.exhibitorId,
          booth_id: h.b.boothId,
          fields: '["company","email","phone"]',
          notice_version: 1,
          notice_hash: notice.hash,
          idempotency_key: `bulk-${j}`,
          created_at: now + j,
          withdrawn_at: null,
        });
        leads.push({
          id: newId(),
          consent_id: cid,
          booth_id: h.b.boothId,
          name: `访客 ${j}`,
          company: `厦门公司 ${j}`,
          title: null,
          email: `v${j}@bench.example`,
          phone: '13800000000',
          wechat: null,
          rating: j % 3 ? 'warm' : 'hot',
          tags: '["bench"]',
          notes: '',
          created_at: now + j,
        });
      }
      await db.insertInto('users').values(users).execute();
      await db.insertInto('consents').values(consents).execute();
      await db.insertInto('leads').values(leads).execute();
    }
    for (const format of ['csv', 'xlsx'] as const) {
      const t0 = performance.now();
      const r = await fetch(`${h.server.httpUrl}/api/booths/${h.b.boothId}/leads/export?format=${format}`, { headers: { cookie: h.cookies.exhibitorB } });
      const bytes = (await r.arrayBuffer()).byteLength;
      const ms = performance.now() - t0;
      console.log(`export ${EXPORT_ROWS} leads as ${format.toUpperCase()}: ${(ms / 1000).toFixed(2)} s, ${(bytes / 1024).toFixed(0)} KB (target ≤ 5 s)`);
    }

    // booking contention: ROUNDS slots, each wanted by BOOKERS visitors at the same instant
    const ROUNDS = 20;
    const BOOKERS = 20;
    const tokens: string[] = [];
    const { hashToken } = await import('../server/auth/tokens');
    for (let i = 0; i < BOOKERS; i++) {
      const u = await s.repos.users.create({
        email: `booker-${i}@bench.example`,
        passwordHash: 'x',
        role: 'visitor',
        exhibitorId: null,
        displayName: `抢约 ${i}`,
      });
      const token = `bench${newId(24)}`;
      await s.repos.sessions.create(hashToken(token), u.id, Date.now() + 3_600_000);
      tokens.push(token);
    }
    const [staff] = await s.repos.meetings.staffOf(boothId);
    let exactlyOne = 0;
    const roundMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const startsAt = Date.now() + (round + 1) * 3_600_000;
      const slot = await s.repos.meetings.addSlot({ boothId, staffId: staff.id, startsAt, endsAt: startsAt + 30 * 60_000, mode: 'booth', videoUrl: null });
      const t0 = performance.now();
      const statuses = await Promise.all(
        tokens.map((token) =>
          fetch(`${h.server.httpUrl}/api/me/meetings`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ slotId: slot.id }),
          }).then((r) => r.status),
        ),
      );
      roundMs.push(performance.now() - t0);
      const won = statuses.filter((x) => x === 201).length;
      const lost = statuses.filter((x) => x === 409).length;
      const rows = await db.selectFrom('meetings').select('id').where('slot_id', '=', slot.id).where('status', '=', 'booked').execute();
      if (won === 1 && lost === BOOKERS - 1 && rows.length === 1) exactlyOne++;
      // the winner cancels, so every visitor may book the next round's slot
      await db.updateTable('meetings').set({ status: 'cancelled', cancelled_by: 'visitor' }).where('slot_id', '=', slot.id).execute();
    }
    roundMs.sort((a, b) => a - b);
    console.log(
      `booking contention (${s.database.dialect}): ${ROUNDS} slots × ${BOOKERS} concurrent bookers: exactly one booking in ${exactlyOne}/${ROUNDS} (target ${ROUNDS}/${ROUNDS}); a round takes p50 ${pct(roundMs, 50).toFixed(0)} ms`,
    );
  } finally {
    await h.stop();
    if (pg) await dropPgSchema(pg, schema);
  }
}

void main();
