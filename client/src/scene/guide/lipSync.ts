/**
 * Mouth shapes from the text the guide says: the text is cut into syllables (one per Chinese
 * character, vowel groups in English words), each given a viseme and a slot at a measured speaking
 * rate, with short rests at punctuation. A Chinese syllable's viseme comes from its final (韵母),
 * read with pinyin-pro once that chunk has loaded (zhSyllables.ts, fetched when a tour starts);
 * until then a stable pick from the character stands in. Every syllable remembers where in the text
 * it starts, so the speech engine's boundary events (voiceClock.ts) can re-time the same track.
 */

/** The guide's vowel morphs, in the order `sampleMouth` writes them: あいうえお, as VRM names them. */
export const VISEMES = ['aa', 'ih', 'ou', 'ee', 'oh'] as const;
export type Viseme = (typeof VISEMES)[number];
const AA = 0;
const IH = 1;
const OU = 2;
const EE = 3;
const OH = 4;

/** Syllables a second: Mandarin read aloud runs at about 4 characters a second, English at about 3.5 syllables. */
export const RATE_ZH = 4;
export const RATE_EN = 3.5;
/** Rests, seconds: a comma-like mark, and the end of a sentence. */
const PAUSE_SHORT = 0.22;
const PAUSE_LONG = 0.45;

export interface Syllable {
  /** seconds from the start of the caption */
  start: number;
  dur: number;
  /** index into VISEMES */
  viseme: number;
  /** how wide the mouth opens at the peak, 0..1 */
  weight: number;
  /** UTF-16 index in the text where its character (or English word) starts: what a boundary event's charIndex names */
  char: number;
}

