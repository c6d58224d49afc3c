/** Text rules shared by the server (authoritative) and the client forms (early feedback). */

// Characters that make names lie: C0/C1 controls (Cc); every format character (Cf: bidi marks,
// overrides and isolates, zero-width spaces and joiners, soft hyphen, word joiner, tag characters);
// line/paragraph separators; and the Hangul fillers and combining grapheme joiner, letters that
// draw nothing (a name of only those would be a blank name that passes the emptiness check).
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029\u034f\u115f\u1160\u3164\uffa0]/u;

export function hasControlChars(s: string): boolean {
  return CONTROL.test(s);
}

/** Length in user-perceived characters (so one emoji or one 汉字 counts as one). */
export function visibleLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
