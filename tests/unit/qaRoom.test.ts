/**
 * Q&A in the hall (server/qa/roomQa.ts and the two room messages), against a real SQLite database and
 * the presence bus: a question is masked by the sensitive-word filter before it is stored or shown
 * and reaches every instance of the hall; asking needs a session on now and stops at the limit; a
 * visitor votes once; a moderator's approval reaches every instance; a muted visitor may not ask.
 */
import { LocalPresence } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QA_MAX_PER_SESSION } from '../../shared/constants';
import type { QaMine, QaSnapshot } from '../../shared/api/qa';
import { migrateToLatest, openDatabase, type Database } from '../../server/db/open';
import { createRepositories, type Repositories } from '../../server/db/repositories';
import { starterWordFilter } from '../../server/moderation/wordFilter';
import { HallModeration } from '../../server/moderation/hallModeration';
import { createQaService, type QaService } from '../../server/qa/service';
import { RoomQa } from '../../server/qa/roomQa';
import { primaryKey } from '../../server/qa/identity';
import { hallHandlers, type MessageContext } from '../../server/rooms/handlers';
import { newChatLog } from '../../server/rooms/handlers/chat';
import { newSession } from '../../server/rooms/session';
import { Visitor } from '../../shared/schema/Visitor';
import { testLayout } from '../fixtures/layout';

const H = 3600_000;

function instance(service: QaService, stage: { sessionId: string; startsAt: number; endsAt: number }) {
  const broadcasts: QaSnapshot[] = [];
  const mine = new Map<string, QaMine[]>();
  const qa = new RoomQa(
    {
      hallId: 'gulangyu',
      stage,
      broadcast: (name, payload) => {
        if (name === 'qa') broadcasts.push(payload as QaSnapshot);
      },
      sendTo: (sessionId, name, payload) => {
        if (name === 'qaMine') mine.set(sessionId, [...(mine.get(sessionId) ?? []), payload as QaMine]);
      },
      log: { warn() {} },
    },
    service,
    () => starterWordFilter(),
  );
  const last = () => broadcasts[broadcasts.length - 1];
  const lastMine = (id: string) => mine.get(id)?.at(-1);
  return { qa, broadcasts, last, lastMine };
}

