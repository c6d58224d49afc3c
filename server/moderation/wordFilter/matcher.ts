/**
 * A word filter compiled from word lists: one Aho-Corasick automaton (modern-ahocorasick) over the
 * folded text of normalise.ts, so a message is scanned once whatever the size of the lists.
 *
 * How a match counts:
 * - Chinese (and any unspaced script): a substring of the folded text. "赌博" is found in "网上赌博",
 *   in "賭.博" and in "赌 博".
 * - Latin words: whole words. At a Latin edge of an entry the text must have a word boundary: the
 *   start or end of the text, a visible separator in the original (space, punctuation, symbol,
 *   emoji), or a character of an unspaced script. So "cunt" is not found in "Scunthorpe" nor "meth"
 *   in "method", while "f.u.c.k", "f u c k" and "你fuck" are found (separators inside an entry are
 *   skipped). An entry may open an edge with "*": "bitch*" also finds "bitches", "*fuck*" finds
 *   "motherfucker".
 *
 * The cost of the whole-word rule: letters that someone spaces out are separate words to it, so a
 * run of short words that spells an entry ("a ss") would match; the starter lists leave out such
 * short, ambiguous words (see assets/moderation/words.en.txt).
 */
import AhoCorasick from 'modern-ahocorasick';
import { WORD_MAX } from '../../../shared/api/wordList';
import { isWordUnit, normalise, normaliseWord, type Normalised } from './normalise';

export interface WordFilter {
  /** the folded entries found in the text (each once) */
  check(text: string): { hits: string[] };
  /** the text with every hit's original characters (and the symbols inside it) replaced by '*' */
  mask(text: string): string;
  /** changes whenever the lists are compiled again */
  version: number;
}

/** One list entry: its folded core and which edges may continue into a longer word. */
export interface WordEntry {
  /** canonical form, as stored and shown: "*" + core + "*" where an edge is open */
  word: string;
  core: string;
  openStart: boolean;
  openEnd: boolean;
}

export type EntryProblem = 'empty' | 'too_short' | 'too_long';

/**
 * Parses one line of a list. A Latin-only entry needs two letters at least: one letter would
 * hide every "a" or "i" in chat. A Chinese entry may be a single character.
 */
export function parseEntry(raw: string): { ok: true; entry: WordEntry } | { ok: false; problem: EntryProblem } {
  const line = raw.trim();
  if (line.length > WORD_MAX) return { ok: false, problem: 'too_long' };
  const core = normaliseWord(line.replace(/^\*+|\*+$/g, ''));
  if (!core) return { ok: false, problem: 'empty' };
  if (core.length < 2 && isWordUnit(core, 0)) return { ok: false, problem: 'too_short' };
  // "*" means something only at a Latin edge: a Chinese edge matches anywhere already
  const openStart = line.startsWith('*') && isWordUnit(core, 0);
  const openEnd = line.length > 1 && line.endsWith('*') && isWordUnit(core, core.length - 1);
  return { ok: true, entry: { word: `${openStart ? '*' : ''}${core}${openEnd ? '*' : ''}`, core, openStart, openEnd } };
}

/** Does `listed` already find everything `e` would? (same core, and each edge at least as open) */
export function covers(listed: WordEntry, e: WordEntry): boolean {
  return listed.core === e.core && (listed.openStart || !e.openStart) && (listed.openEnd || !e.openEnd);
}

/** The entries of a list file: one per line, '#' starts a comment line; lines that fold to nothing are skipped. */
export function parseList(text: string): WordEntry[] {
  const out: WordEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const r = parseEntry(line);
    if (r.ok) out.push(r.entry);
  }
  return out;
}

interface Pattern {
  core: string;
  /** the core's first / last unit is a Latin-style word letter: whole-word rules apply there */
  latinStart: boolean;
  latinEnd: boolean;
  /** every way the core was listed; a match counts when one of them accepts it */
  variants: { openStart: boolean; openEnd: boolean }[];
}

function boundaryAt(n: Normalised, k: number): boolean {
  if (k <= 0 || k >= n.text.length) return true;
  return n.sepBefore[k] === 1 || !isWordUnit(n.text, k - 1) || !isWordUnit(n.text, k);
}

export function compileWordFilter(entries: readonly WordEntry[], version = 0): WordFilter {
  const byCore = new Map<string, Pattern>();
  for (const e of entries) {
    let p = byCore.get(e.core);
    if (!p) {
      p = { core: e.core, latinStart: isWordUnit(e.core, 0), latinEnd: isWordUnit(e.core, e.core.length - 1), variants: [] };
      byCore.set(e.core, p);
    }
    if (!p.variants.some((v) => v.openStart === e.openStart && v.openEnd === e.openEnd)) p.variants.push({ openStart: e.openStart, openEnd: e.openEnd });
  }
  const patterns = [...byCore.values()];
  const automaton = new AhoCorasick<Pattern>(patterns.map((p) => ({ pattern: p.core, data: p })));

  /** the accepted matches in folded coordinates */
  function find(n: Normalised): { start: number; end: number; core: string }[] {
    if (!n.text) return [];
    const out: { start: number; end: number; core: string }[] = [];
    for (const m of automaton.search(n.text)) {
      const p = m.data!;
      const startOk = !p.latinStart || boundaryAt(n, m.start);
      const endOk = !p.latinEnd || boundaryAt(n, m.end);
      if (!p.variants.some((v) => (v.openStart || startOk) && (v.openEnd || endOk))) continue;
      // an open edge ("bitch*") masks the whole word it is part of ("bitches"), not just the listed letters
      let start = m.start;
      let end = m.end;
      if (p.latinStart) while (!boundaryAt(n, start)) start--;
      if (p.latinEnd) while (!boundaryAt(n, end)) end++;
      out.push({ start, end, core: p.core });
    }
    return out;
  }

  return {
    version,
    check(text) {
      const hits = find(normalise(text)).map((m) => m.core);
      return { hits: [...new Set(hits)] };
    },
    mask(text) {
      const n = normalise(text);
      const found = find(n);
      if (!found.length) return text;
      // original ranges of the hits, merged, in order
      const spans = found.map((m) => [n.from[m.start], n.to[m.end - 1]] as [number, number]).sort((a, b) => a[0] - b[0]);
      let out = '';
      let at = 0;
      for (const [s, e] of spans) {
        if (e <= at) continue;
        const from = Math.max(s, at);
        out += text.slice(at, from);
        // one '*' per character (code point), so a masked word keeps its visible length
        for (const _ of text.slice(from, e)) out += '*';
        at = e;
      }
      return out + text.slice(at);
    },
  };
}
