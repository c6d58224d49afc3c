/**
 * Text folded for word matching, with a way back to the original. Each character of the original is
 * folded on its own (NFKC, full-width to half-width, lower case, Latin accents dropped) and only
 * letters and digits of any script are kept (\p{L}\p{N}), so "f.u.c.k", "ｆｕｃｋ", "傻*逼" and
 * "赌\u200b博" fold to "fuck", "傻逼" and "赌博". Traditional characters are then folded to
 * simplified (opencc-js, Taiwan and OpenCC-standard forms: 賭博 -> 赌博, 詐騙 -> 诈骗).
 *
 * Per character and not per string, because a whole-string NFKC can merge or split characters and
 * the masks must land on the original's characters; the fold loses nothing a filter needs.
 *
 * For the whole-word rule of Latin words (matcher.ts) it also records where a visible separator (a
 * space, punctuation, a symbol, an emoji) stood between two kept characters. Invisible characters
 * (zero-width, joiners, combining marks) are no separators: "ass\u200bhole" is one word.
 */
import { ConverterBuilder } from 'opencc-js/core';
import * as t2cnPreset from 'opencc-js/preset/t2cn';

export interface Normalised {
  /** the folded text: letters and digits only */
  text: string;
  /** per UTF-16 unit of `text`: where its source character starts and ends in the original */
  from: Int32Array;
  to: Int32Array;
  /** per unit of `text`: 1 when a visible separator stood right before it in the original */
  sepBefore: Uint8Array;
}

/** Only the traditional -> simplified tables (about 110 KB), loaded once on first use; never in client code. */
let toSimplified: ((s: string) => string) | null = null;
function simplify(s: string): string {
  toSimplified ??= ConverterBuilder(t2cnPreset)({ from: 'tw', to: 'cn' });
  return toSimplified(s);
}

const KEEP = /[\p{L}\p{N}]/u;
/** invisible: format characters (zero-width space and joiners, BOM, bidi marks), combining marks, variation selectors */
const INVISIBLE = /[\p{Cf}\p{M}]/u;
const LATIN = /\p{Script=Latin}/u;
const MARKS = /\p{M}/gu;
/** scripts written without spaces between words: Latin whole-word rules do not apply next to them */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** One original character (a code point) folded: its kept letters and digits, or '' with a separator flag. */
function foldChar(ch: string, cp: number): string {
  // ASCII: the common case, no tables needed
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39)) return ch;
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    return '';
  }
  // CJK unified ideographs: NFKC and lower case leave them as they are
  if (cp >= 0x4e00 && cp <= 0x9fff) return ch;
  // full-width ASCII (U+FF01..FF5E) to half-width; NFKC does this too, this keeps it certain
  let s = cp >= 0xff01 && cp <= 0xff5e ? String.fromCharCode(cp - 0xfee0) : ch;
  s = s.normalize('NFKC').toLowerCase();
  if (LATIN.test(s)) s = s.normalize('NFD').replace(MARKS, '');
  let out = '';
  for (const c of s) if (KEEP.test(c)) out += c;
  return out;
}

/** Is this folded unit part of a Latin-style (space-separated) word? Letters of unspaced scripts are not. */
export function isWordUnit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return true; // folded ASCII is always a letter or digit
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  const cp = text.codePointAt(i) ?? code;
  return !UNSPACED.test(String.fromCodePoint(cp));
}

export function normalise(original: string): Normalised {
  const n = original.length;
  let text = '';
  const from = new Int32Array(n * 2 + 4);
  const to = new Int32Array(n * 2 + 4);
  const sepBefore = new Uint8Array(n * 2 + 4);
  let len = 0;
  let sep = false;
  let hasCjk = false;
  for (let i = 0; i < n;) {
    const cp = original.codePointAt(i)!;
    const ch = cp > 0xffff ? original.slice(i, i + 2) : original[i];
    const next = i + ch.length;
    const folded = foldChar(ch, cp);
    if (folded === '') {
      if (cp < 0x80 || !INVISIBLE.test(ch)) sep = true;
    } else {
      for (let k = 0; k < folded.length; k++) {
        // a character that folds into more units than the arrays hold (never in practice): grow them
        if (len >= from.length) return normaliseSlow(original);
        from[len] = i;
        to[len] = next;
        sepBefore[len] = k === 0 && sep ? 1 : 0;
        if (folded.charCodeAt(k) >= 0x2e80) hasCjk = true;
        len++;
      }
      text += folded;
      sep = false;
    }
    i = next;
  }
  if (hasCjk) text = simplifyKeepingLength(text);
  return { text, from: from.subarray(0, len), to: to.subarray(0, len), sepBefore: sepBefore.subarray(0, len) };
}

/** The same fold with arrays sized by the result, for the pathological case above. */
function normaliseSlow(original: string): Normalised {
  const from: number[] = [];
  const to: number[] = [];
  const sepBefore: number[] = [];
  let text = '';
  let sep = false;
  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const folded = foldChar(ch, cp);
    if (folded === '') {
      if (cp < 0x80 || !INVISIBLE.test(ch)) sep = true;
    } else {
      for (let k = 0; k < folded.length; k++) {
        from.push(i);
        to.push(i + ch.length);
        sepBefore.push(k === 0 && sep ? 1 : 0);
      }
      text += folded;
      sep = false;
    }
    i += ch.length;
  }
  return { text: simplifyKeepingLength(text), from: Int32Array.from(from), to: Int32Array.from(to), sepBefore: Uint8Array.from(sepBefore) };
}

/**
 * Traditional to simplified over the whole folded text (OpenCC converts phrases, which needs their
 * context). The offsets stay valid only if every unit maps to one unit; if a conversion changed the
 * length, each character is converted alone instead, keeping its own length.
 */
function simplifyKeepingLength(text: string): string {
  const whole = simplify(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const c of text) {
    const s = simplify(c);
    out += s.length === c.length ? s : c;
  }
  return out;
}

/** An entry of a word list folded the same way as the text it is matched in. */
export function normaliseWord(word: string): string {
  return normalise(word).text;
}
