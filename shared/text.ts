/** Text rules shared by the server (authoritative) and the client forms (early feedback). No zod here: the visitor's bundle runs these. */
import { CHAT_MAX, NAME_MAX } from './constants';

// Characters that make names lie: C0/C1 controls (Cc); every format character (Cf: bidi marks,
// overrides and isolates, zero-width spaces and joiners, soft hyphen, word joiner, tag characters);
// line/paragraph separators; and the Hangul fillers and combining grapheme joiner, letters that
// draw nothing (a name of only those would be a blank name that passes the emptiness check).
// (The combining grapheme joiner stands outside the class: inside one it would read as combining.)
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029\u115f\u1160\u3164\uffa0]|\u034f/u;

// The format characters that legitimately build one emoji: a zero-width joiner between two
// pictographs (👨‍👩‍👧), and tag characters after a black flag (🏴 subdivision flags).
const EMOJI_ZWJ = /(?<=\p{Extended_Pictographic}\uFE0F?[\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic})/gu;
const EMOJI_TAGS = /(?<=\u{1F3F4})[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

export function hasControlChars(s: string): boolean {
  return CONTROL.test(s.replace(EMOJI_ZWJ, '').replace(EMOJI_TAGS, ''));
}

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** Length in user-perceived characters: one 汉字, one emoji (even 👨‍👩‍👧 or 🇨🇳) counts as one. */
export function visibleLength(s: string): number {
  let n = 0;
  if (graphemes) {
    for (const _ of graphemes.segment(s)) n++;
  } else {
    for (const _ of s) n++;
  }
  return n;
}

export type NameProblem = 'empty' | 'too_long' | 'control_chars' | 'not_text';

/** Trims, then checks 1..NAME_MAX characters with no control characters. */
export function checkName(raw: unknown): { ok: true; name: string } | { ok: false; problem: NameProblem } {
  if (typeof raw !== 'string') return { ok: false, problem: 'not_text' };
  if (hasControlChars(raw)) return { ok: false, problem: 'control_chars' };
  const name = raw.trim().normalize('NFC');
  if (name.length === 0) return { ok: false, problem: 'empty' };
  if (visibleLength(name) > NAME_MAX) return { ok: false, problem: 'too_long' };
  return { ok: true, name };
}

export type ChatProblem = 'empty' | 'too_long' | 'control_chars' | 'not_text';
export type LineCheck = { ok: true; text: string } | { ok: false; problem: ChatProblem };

/** A chat line: at most CHAT_MAX characters, see checkLineText. */
export function checkChatText(raw: unknown): LineCheck {
  return checkLineText(raw, CHAT_MAX);
}

/** One line of text for everyone in a hall (chat, announcements): 1..max visible characters. */
export function checkLineText(raw: unknown, max: number): LineCheck {
  if (typeof raw !== 'string') return { ok: false, problem: 'not_text' };
  // Newlines and tabs are the only control characters a chat line may carry; they are folded to spaces.
  const folded = raw.replace(/[\r\n\t]+/g, ' ');
  if (hasControlChars(folded)) return { ok: false, problem: 'control_chars' };
  const text = folded.trim().normalize('NFC');
  if (text.length === 0) return { ok: false, problem: 'empty' };
  if (visibleLength(text) > max) return { ok: false, problem: 'too_long' };
  return { ok: true, text };
}
