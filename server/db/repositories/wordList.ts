/**
 * The organizer's sensitive words (issue #11). Entries arrive already in canonical form
 * (server/moderation/wordFilter parseEntry); the unique index makes a repeat a no-op, whatever the race.
 */
import type { Kdb } from '../types';
import { isUniqueViolation, newId } from './ids';

export interface WordRow {
  id: string;
  word: string;
  createdAt: number;
}

/** How many custom words a list may hold: the automaton stays small and the console's list readable. */
export const WORD_LIST_MAX = 5000;

export function wordListRepository(db: Kdb) {
  return {
    async list(): Promise<WordRow[]> {
      const rows = await db.selectFrom('word_list').select(['id', 'word', 'created_at']).orderBy('created_at', 'desc').orderBy('word').execute();
      return rows.map((r) => ({ id: r.id, word: r.word, createdAt: Number(r.created_at) }));
    },

    async count(): Promise<number> {
      const r = await db
        .selectFrom('word_list')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Adds each word not yet listed; answers the rows added (a word already there is skipped, not an error). */
    async add(words: readonly string[], by: string | null, now = Date.now()): Promise<WordRow[]> {
      const added: WordRow[] = [];
      for (const word of new Set(words)) {
        const row = { id: newId(), word, created_by: by, created_at: now };
        try {
          const r = await db
            .insertInto('word_list')
            .values(row)
            .onConflict((oc) => oc.column('word').doNothing())
            .executeTakeFirst();
          if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) added.push({ id: row.id, word, createdAt: now });
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
        }
      }
      return added;
    },

    /** Removes one entry; answers its word, or null when there was none. */
    async remove(id: string): Promise<string | null> {
      const row = await db.selectFrom('word_list').select('word').where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      const r = await db.deleteFrom('word_list').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0 ? row.word : null;
    },
  };
}

export type WordListRepository = ReturnType<typeof wordListRepository>;
