/** Text rules shared by the server (authoritative) and the client forms (early feedback). */

// C0/C1 control characters, plus bidi overrides and zero-width tricks that make names lie.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export function hasControlChars(s: string): boolean {
  return CONTROL.test(s);
}

/** Length in user-perceived characters (so one emoji or one 汉字 counts as one). */
export function visibleLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