export interface MouthTrack {
  syllables: Syllable[];
  /** seconds, rests included */
  duration: number;
  /** the text it was made from */
  text: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SHORT_PAUSE = /[,，、;；:：]/;
const LONG_PAUSE = /[.。!！?？…]/;
const VOWEL_GROUP = /[aeiouy]+/g;

/** Reads the pinyin (toneless, e.g. "huan") of each Chinese character of a text, by UTF-16 index. */
export type PinyinReader = (text: string) => ReadonlyMap<number, string>;

let pinyinReader: PinyinReader | null = null;

/** Installs the pinyin reader (zhSyllables.ts) once its chunk has loaded; tracks made after it use it. */
export function setPinyinReader(reader: PinyinReader | null): void {
  pinyinReader = reader;
}

export function hasPinyin(): boolean {
  return pinyinReader !== null;
}

/**
 * Without pinyin a character's vowel is not in its code point, so the viseme is a stable pick from
 * it: the same text always moves the mouth the same way, and open vowels come up more often.
 */
const ZH_PICK = [0, 4, 0, 3, 1, 0, 2, 4, 3, 0, 1, 4];

/** The final (韵母) of a toneless pinyin syllable, its y/w spellings and j/q/x's "u" (= ü) undone. */
export function pinyinFinal(syllable: string): { initial: string; final: string } {
  const s = syllable.toLowerCase().replace(/v/g, 'ü');
  if (s.startsWith('yu')) return { initial: '', final: 'ü' + s.slice(2) };
  if (s.startsWith('yi')) return { initial: '', final: s.slice(1) };
  if (s.startsWith('y')) return { initial: '', final: 'i' + s.slice(1) };
  if (s.startsWith('wu')) return { initial: '', final: s.slice(1) };
  if (s.startsWith('w')) return { initial: '', final: 'u' + s.slice(1) };
  const m = /^(zh|ch|sh|[bpmfdtnlgkhjqxrzcs])/.exec(s);
  if (!m) return { initial: '', final: s };
  const initial = m[1];
  let final = s.slice(initial.length);
  if ('jqx'.includes(initial) && final.startsWith('u')) final = 'ü' + final.slice(1);
  return { initial, final };
}

/**
 * A Chinese syllable's viseme, from the vowel at the heart of its final (韵腹): a-finals open wide,
 * o-finals round, e-finals spread, i narrow, u and ü round and close. The medial (i, u, ü before
 * another vowel) is a glide the mouth passes through, so "huan" is an open "a". Two finals sound
 * unlike their letters: ian and üan are said [iɛn], -ong is a close [ʊŋ].
 */
export function pinyinViseme(syllable: string): number {
  const { initial, final } = pinyinFinal(syllable);
  // zhi chi shi ri zi ci si: the "i" is a buzzed consonant, lips barely apart
  if (final === 'i' && /^(zh|ch|sh|r|z|c|s)$/.test(initial)) return IH;
  if (final === 'ian' || final === 'üan') return EE;
  if (final.endsWith('ong')) return OU;
  // iu is iou, ui is uei, un is uen: the written form drops the heart vowel
  if (final === 'iu') return OH;
  if (final === 'ui') return EE;
  const body = /^[iuü][aeoê]/.test(final) ? final.slice(1) : final;
  switch (body[0]) {
    case 'a':
      return AA;
    case 'o':
      return OH;
    case 'e':
    case 'ê':
      return EE;
    case 'u':
    case 'ü':
      return OU;
    default:
      return IH; // i, in, ing, and the rare nasal syllables (嗯 n, 呣 m)
  }
}

/** `last`: the group ends the word ("we", "the": a close or weak vowel, where "wel", "pen" are open e) */
function englishViseme(group: string, last: boolean): number {
  if (group.includes('oo') || group.includes('ou') || group.startsWith('u')) return OU;
  switch (group[0]) {
    case 'a':
      return AA;
    case 'e':
      return group.length > 1 || !last ? EE : IH;
    case 'o':
      return OH;
    default:
      return IH; // i, y
  }
}

/** Vowel groups of one English word, a final silent "e" dropped ("stone" has one syllable). */
function englishSyllables(word: string): number[] {
  const lower = word.toLowerCase();
  const groups = lower.match(VOWEL_GROUP) ?? [];
  if (groups.length > 1 && /[^aeiouy]e$/.test(lower) && !/le$/.test(lower)) groups.pop();
  if (groups.length === 0) return /[a-z]/i.test(word) ? [IH] : [];
  const endsOpen = /[aeiouy]$/.test(lower);
  return groups.map((g, i) => englishViseme(g, endsOpen && i === groups.length - 1));
}

/** Builds the track for a caption: zh-first text may mix in Latin words (names, "Amoy Deco"). */
export function mouthTrack(text: string): MouthTrack {
  const syllables: Syllable[] = [];
  const pinyin = pinyinReader && CJK.test(text) ? pinyinReader(text) : null;
  let t = 0;
  let n = 0;
  const push = (viseme: number, rate: number, char: number) => {
    const dur = 1 / rate;
    // alternate slightly wider and narrower openings, so a run of one vowel still reads as syllables
    syllables.push({ start: t, dur, viseme, weight: n++ % 3 === 1 ? 0.7 : 0.95, char });
    t += dur;
  };
  let word = '';
  let wordAt = 0;
  const flushWord = () => {
    if (!word) return;
    for (const v of englishSyllables(word)) push(v, RATE_EN, wordAt);
    word = '';
  };
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    if (/[a-z']/i.test(ch)) {
      if (!word) wordAt = at;
      word += ch;
      continue;
    }
    flushWord();
    if (CJK.test(ch)) {
      const py = pinyin?.get(at);
      push(py ? pinyinViseme(py) : ZH_PICK[ch.codePointAt(0)! % ZH_PICK.length], RATE_ZH, at);
    } else if (/[0-9]/.test(ch)) push(AA, RATE_ZH, at);
    else if (LONG_PAUSE.test(ch)) t += PAUSE_LONG;
    else if (SHORT_PAUSE.test(ch) || ch === '\n') t += PAUSE_SHORT;
  }
  flushWord();
  return { syllables, duration: t, text };
}

/**
 * Re-reads a track's Chinese syllables with pinyin once it has loaded, in place: the timing (one
 * syllable per character either way) and the syllables' places stay, only the visemes change, so
 * a telling that began before the pinyin chunk arrived moves the right vowels from then on.
 */
export function refineTrack(track: MouthTrack): void {
  if (!pinyinReader || !CJK.test(track.text)) return;
  const pinyin = pinyinReader(track.text);
  for (const s of track.syllables) {
    const py = pinyin.get(s.char);
    if (py && CJK.test(track.text.charAt(s.char))) s.viseme = pinyinViseme(py);
  }
}

/**
 * The syllable a boundary event's `charIndex` starts: the first whose place in the text is at or
 * after it (engines report word starts, and a Chinese word is one or more characters). -1 past the end.
 */
export function syllableAtChar(track: MouthTrack, charIndex: number): number {
  const list = track.syllables;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].char < charIndex) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? lo : -1;
}

/** The syllable sounding at `t` seconds: the last starting at or before it, -1 before the first. */
export function syllableAt(track: MouthTrack, t: number): number {
  const list = track.syllables;
  if (list.length === 0 || t < list[0].start) return -1;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The viseme weights at time `t` (seconds) into `out` (length VISEMES.length, no allocation): each
 * syllable opens quickly, peaks a third of the way in and closes by its end, so the mouth shuts
 * between syllables and stays shut through rests.
 */
export function sampleMouth(track: MouthTrack, t: number, out: Float32Array): void {
  out.fill(0);
  if (t < 0 || t >= track.duration) return;
  const at = syllableAt(track, t);
  if (at < 0) return;
  const s = track.syllables[at];
  const k = (t - s.start) / s.dur;
  if (k < 0 || k >= 1) return;
  const open = k < 0.35 ? k / 0.35 : 1 - (k - 0.35) / 0.65;
  out[s.viseme] = s.weight * open;
}
