/**
 * Mouth shapes from caption text, with no voice yet: the text is cut into syllables (one per Chinese
 * character, vowel groups in English words), each given a viseme and a slot at a measured speaking
 * rate, with short rests at punctuation. The guide samples it every frame while a caption shows.
 * When speech synthesis arrives, its boundary events can re-time the same syllables.
 */

/** The guide's vowel morphs, in the order `sampleMouth` writes them. */
export const VISEMES = ['aa', 'ih', 'ou', 'ee', 'oh'] as const;
export type Viseme = (typeof VISEMES)[number];

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
}

export interface MouthTrack {
  syllables: Syllable[];
  /** seconds, rests included */
  duration: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SHORT_PAUSE = /[,，、;；:：]/;
const LONG_PAUSE = /[.。!！?？…]/;
const VOWEL_GROUP = /[aeiouy]+/g;

/**
 * A Chinese character's vowel is not in its code point (a pinyin table would give it: pinyin-pro, not
 * installed yet), so the viseme is a stable pick from it: the same text always moves the mouth the
 * same way, and open vowels come up more often, as they do in speech.
 */
const ZH_PICK = [0, 4, 0, 3, 1, 0, 2, 4, 3, 0, 1, 4];

function englishViseme(group: string): number {
  if (group.includes('oo') || group.includes('ou') || group.startsWith('u')) return 2;
  switch (group[0]) {
    case 'a':
      return 0;
    case 'e':
      return group.length > 1 ? 3 : 1;
    case 'o':
      return 4;
    default:
      return 1; // i, y
  }
}

/** Vowel groups of one English word, a final silent "e" dropped ("stone" has one syllable). */
function englishSyllables(word: string): number[] {
  const groups = word.toLowerCase().match(VOWEL_GROUP) ?? [];
  if (groups.length > 1 && /[^aeiouy]e$/.test(word.toLowerCase()) && !/le$/.test(word.toLowerCase())) groups.pop();
  if (groups.length === 0) return /[a-z]/i.test(word) ? [1] : [];
  return groups.map(englishViseme);
}

/** Builds the track for a caption: zh-first text may mix in Latin words (names, "Amoy Deco"). */
export function mouthTrack(text: string): MouthTrack {
  const syllables: Syllable[] = [];
  let t = 0;
  let n = 0;
  const push = (viseme: number, rate: number) => {
    const dur = 1 / rate;
    // alternate slightly wider and narrower openings, so a run of one vowel still reads as syllables
    syllables.push({ start: t, dur, viseme, weight: n++ % 3 === 1 ? 0.7 : 0.95 });
    t += dur;
  };
  let word = '';
  const flushWord = () => {
    if (!word) return;
    for (const v of englishSyllables(word)) push(v, RATE_EN);
    word = '';
  };
  for (const ch of text) {
    if (/[a-z']/i.test(ch)) {
      word += ch;
      continue;
    }
    flushWord();
    if (CJK.test(ch)) push(ZH_PICK[ch.codePointAt(0)! % ZH_PICK.length], RATE_ZH);
    else if (/[0-9]/.test(ch)) push(0, RATE_ZH);
    else if (LONG_PAUSE.test(ch)) t += PAUSE_LONG;
    else if (SHORT_PAUSE.test(ch) || ch === '\n') t += PAUSE_SHORT;
  }
  flushWord();
  return { syllables, duration: t };
}

/**
 * The viseme weights at time `t` (seconds) into `out` (length VISEMES.length, no allocation): each
 * syllable opens quickly, peaks a third of the way in and closes by its end, so the mouth shuts
 * between syllables and stays shut through rests.
 */
export function sampleMouth(track: MouthTrack, t: number, out: Float32Array): void {
  out.fill(0);
  const list = track.syllables;
  if (t < 0 || t >= track.duration || list.length === 0) return;
  // binary search for the last syllable starting at or before t
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  const s = list[lo];
  const k = (t - s.start) / s.dur;
  if (k < 0 || k >= 1) return;
  const open = k < 0.35 ? k / 0.35 : 1 - (k - 0.35) / 0.65;
  out[s.viseme] = s.weight * open;
}
