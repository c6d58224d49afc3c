/**
 * Durability of leads under kill -9 (issue #10): a real server on an embedded SQLite file, bot
 * visitors leaving cards at the demo booths as fast as they can, and the server killed with SIGKILL
 * again and again mid-traffic. A bot that got no answer retries with the same idempotency key, as
 * the client does. At the end it reports:
 * - acknowledged leads lost (answered 201, absent from the database): target 0;
 * - duplicates (more than one lead for one visitor and booth): target 0;
 * - PRAGMA integrity_check: target ok.
 *
 *   npm run bench:leads-kill           (50 kills; `npm test` runs it with --kills=5)
 *
 * Env: KILLS (50, or --kills=N), KILL_BOTS (12), KILL_PORT (3251). Exits 1 when a target is missed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const killsArg = process.argv.find((a) => a.startsWith('--kills='));
const KILLS = Number(killsArg?.slice('--kills='.length) ?? process.env.KILLS ?? 50);
const BOTS = Number(process.env.KILL_BOTS ?? 12);
const PORT = Number(process.env.KILL_PORT ?? 3251);
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-kill-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: ChildProcess | null = null;

async function up(): Promise<void> {
  // node --import tsx: one process, so SIGKILL hits the server itself (tsx's CLI would run it in a child)
  server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      LOGIN_IP_BURST: '100000',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* starting */
    }
    await sleep(100);
  }
  throw new Error('server did not start');
}

function kill9(): Promise<void> {
  const s = server;
  server = null;
  if (!s || s.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    s.once('exit', () => resolve());
    s.kill('SIGKILL');
  });
}

interface Bot {
  cookie: string;
  name: string;
  /** booths still to visit */
  todo: string[];
  /** the key in flight for the booth at todo[0], reused on retry */
  key: string | null;
}

const acked = new Map<string, string>(); // leadId → "bot|booth"
let keyN = 0;

async function post(pathname: string, body: unknown, cookie = ''): Promise<Response> {
  return fetch(`${BASE}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
}

async function makeBot(i: string, booths: string[]): Promise<Bot> {
  const name = `kill-bot-${i}`;
  const r = await post('/api/auth/register', { email: `${name}-${Date.now()}@bots.example`, password: 'long-enough-pass', displayName: name });
  if (r.status !== 201) throw new Error(`register ${r.status}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  const card = await fetch(`${BASE}/api/me/card`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name, email: `${name}@bots.example` }),
  });
  if (card.status !== 200) throw new Error(`card ${card.status}`);
  return { cookie, name, todo: [...booths], key: null };
}

/**
 * One bot leaves its cards, booth after booth; with all booths done it signs up again as a new
 * visitor and goes on, so traffic lasts as long as the kills. Errors are expected while the
 * server is down: the same request is retried with the same key.
 */
async function runBot(i: number, booths: string[], running: () => boolean, bots: Bot[]): Promise<void> {
  let b: Bot | null = null;
  for (let round = 0; running();) {
    try {
      if (!b || !b.todo.length) {
        b = await makeBot(`${i}-${round++}`, booths);
        bots.push(b);
      }
      const boothId = b.todo[0];
      const n = (await (await fetch(`${BASE}/api/booths/${boothId}/card-notice`, { signal: AbortSignal.timeout(5000) })).json()) as {
        version: number;
        hash: string;
      };
      b.key ??= `k${process.pid}x${keyN++}`;
      const r = await post(
        '/api/me/consents',
        { boothId, fields: ['email'], noticeVersion: n.version, noticeHash: n.hash, agree: true, idempotencyKey: b.key },
        b.cookie,
      );
      if (r.status === 201) {
        const j = (await r.json()) as { leadId: string };
        acked.set(j.leadId, `${b.name}|${boothId}`);
        b.todo.shift();
        b.key = null;
      } else await sleep(50);
    } catch {
      await sleep(50); // server down: retry
    }
  }
}

async function main(): Promise<void> {
  await up();
  const booths: string[] = [];
  for (const hall of ['gulangyu', 'shapowei']) {
    const j = (await (await fetch(`${BASE}/api/expo/booths?hall=${hall}`)).json()) as { booths: { id: string }[] };
    booths.push(...j.booths.map((b) => b.id));
  }
  const bots: Bot[] = [];
  console.log(`${BOTS} bots leaving cards at ${booths.length} booths; ${KILLS} kills`);

  let running = true;
  const work = Promise.all(Array.from({ length: BOTS }, (_, i) => runBot(i, booths, () => running, bots)));
  const t0 = Date.now();
  for (let k = 0; k < KILLS; k++) {
    await sleep(150 + Math.random() * 350);
    await kill9();
    await up();
  }
  // a last second of traffic on a live server, then stop: a request in flight then may be
  // unanswered (not acknowledged), which is allowed
  await sleep(1000);
  running = false;
  await work;
  await kill9();

  const db = new Database(path.join(dataDir, 'ludao.sqlite'));
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join(', ');
  const rows = db
    .prepare(
      `select l.id as id, u.display_name as bot, l.booth_id as booth from leads l join consents c on c.id = l.consent_id join users u on u.id = c.visitor_id where u.display_name like 'kill-bot-%'`,
    )
    .all() as { id: string; bot: string; booth: string }[];
  db.close();
  const present = new Set(rows.map((r) => r.id));
  const lost = [...acked.keys()].filter((id) => !present.has(id)).length;
  const pairs = new Map<string, number>();
  for (const r of rows) pairs.set(`${r.bot}|${r.booth}`, (pairs.get(`${r.bot}|${r.booth}`) ?? 0) + 1);
  const duplicates = [...pairs.values()].reduce((n, c) => n + (c - 1), 0);
  fs.rmSync(dataDir, { recursive: true, force: true });

  console.log(`kills ${KILLS} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`visitors ${bots.length}, cards acknowledged ${acked.size}, leads in the database ${rows.length}`);
  console.log(`acknowledged leads lost ${lost} (target 0) · duplicates ${duplicates} (target 0) · integrity_check ${integrity} (target ok)`);
  process.exitCode = lost === 0 && duplicates === 0 && integrity === 'ok' && acked.size > 0 ? 0 : 1;
}

main().catch(async (err: unknown) => {
  console.error(err);
  await kill9();
  process.exitCode = 1;
});
