// The unit tests compile this file from their own project, which does not include client/src: the
// reference brings the dictionary module's type along wherever the file goes.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./openccDict.d.ts" />
/**
 * Text folded for matching a visitor's question against names: NFKC (full-width letters and digits
 * to half-width), lower case, Latin accents dropped, traditional characters to simplified (opencc's
 * character table only, about 30 KB, in the guide's lazy chunk; its phrase tables would be 1 MB),
 * and every run of anything that is not a letter or a digit to one space. "ＶＲ 一體機！" folds to
 * "vr 一体机". Pure and total: any string in, a string out.
 */
import tsCharacters from 'opencc-js/dict/TSCharacters';

let toSimplified: Map<string, string> | null = null;

function simplifiedOf(ch: string): string {
  if (!toSimplified) {
    toSimplified = new Map();
    for (const pair of tsCharacters.split('|')) {
      const [from, to] = pair.split(' ');
      if (from && to) toSimplified.set(from, to);
    }
  }
  return toSimplified.get(ch) ?? ch;
}

const MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

export function fold(text: string): string {
  // an apostrophe joins ("what's" -> "whats"); any other punctuation separates
  const s = text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, '').normalize('NFD').replace(MARKS, '');
  let out = '';
  for (const ch of s) out += HAN.test(ch) ? simplifiedOf(ch) : ch;
  return out.replace(NOT_WORD, ' ').trim();
}

/** Is this code unit a CJK ideograph (written without spaces, matched by character pairs)? */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}
