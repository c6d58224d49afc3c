/**
 * The sensitive-word filter end to end (issue #11): a real server and colyseus.js visitors. An
 * organizer's word applies to the very next chat line and is gone again after removal; listed words
 * in chat are masked for everyone and in the history; a display name with a listed word is refused
 * at join; booth and product texts with one are refused naming the field; every change is audited
 * with ids only. Across processes: two expo services with their own Redis presence connections and
 * one database, as two processes have, an edit on one reaching the other (when REDIS_URL is set).
 * The repository rules also run on PostgreSQL (when DATABASE_URL is set).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { RedisPresence } from '@colyseus/redis-presence';
import { ROOM_HALL } from '../../shared/protocol';
import { C2S } from '../../shared/messages';
import { HallState } from '../../shared/schema/HallState';
import { readConfig } from '../../server/config';
import { presenceRedisUrl } from '../../server/app';
import { createExpoServices, type ExpoServices } from '../../server/http/services';
import { dropPgSchema, ensurePgSchema, openDatabase } from '../../server/db/open';
import { startHarness, type Harness } from './apiHarness';
import { joinHall, joinOptions, type TestVisitor } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';
import { silentLogger } from '../fixtures/logger';
import { wordListRepositorySuite } from '../unit/wordFilterRepoSuite';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 30_000);
afterAll(async () => {
  await h?.stop();
});

/** A chat line from `from`, as `to` receives it. */
async function chatThrough(from: TestVisitor, to: TestVisitor, text: string): Promise<string> {
  const before = to.inbox.chats.length;
  from.room.send(C2S.chat, { text });
  const got = await waitFor(() => to.inbox.chats.slice(before).find((c) => c.from === from.id), 5000, 'chat line');
  return got.text;
}

