import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, AVATAR_STYLES, CHAT_MAX, NAME_MAX } from '../../shared/constants';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { hasControlChars, visibleLength } from '../../shared/text';
import { checkChatText, checkName, parseChat, parseJoinOptions, parseMove } from '../../shared/validate';

describe('visibleLength / hasControlChars', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(visibleLength('abc')).toBe(3);
    expect(visibleLength('鼓浪屿')).toBe(3);
    expect(visibleLength('🦢')).toBe(1);
    expect('🦢'.length).toBe(2);
    expect(visibleLength('')).toBe(0);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['newline', '\n'],
    ['DEL', '\u007f'],
    ['C1 NEL', '\u0085'],
    ['zero-width space', '\u200b'],
    ['zero-width joiner', '\u200d'],
    ['left-to-right mark', '\u200e'],
    ['right-to-left override', '\u202e'],
    ['left-to-right embedding', '\u202a'],
    ['first strong isolate', '\u2068'],
    ['pop directional isolate', '\u2069'],
    ['byte order mark', '\ufeff'],
    ['Arabic letter mark', '\u061c'],
    ['soft hyphen', '\u00ad'],
    ['word joiner', '\u2060'],
    ['Mongolian vowel separator', '\u180e'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
    ['tag character', '\u{E0041}'],
    ['Hangul filler', '\u3164'],
    ['Hangul choseong filler', '\u115f'],
    ['halfwidth Hangul filler', '\uffa0'],
    ['combining grapheme joiner', '\u034f'],
  ])('flags %s', (_what, ch) => {
    expect(hasControlChars(`a${ch}b`)).toBe(true);
  });

  it('does not flag ordinary text in any script', () => {
    for (const s of ['Alice', '小白鹭', 'Ludao 鹭岛', 'Zoë', 'José', 'Привет', 'مرحبا', '한글', '🦢🌊', '❤️', '👍🏽', '🇨🇳', 'a-b_c.d']) {
      expect(hasControlChars(s), s).toBe(false);
    }
  });
});

describe('checkName', () => {
  it('trims and accepts ordinary names', () => {
    expect(checkName('  Alice  ')).toEqual({ ok: true, name: 'Alice' });
    expect(checkName('小白鹭')).toEqual({ ok: true, name: '小白鹭' });
    // Ideographic spaces count as whitespace too.
    expect(checkName('\u3000小白鹭\u3000')).toEqual({ ok: true, name: '小白鹭' });
  });

  it('normalizes to NFC so look-alike encodings are one name', () => {
    const decomposed = 'Zoe\u0308'; // e + combining diaeresis
    const r = checkName(decomposed);
    expect(r).toEqual({ ok: true, name: 'Zoë' });
  });

  it('refuses blank names', () => {
    for (const s of ['', ' ', '   ', '\u3000\u3000']) expect(checkName(s)).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses non-strings', () => {
    for (const v of [undefined, null, 42, {}, ['a']]) expect(checkName(v)).toEqual({ ok: false, problem: 'not_text' });
  });

  it('refuses a name made only of characters that draw nothing', () => {
    for (const s of ['\u3164', '\u3164\u3164\u3164', '\u115f', '\u00ad', '\u200b']) expect(checkName(s)).toMatchObject({ ok: false });
  });

  it('refuses control characters, bidi overrides and zero-width tricks anywhere, even at the ends', () => {
    for (const s of ['Ali\nce', 'Alice\n', '\tAlice', 'a\u0000', 'evil\u202Etxt.exe', 'a\u2066b', 'a\u200bb', '\ufeffAlice']) {
      expect(checkName(s)).toEqual({ ok: false, problem: 'control_chars' });
    }
  });

  it(`limits names to ${NAME_MAX} characters after trimming, counted as characters`, () => {
    expect(checkName('a'.repeat(NAME_MAX))).toMatchObject({ ok: true });
    expect(checkName('a'.repeat(NAME_MAX + 1))).toEqual({ ok: false, problem: 'too_long' });
    expect(checkName(`   ${'a'.repeat(NAME_MAX)}   `)).toEqual({ ok: true, name: 'a'.repeat(NAME_MAX) });
    // 24 汉字 fit, 25 do not.
    expect(checkName('鹭'.repeat(24))).toMatchObject({ ok: true });
    expect(checkName('鹭'.repeat(25))).toEqual({ ok: false, problem: 'too_long' });
    // An emoji is one character (two UTF-16 units).
    expect(checkName('🦢'.repeat(24))).toMatchObject({ ok: true });
    expect(checkName('🦢'.repeat(25))).toEqual({ ok: false, problem: 'too_long' });
  });
});

