/**
 * The organizer's sensitive-word list (issue #11): the custom words beside the starter lists that
 * ship with Ludao. Words are stored in the filter's canonical form: folded (lower case, half-width,
 * simplified Chinese, letters and digits only) with "*" marking an edge that may continue
 * ("bitch*" also finds "bitches"). Latin words match whole words, Chinese words anywhere.
 */
import { z } from 'zod';
import { idSchema, line } from './common';

/** Longest entry as typed, wildcards included. */
export const WORD_MAX = 40;
/** Most lines one request may add. */
export const WORD_ADD_MAX = 200;
/** Longest text the console's "try a sentence" box checks. */
export const WORD_CHECK_MAX = 2000;

export const wordEntrySchema = z.object({ id: idSchema, word: z.string(), createdAt: z.number().int() });
export type WordEntryView = z.infer<typeof wordEntrySchema>;

export const wordListSchema = z.object({
  custom: z.array(wordEntrySchema),
  /** the shipped lists, read-only */
  starter: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }),
  /** how many custom words the list may hold */
  max: z.number().int(),
});
export type WordListView = z.infer<typeof wordListSchema>;

export const wordAddSchema = z.strictObject({ words: z.array(line(WORD_MAX, 1)).min(1).max(WORD_ADD_MAX) });
export type WordAdd = z.infer<typeof wordAddSchema>;

export const wordAddResultSchema = wordListSchema.extend({
  /** canonical forms newly listed */
  added: z.array(z.string()),
  /** canonical forms that were listed already (in the custom or the starter list) */
  already: z.array(z.string()),
});

export const wordParamsSchema = z.object({ wordId: idSchema });

export const wordCheckSchema = z.strictObject({ text: z.string().max(WORD_CHECK_MAX) });
export const wordCheckResultSchema = z.object({ hits: z.array(z.string()), masked: z.string() });