describe('Q&A in the hall', () => {
  let database: Database;
  let r: Repositories;
  let service: QaService;
  let sessionId = '';
  const stage = { sessionId: '', startsAt: 0, endsAt: 0 };
  const alice = { sessionId: 'sa', keys: ['d:alice', 's:sa'], name: 'Alice' };
  const bob = { sessionId: 'sb', keys: ['a:bob', 's:sb'], name: 'Bob' };

  beforeAll(async () => {
    database = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(database);
    r = createRepositories(database.db);
    const expo = await r.expos.create({ slug: 'qa-room', name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu'] });
    const now = Date.now();
    const s = await r.agenda.create(expo.id, {
      hallId: 'gulangyu',
      kind: 'talk',
      title: { zh: '提问', en: 'Questions' },
      description: { zh: '', en: '' },
      speakers: [],
      tags: [],
      startsAt: now - 60_000,
      endsAt: now + H,
      videoMediaId: null,
      captionsMediaId: null,
      liveName: null,
    });
    sessionId = s.row.id;
    const presence = new LocalPresence();
    service = createQaService(
      () => r,
      () => presence,
      'test:',
    );
  });
  afterAll(async () => {
    service?.close();
    await database?.close();
  });

  it('keys a visitor by account, else device, else connection', () => {
    expect(primaryKey(['d:x', 'a:u', 's:c'])).toBe('a:u');
    expect(primaryKey(['s:c', 'd:x'])).toBe('d:x');
    expect(primaryKey(['s:c'])).toBe('s:c');
    expect(primaryKey([])).toBeNull();
  });

  it('refuses to ask or vote while no session is on stage', async () => {
    const one = instance(service, { sessionId: '', startsAt: 0, endsAt: 0 });
    await one.qa.ask(alice, 'hello?');
    expect(one.lastMine('sa')?.result).toEqual({ action: 'ask', ok: false, code: 'no_session' });
    // a session that has not started yet is not asked either
    const early = instance(service, { sessionId, startsAt: Date.now() + H, endsAt: Date.now() + 2 * H });
    await early.qa.vote(alice, 'abcdef123456');
    expect(early.lastMine('sa')?.result).toEqual({ action: 'vote', ok: false, code: 'no_session' });
  });

  it('masks, stores and shows a question in every instance; one vote each; approval reaches every instance', async () => {
    Object.assign(stage, { sessionId, startsAt: Date.now() - 60_000, endsAt: Date.now() + H });
    const a = instance(service, stage);
    const b = instance(service, stage);
    a.qa.open();
    b.qa.open();
    // what the moderators' stream hears of the same changes (every hall, refusals not)
    const heard: string[] = [];
    const offConsole = service.onAnyChange((e) => heard.push(`${e.hallId}:${e.change}`));
    await expect.poll(() => a.last()?.sessionId).toBe(sessionId);

    await a.qa.ask(alice, '能谈谈赌博吗 fuck?');
    expect(a.lastMine('sa')).toMatchObject({ sessionId, asked: 1, limit: QA_MAX_PER_SESSION, result: { action: 'ask', ok: true } });
    // the other instance hears it through the bus and reads it from the database
    await expect.poll(() => b.last()?.pending.length).toBe(1);
    const q = b.last()!.pending[0];
    expect(q).toMatchObject({ text: '能谈谈**吗 ****?', name: 'Alice', votes: 0, status: 'pending' });
    expect((await r.qa.get(q.id))!.text).toBe('能谈谈**吗 ****?');

    await b.qa.vote(bob, q.id);
    expect(b.lastMine('sb')).toMatchObject({ voted: [q.id], result: { action: 'vote', ok: true } });
    await b.qa.vote(bob, q.id);
    expect(b.lastMine('sb')?.result).toEqual({ action: 'vote', ok: false, code: 'voted' });
    await a.qa.vote(alice, q.id);
    expect(a.lastMine('sa')?.result).toEqual({ action: 'vote', ok: false, code: 'own' });
    await expect.poll(() => a.last()?.pending[0]?.votes).toBe(1);

    // a moderator approves (what the console's route does: store, then publish)
    await r.qa.decide(q.id, 'approved', null);
    service.changed('gulangyu', sessionId, 'decided');
    await expect.poll(() => a.last()?.approved.map((x) => x.id)).toEqual([q.id]);
    await expect.poll(() => b.last()?.approved.map((x) => x.id)).toEqual([q.id]);
    expect(b.last()!.pending).toEqual([]);
    await expect.poll(() => heard).toEqual(['gulangyu:asked', 'gulangyu:voted', 'gulangyu:decided']);
    offConsole();

    // a newcomer gets the questions and its own standing
    const newcomer = instance(service, stage);
    newcomer.qa.open();
    await expect.poll(() => newcomer.last()?.approved.length).toBe(1);
    await newcomer.qa.join(bob);
    expect(newcomer.lastMine('sb')).toMatchObject({ sessionId, asked: 0, voted: [q.id] });

    // the limit: two more, then refused
    await a.qa.ask(alice, 'second');
    await a.qa.ask(alice, 'third');
    await a.qa.ask(alice, 'fourth');
    expect(a.lastMine('sa')).toMatchObject({ asked: 3, result: { action: 'ask', ok: false, code: 'limit' } });

    // the session ends: the hall's questions clear
    Object.assign(stage, { endsAt: Date.now() - 1 });
    a.qa.tick();
    await expect.poll(() => a.last()?.sessionId).toBe('');
    for (const i of [a, b, newcomer]) i.qa.close();
  });

  it('lets a muted visitor vote but not ask', () => {
    const rules = new HallModeration('gulangyu');
    rules.load([{ id: 'm1', kind: 'mute', keys: ['d:muted'], expiresAt: null } as never], null);
    const calls: string[] = [];
    const visitor = new Visitor();
    visitor.name = 'Muted';
    const session = newSession(0);
    session.moderationKeys = ['d:muted', 's:m'];
    const ctx: MessageContext = {
      hall: {
        layout: testLayout(),
        chatLog: newChatLog(),
        broadcast: () => {},
        moved: () => {},
        react: () => {},
        present: () => {},
        moderation: { rules, person: () => null, report: () => {}, act: () => {} },
        qa: {
          ask: async () => void calls.push('ask'),
          vote: async () => void calls.push('vote'),
          refuse: (_v, action, code) => void calls.push(`refuse:${action}:${code}`),
        },
      },
      sessionId: 's:m',
      session,
      visitor,
      now: 1,
    };
    hallHandlers.qaAsk(ctx, { text: 'let me speak' });
    hallHandlers.qaVote(ctx, { questionId: 'abcdef123456' });
    expect(calls).toEqual(['refuse:ask:muted', 'vote']);
  });
});
