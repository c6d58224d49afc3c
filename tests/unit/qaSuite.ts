/**
 * The Q&A rules in the repository, once per dialect (SQLite in qa-db.test.ts, PostgreSQL in
 * tests/integration/qa-postgres.test.ts): at most N questions per visitor and session, also when ten
 * asks arrive at the same instant; one vote per visitor (any of its keys), never on one's own or a
 * rejected question, also under concurrent votes; the order the stage shows; the console's queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, type Repositories } from '../../server/db/repositories';

const H = 3600_000;

export function qaRepositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`Q&A on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    let expoId = '';
    let base = 0;
    let n = 0;

    /** A fresh session per test, so tests never meet each other's questions. */
    const newSession = async (hallId = 'gulangyu') => {
      base += 2 * H;
      const s = await r.agenda.create(expoId, {
        hallId,
        kind: 'talk',
        title: { zh: `问答${++n}`, en: `Q&A ${n}` },
        description: { zh: '', en: '' },
        speakers: [],
        tags: [],
        startsAt: base,
        endsAt: base + H,
        videoMediaId: null,
        captionsMediaId: null,
        liveName: null,
      });
      return s.row.id;
    };
    const ask = (sessionId: string, key: string, text = 'q', extra: string[] = []) =>
      r.qa.ask({ sessionId, hallId: 'gulangyu', askerKey: key, askerKeys: [key, ...extra], name: 'Ann', text, limit: 3 });
    const asked = async (sessionId: string, key: string, text = 'q') => {
      const a = await ask(sessionId, key, text);
      if (!a.ok) throw new Error('ask refused');
      return a.question;
    };
    const vote = (sessionId: string, questionId: string, key: string, extra: string[] = []) =>
      r.qa.vote({ sessionId, questionId, voterKey: key, voterKeys: [key, ...extra] });

    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
      const expo = await r.expos.create({ slug: 'qa-expo', name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu', 'shapowei'] });
      expoId = expo.id;
      base = Date.now() + 24 * H;
    });
    afterAll(async () => {
      if (database) await close(database);
    });

    it('stores a question as pending and allows each visitor three per session', async () => {
      const s = await newSession();
      const first = await ask(s, 'd:alice', '第一个问题');
      expect(first).toMatchObject({ ok: true, question: { status: 'pending', votes: 0, text: '第一个问题', name: 'Ann', sessionId: s } });
      expect((await ask(s, 'd:alice')).ok).toBe(true);
      expect((await ask(s, 'd:alice')).ok).toBe(true);
      expect(await ask(s, 'd:alice')).toEqual({ ok: false, code: 'limit' });
      // someone else, and the same visitor in another session, are not held by it
      expect((await ask(s, 'd:bob')).ok).toBe(true);
      expect((await ask(await newSession(), 'd:alice')).ok).toBe(true);
    });

    it('counts questions under any of the visitor keys (a guest who signs in on the same device)', async () => {
      const s = await newSession();
      await asked(s, 'd:carol');
      await asked(s, 'd:carol');
      expect((await ask(s, 'a:carol', 'q', ['d:carol'])).ok).toBe(true);
      expect(await ask(s, 'a:carol', 'q', ['d:carol'])).toEqual({ ok: false, code: 'limit' });
      expect(await r.qa.mine(s, ['a:carol', 'd:carol'])).toMatchObject({ asked: 3 });
    });

    it('lets exactly three of ten simultaneous asks in', async () => {
      const s = await newSession();
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(s, 'd:racer', `q${i}`)));
      expect(results.filter((x) => x.ok)).toHaveLength(3);
      expect(results.filter((x) => !x.ok)).toHaveLength(7);
      expect((await r.qa.mine(s, ['d:racer'])).asked).toBe(3);
    });

    it('takes one vote per visitor, none on its own question, and counts them', async () => {
      const s = await newSession();
      const q = await asked(s, 'd:asker');
      expect(await vote(s, q.id, 'd:asker')).toEqual({ ok: false, code: 'own' });
      expect(await vote(s, q.id, 'a:asker2', ['d:asker'])).toEqual({ ok: false, code: 'own' });
      expect(await vote(s, q.id, 'd:v1')).toMatchObject({ ok: true, question: { votes: 1 } });
      expect(await vote(s, q.id, 'd:v1')).toEqual({ ok: false, code: 'voted' });
      // the same person signed in now: its device already voted
      expect(await vote(s, q.id, 'a:v1', ['d:v1'])).toEqual({ ok: false, code: 'voted' });
      expect(await vote(s, q.id, 'd:v2')).toMatchObject({ ok: true, question: { votes: 2 } });
      expect(await r.qa.mine(s, ['d:v1'])).toEqual({ asked: 0, voted: [q.id], mine: [] });
      expect(await r.qa.mine(s, ['d:asker'])).toEqual({ asked: 1, voted: [], mine: [{ id: q.id, status: 'pending' }] });
    });

    it('counts one of ten simultaneous votes by the same visitor', async () => {
      const s = await newSession();
      const q = await asked(s, 'd:asker');
      const results = await Promise.all(Array.from({ length: 10 }, () => vote(s, q.id, 'd:eager')));
      expect(results.filter((x) => x.ok)).toHaveLength(1);
      expect((await r.qa.get(q.id))!.votes).toBe(1);
    });

    it('refuses votes on a rejected question, an unknown one or one of another session', async () => {
      const s = await newSession();
      const q = await asked(s, 'd:asker');
      expect(await vote(await newSession(), q.id, 'd:v')).toEqual({ ok: false, code: 'gone' });
      expect(await vote(s, 'nosuchquestion00', 'd:v')).toEqual({ ok: false, code: 'gone' });
      await r.qa.decide(q.id, 'rejected', null);
      expect(await vote(s, q.id, 'd:v')).toEqual({ ok: false, code: 'gone' });
      expect(await r.qa.decide('nosuchquestion00', 'approved', null)).toBeNull();
    });

    it('orders approved questions by votes (ties: approved first), then pending by votes, without rejected ones', async () => {
      const s = await newSession();
      const a = await asked(s, 'd:a', 'A');
      const b = await asked(s, 'd:b', 'B');
      const c = await asked(s, 'd:c', 'C');
      const d = await asked(s, 'd:d', 'D');
      const e = await asked(s, 'd:e', 'E');
      for (const v of ['d:v1', 'd:v2']) await vote(s, c.id, v);
      await vote(s, e.id, 'd:v1');
      await r.qa.decide(b.id, 'approved', null, base + 1);
      await r.qa.decide(a.id, 'approved', null, base + 2);
      await r.qa.decide(c.id, 'approved', null, base + 3);
      await r.qa.decide(d.id, 'rejected', null, base + 4);
      const snap = await r.qa.snapshot(s, 30);
      expect(snap.approved.map((q) => q.text)).toEqual(['C', 'B', 'A']);
      expect(snap.pending.map((q) => q.text)).toEqual(['E']);
      expect((await r.qa.snapshot(s, 2)).approved.map((q) => q.text)).toEqual(['C', 'B']);
      // a decided question may be taken back off the screen
      await r.qa.decide(c.id, 'rejected', null, base + 5);
      expect((await r.qa.snapshot(s, 30)).approved.map((q) => q.text)).toEqual(['B', 'A']);
    });

    it("lists the expo's queue with session titles, by status and hall", async () => {
      const s1 = await newSession('gulangyu');
      const s2 = await newSession('shapowei');
      const q1 = await asked(s1, 'd:x', 'in gulangyu');
      const q2 = (await r.qa.ask({ sessionId: s2, hallId: 'shapowei', askerKey: 'd:x', askerKeys: ['d:x'], name: 'X', text: 'in shapowei', limit: 3 })) as {
        ok: true;
        question: { id: string };
      };
      await vote(s2, q2.question.id, 'd:v');
      const pending = await r.qa.queue(expoId, 'pending');
      const ids = pending.map((q) => q.id);
      expect(ids).toContain(q1.id);
      expect(ids.indexOf(q2.question.id)).toBeLessThan(ids.indexOf(q1.id));
      const only = await r.qa.queue(expoId, 'pending', 'shapowei');
      expect(only.every((q) => q.hallId === 'shapowei')).toBe(true);
      expect(only.find((q) => q.id === q2.question.id)?.sessionTitle.en).toMatch(/^Q&A \d+$/);
      await r.qa.decide(q1.id, 'approved', null);
      expect((await r.qa.queue(expoId, 'approved')).map((q) => q.id)).toContain(q1.id);
      expect((await r.qa.queue(expoId, 'pending')).map((q) => q.id)).not.toContain(q1.id);
      expect(await r.qa.queue('otherexpo0000000', 'pending')).toEqual([]);
    });
  });
}
