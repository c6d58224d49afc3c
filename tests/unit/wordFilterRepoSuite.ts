/**
 * The organizer's word list in the repository, once per dialect (SQLite in wordFilterRepo.test.ts,
 * PostgreSQL in tests/integration/wordList.test.ts): add skips what is listed already, even when
 * several organizers add the same word at once; remove answers the word; the newest come first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, type Repositories } from '../../server/db/repositories';

export function wordListRepositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`word list on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
    });
    afterAll(async () => {
      await close(database);
    });

    it('adds words once, newest first, and removes them', async () => {
      const first = await r.wordList.add(['刷单', 'scam*'], null, 1000);
      expect(first.map((w) => w.word)).toEqual(['刷单', 'scam*']);
      const again = await r.wordList.add(['刷单', 'spam', 'spam'], 'org1', 2000);
      expect(again.map((w) => w.word)).toEqual(['spam']);
      expect((await r.wordList.list()).map((w) => w.word)).toEqual(['spam', 'scam*', '刷单']);
      expect(await r.wordList.count()).toBe(3);
      const spam = (await r.wordList.list())[0];
      expect(await r.wordList.remove(spam.id)).toBe('spam');
      expect(await r.wordList.remove(spam.id)).toBeNull();
      expect(await r.wordList.count()).toBe(2);
    });

    it('stores a word once when several organizers add it at the same moment', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => r.wordList.add(['同时添加'], null)));
      expect(results.flat().length).toBe(1);
      expect((await r.wordList.list()).filter((w) => w.word === '同时添加').length).toBe(1);
    });
  });
}