describe('the organizer word list over HTTP', () => {
  it('adds words in their folded form, reports what was listed already, and refuses bad lines', async () => {
    const res = await h.call('organizer', 'addWords', { body: { words: ['鹭岛黑粉', '鷺島黑粉', 'SCAMMER*', 'fuck'] } });
    expect(res.status).toBe(201);
    // traditional and simplified are one word, stored once; the starter list's "*fuck*" already finds "fuck"
    expect(res.json.added.sort()).toEqual(['scammer*', '鹭岛黑粉']);
    expect(res.json.already).toEqual(['fuck']);
    const again = await h.call('organizer', 'addWords', { body: { words: ['鹭岛黑粉'] } });
    expect(again.json).toMatchObject({ added: [], already: ['鹭岛黑粉'] });
    expect(res.json.custom.map((w: { word: string }) => w.word).sort()).toEqual(['scammer*', '鹭岛黑粉']);
    expect(res.json.starter.zh).toContain('赌博');
    expect(res.json.starter.en).toContain('*fuck*');

    const bad = await h.call('organizer', 'addWords', { body: { words: ['ok word', '!!!', 'x'] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('bad_word');
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(['body.words.1', 'body.words.2']);
    // nothing of a refused request is stored
    expect((await h.call('organizer', 'wordList')).json.custom.map((w: { word: string }) => w.word)).not.toContain('okword');
  });

  it('tries a sentence against the live filter', async () => {
    const res = await h.call('organizer', 'checkWords', { body: { text: '那个鷺島.黑粉 is a scammers' } });
    expect(res.status).toBe(200);
    expect(res.json.hits.sort()).toEqual(['scammer', '鹭岛黑粉']);
    expect(res.json.masked).toBe('那个***** is a ********');
  });

  it('is for organizers only', async () => {
    for (const role of ['visitor', 'member', 'exhibitorA'] as const) {
      const r = await h.call(role, 'addWords', { body: { words: ['nope'] } });
      expect(r.status, role).toBe(role === 'visitor' ? 401 : 403);
    }
  });
});

describe('chat, names and booth texts', () => {
  let a: TestVisitor;
  let b: TestVisitor;
  beforeAll(async () => {
    a = await joinHall(h.server.wsUrl, { name: 'Alice' });
    b = await joinHall(h.server.wsUrl, { name: 'Bob' });
  });
  afterAll(async () => {
    await a?.room.leave();
    await b?.room.leave();
  });

  it('masks starter words for every visitor and in the history newcomers get', async () => {
    expect(await chatThrough(a, b, '一起 賭.博 吧')).toBe('一起 *** 吧');
    const c = await joinHall(h.server.wsUrl, { name: 'Carol' });
    await waitFor(() => c.inbox.history, 5000, 'history');
    expect(c.inbox.history!.map((m) => m.text)).toContain('一起 *** 吧');
    expect(c.inbox.history!.map((m) => m.text).join()).not.toContain('賭');
    await c.room.leave();
  });

  it("applies an organizer's new word to the next chat line, and stops after it is removed", async () => {
    expect(await chatThrough(a, b, 'ludaotroll here')).toBe('ludaotroll here');
    const added = await h.call('organizer', 'addWords', { body: { words: ['ludaotroll'] } });
    expect(added.status).toBe(201);
    expect(await chatThrough(a, b, 'ludaotroll here')).toBe('********** here');
    expect(await chatThrough(b, a, 'L.U.D.A.O.T.R.O.L.L')).toBe('*******************');
    const id = added.json.custom.find((w: { word: string }) => w.word === 'ludaotroll').id;
    expect((await h.call('organizer', 'removeWord', { params: { wordId: id } })).status).toBe(200);
    expect(await chatThrough(a, b, 'ludaotroll here')).toBe('ludaotroll here');
    expect((await h.call('organizer', 'removeWord', { params: { wordId: id } })).status).toBe(404);
  });

  it('refuses a display name with a listed word at join, with a code the client translates', async () => {
    const client = new Client(h.server.wsUrl);
    await expect(client.joinOrCreate(ROOM_HALL, joinOptions({ name: '大傻*逼' }), HallState)).rejects.toThrow(/name_refused/);
    await expect(client.joinOrCreate(ROOM_HALL, joinOptions({ name: '鷺島黑粉' }), HallState)).rejects.toThrow(/name_refused/);
  });

  it('refuses booth and product texts with a listed word, naming the field, and stores nothing', async () => {
    const before = (await h.call('exhibitorA', 'booth', { params: { boothId: h.a.boothId } })).json;
    const r = await h.call('exhibitorA', 'updateBooth', {
      params: { boothId: h.a.boothId },
      body: { title: { zh: '好展位', en: 'Nice booth' }, description: { zh: '欢迎来網上賭博', en: '' } },
    });
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('text_refused');
    expect(r.json.message).toContain('description.zh');
    expect(r.json.issues).toEqual([{ path: 'body.description.zh', message: expect.stringContaining('赌博') }]);
    const after = (await h.call('exhibitorA', 'booth', { params: { boothId: h.a.boothId } })).json;
    expect(after.title).toEqual(before.title);

    const p = await h.call('exhibitorA', 'addProduct', {
      params: { boothId: h.a.boothId },
      body: { name: { zh: '新品', en: 'F*U*C*K' }, description: { zh: '', en: '' } },
    });
    expect(p.status).toBe(400);
    expect(p.json.issues[0].path).toBe('body.name.en');

    const ok = await h.call('exhibitorA', 'updateBooth', {
      params: { boothId: h.a.boothId },
      body: { description: { zh: '斯肯索普（Scunthorpe）的合作伙伴', en: '' } },
    });
    expect(ok.status).toBe(200);
  });
});

describe('audit', () => {
  it('records every change with ids only', async () => {
    const rows = await h.server.app.expo.database.db.selectFrom('audit_log').selectAll().where('action', 'like', 'organizer.word_%').execute();
    expect(rows.filter((r) => r.action === 'organizer.word_add').length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.action === 'organizer.word_remove').length).toBeGreaterThanOrEqual(1);
    for (const r of rows) {
      expect(r.actor_id).toMatch(/^[a-z0-9]+$/);
      expect(r.target_type).toBe('word');
      expect(r.target_id).toMatch(/^[a-z0-9]+$/);
      expect(JSON.stringify(r)).not.toMatch(/ludaotroll|鹭岛|scammer/);
    }
  });
});

const REDIS_URL = process.env.REDIS_URL;
describe.skipIf(!REDIS_URL)('across processes (two presence connections to Redis, one database)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-wordlist-'));
  const services: ExpoServices[] = [];
  const presences: RedisPresence[] = [];
  beforeAll(async () => {
    const url = new URL(presenceRedisUrl(REDIS_URL!));
    url.pathname = '/12';
    const config = readConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir, SEED_DEMO: '0', PRESENCE_PREFIX: `ludao-wordlist-${process.pid}:` });
    for (let i = 0; i < 2; i++) {
      const p = new RedisPresence(url.toString());
      presences.push(p);
      services.push(createExpoServices(config, silentLogger, () => p));
    }
    for (const s of services) await s.prepare();
  }, 30_000);
  afterAll(async () => {
    for (const s of services) await s.close();
    for (const p of presences) p.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an edit on one process applies to the next chat line on the other', async () => {
    const [one, two] = services;
    expect(two.words.mask('crossprocessword')).toBe('crossprocessword');
    const [row] = await one.repos.wordList.add(['crossprocessword'], null);
    await one.words.changed();
    await waitFor(() => two.words.mask('crossprocessword') === '****************', 3000, 'the other process to reload');
    await one.repos.wordList.remove(row.id);
    await one.words.changed();
    await waitFor(() => two.words.mask('crossprocessword') === 'crossprocessword', 3000, 'the removal on the other process');
  });
});

const DATABASE_URL = process.env.DATABASE_URL;
if (DATABASE_URL) {
  const schema = `ludao_test_words_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    await dropPgSchema(DATABASE_URL, schema);
  });
  wordListRepositorySuite(
    'PostgreSQL',
    async () => {
      await ensurePgSchema(DATABASE_URL, schema);
      return openDatabase({ databaseUrl: DATABASE_URL, pgSchema: schema, poolSize: 4 });
    },
    (d) => d.close(),
  );
}
