/**
 * The organizer's sensitive-word list (issue #11): read it beside the starter lists, add words,
 * remove one, try a sentence. Every change is compiled on this process before the answer and sent
 * to every other process (WordFilterService.changed), so the next chat line anywhere sees it; every
 * change writes an audit entry (ids only: the entry's id, never the word).
 */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { WORD_MAX } from '../../shared/api/wordList';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { WORD_LIST_MAX } from '../db/repositories/wordList';
import { covers, parseEntry, refusedField, type EntryProblem, type RefusedField, type WordFilter } from '../moderation/wordFilter';
import { auditLog, type AuditRecord } from '../moderation/audit';

const PROBLEM_TEXT: Record<EntryProblem, string> = {
  empty: 'has no letters or digits / 没有文字或数字',
  too_short: 'needs at least two Latin letters / 英文词至少两个字母',
  too_long: `is longer than ${WORD_MAX} characters / 超过 ${WORD_MAX} 个字符`,
};

function withIssues(err: HttpError, issues: { path: string; message: string }[]): HttpError {
  return Object.assign(err, { issues });
}

/** 400 text_refused naming the field, for names and booth texts (which are refused, not masked). */
export function textRefusedError(r: RefusedField): HttpError {
  const message = `${r.field} contains a word that is not allowed: ${r.hits.join(', ')} / 含有不允许的词语`;
  return withIssues(new HttpError(400, 'text_refused', message), [{ path: `body.${r.field}`, message }]);
}

/** Throws text_refused when one of the fields holds a listed word. */
export function refuseListedWords(words: Pick<WordFilter, 'check'>, fields: Record<string, string>): void {
  const r = refusedField(words, fields);
  if (r) throw textRefusedError(r);
}

export function wordListRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  const view = async () => ({ custom: await s.repos.wordList.list(), starter: s.words.starter(), max: WORD_LIST_MAX });

  // The change is made and applied whatever happens to its audit entry; a failed entry is logged loudly.
  const audit = async (records: AuditRecord[]) => {
    const log = auditLog(s.database.db);
    for (const r of records) {
      try {
        await log.record(r);
      } catch (err) {
        s.logger.error({ err, action: r.action, targetId: r.targetId }, 'audit entry not written');
      }
    }
  };

  bind(router, routes.wordList, deps, view);

  bind(router, routes.addWords, deps, async ({ body, user }) => {
    const entries = body.words.map((w) => parseEntry(w));
    const bad = entries.flatMap((e, i) => (e.ok ? [] : [{ path: `body.words.${i}`, message: `"${body.words[i]}" ${PROBLEM_TEXT[e.problem]}` }]));
    if (bad.length) throw withIssues(new HttpError(400, 'bad_word', bad.map((b) => b.message).join('; ')), bad);
    const parsed = new Map(entries.flatMap((e) => (e.ok ? [[e.entry.word, e.entry] as const] : [])));
    const canonical = [...parsed.keys()];
    // a word the starter lists already find (the same, or "*fuck*" for "fuck") is not stored again
    const starter = s.words.starter();
    const starterEntries = [...starter.zh, ...starter.en].flatMap((w) => {
      const p = parseEntry(w);
      return p.ok ? [p.entry] : [];
    });
    const fresh = canonical.filter((w) => !starterEntries.some((st) => covers(st, parsed.get(w)!)));
    if ((await s.repos.wordList.count()) + fresh.length > WORD_LIST_MAX) {
      throw new HttpError(409, 'limit', `The list holds at most ${WORD_LIST_MAX} words / 词表最多 ${WORD_LIST_MAX} 个词`);
    }
    const added = await s.repos.wordList.add(fresh, user.id);
    if (added.length) {
      await s.words.changed();
      await audit(added.map((a) => ({ actorId: user.id, action: 'organizer.word_add', targetType: 'word', targetId: a.id })));
    }
    const addedWords = new Set(added.map((a) => a.word));
    return { ...(await view()), added: [...addedWords], already: canonical.filter((w) => !addedWords.has(w)) };
  });

  bind(router, routes.removeWord, deps, async ({ params, user }) => {
    const removed = await s.repos.wordList.remove(params.wordId);
    if (removed === null) throw new HttpError(404, 'not_found', 'No such word in the list / 词表中没有这个词');
    await s.words.changed();
    await audit([{ actorId: user.id, action: 'organizer.word_remove', targetType: 'word', targetId: params.wordId }]);
    return view();
  });

  bind(router, routes.checkWords, deps, async ({ body }) => ({ hits: s.words.check(body.text).hits, masked: s.words.mask(body.text) }));
}