describe('checkChatText', () => {
  it('accepts 1..CHAT_MAX characters, trimmed', () => {
    expect(checkChatText(' hi ')).toEqual({ ok: true, text: 'hi' });
    expect(checkChatText('x')).toEqual({ ok: true, text: 'x' });
    expect(checkChatText('字'.repeat(CHAT_MAX))).toMatchObject({ ok: true });
    expect(checkChatText('🌊'.repeat(CHAT_MAX))).toMatchObject({ ok: true });
  });

  it('refuses empty and too long lines', () => {
    expect(checkChatText('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkChatText(' \n\t ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkChatText('x'.repeat(CHAT_MAX + 1))).toEqual({ ok: false, problem: 'too_long' });
    expect(checkChatText('字'.repeat(CHAT_MAX + 1))).toEqual({ ok: false, problem: 'too_long' });
  });

  it('folds newlines and tabs to single spaces, and refuses other control characters', () => {
    expect(checkChatText('one\ntwo\r\nthree\tfour')).toEqual({ ok: true, text: 'one two three four' });
    expect(checkChatText('a\u0007b')).toEqual({ ok: false, problem: 'control_chars' });
    expect(checkChatText('a\u202eb')).toEqual({ ok: false, problem: 'control_chars' });
  });

  it('refuses non-strings', () => {
    expect(checkChatText(5)).toEqual({ ok: false, problem: 'not_text' });
    expect(checkChatText(null)).toEqual({ ok: false, problem: 'not_text' });
  });

  it('keeps markup as plain text (rendering escapes it)', () => {
    expect(checkChatText('<img src=x onerror=alert(1)>')).toEqual({ ok: true, text: '<img src=x onerror=alert(1)>' });
  });
});

describe('parseMove', () => {
  const good = { x: 1.5, z: -2, ry: 0.3, moving: true };

  it('accepts a well-formed move', () => {
    expect(parseMove(good)).toEqual(good);
  });

  it.each([
    ['strings', { ...good, x: '1' }],
    ['NaN', { ...good, x: NaN }],
    ['Infinity', { ...good, z: Infinity }],
    ['out of range', { ...good, x: 1e6 }],
    ['yaw out of range', { ...good, ry: 1e9 }],
    ['non-boolean moving', { ...good, moving: 1 }],
    ['missing field', { x: 1, z: 1, ry: 0 }],
    ['extra field', { ...good, teleport: true }],
    ['null', null],
    ['array', [1, 2, 3, true]],
    ['string', 'move'],
  ])('refuses %s', (_what, raw) => {
    expect(parseMove(raw)).toBeNull();
  });
});

describe('parseChat', () => {
  it('accepts { text } and refuses anything else', () => {
    expect(parseChat({ text: 'hi' })).toEqual({ text: 'hi' });
    expect(parseChat({ text: 1 })).toBeNull();
    expect(parseChat({ text: 'hi', extra: 1 })).toBeNull();
    expect(parseChat('hi')).toBeNull();
    // Absurd sizes are cut off before any text processing.
    expect(parseChat({ text: 'x'.repeat(CHAT_MAX * 8 + 1) })).toBeNull();
  });
});

describe('parseJoinOptions', () => {
  const good = { protocol: PROTOCOL_VERSION, hallId: 'gulangyu', name: 'Alice', color: 0, style: 0 };

  it('accepts well-formed options (name rules are checked separately)', () => {
    expect(parseJoinOptions(good)).toEqual(good);
    expect(parseJoinOptions({ ...good, color: AVATAR_COLORS.length - 1, style: AVATAR_STYLES.length - 1 })).not.toBeNull();
  });

  it('refuses colours and styles outside the palette, odd hall ids and oversized names', () => {
    for (const bad of [
      { ...good, color: AVATAR_COLORS.length },
      { ...good, color: -1 },
      { ...good, color: 1.5 },
      { ...good, style: AVATAR_STYLES.length },
      { ...good, hallId: 'Gulangyu' },
      { ...good, hallId: '../x' },
      { ...good, hallId: '' },
      { ...good, name: 'x'.repeat(201) },
      { ...good, protocol: '1' },
      null,
    ]) {
      expect(parseJoinOptions(bad)).toBeNull();
    }
  });
});

describe('emoji are text, not tricks', () => {
  it('accepts joined and flag emoji in names and chat, each counting as one character', () => {
    for (const e of ['👨‍👩‍👧', '🇨🇳', '👍🏽', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏳️‍🌈']) {
      expect(checkName(`阿鹭${e}`)).toEqual({ ok: true, name: `阿鹭${e}` });
      expect(checkChatText(`好 ${e}`).ok).toBe(true);
      expect(checkName('鹭'.repeat(23) + e).ok).toBe(true);
      expect(checkName('鹭'.repeat(24) + e)).toEqual({ ok: false, problem: 'too_long' });
    }
  });

  it('still refuses a zero-width joiner that joins no emoji', () => {
    expect(checkName('a\u200Db')).toEqual({ ok: false, problem: 'control_chars' });
    expect(checkChatText('\u200D')).toEqual({ ok: false, problem: 'control_chars' });
  });
});
