/** Text rules shared by the server (authoritative) and the client forms (early feedback). */

// Characters that make names lie: C0/C1 controls (Cc); every format character (Cf: bidi marks,
// overrides and isolates, zero-width spaces and joiners, soft hyphen, word joiner, tag characters);
// line/paragraph separators; and the Hangul fillers and combining grapheme joiner, letters that
// draw nothing (a name of only those would be a blank name that passes the emptiness check).
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029\u034f\u115f\u1160\u3164\uffa0]/u;

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
