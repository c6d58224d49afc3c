/**
 * The sensitive-word filter's folding and matching (server/moderation/wordFilter): evasions in zh
 * and en (symbols, spaces, zero-width characters and emoji between letters, full-width letters,
 * traditional characters, mixed case, accents) are found, masks land on the original characters,
 * and ordinary words that contain a listed one are left alone (whole-word rule for Latin words,
 * substring for Chinese).
 */
import { describe, expect, it } from 'vitest';
import {
  compileWordFilter,
  covers,
  normalise,
  parseEntry,
  parseList,
  starterLists,
  starterWordFilter,
  type WordEntry,
} from '../../server/moderation/wordFilter';

const entries = (...words: string[]): WordEntry[] =>
  words.map((w) => {
    const r = parseEntry(w);
    if (!r.ok) throw new Error(`bad test entry ${w}`);
    return r.entry;
  });
const filter = compileWordFilter(entries('赌博', '诈骗', '傻逼', 'fuck', 'cunt', 'meth', 'bitch*', '*shit*', 'online casino', 'k粉'));

describe('normalise', () => {
  it('folds case, full-width letters, accents and traditional characters', () => {
    expect(normalise('FuCk').text).toBe('fuck');
    expect(normalise('ｆｕｃｋ').text).toBe('fuck');
    expect(normalise('ＦＵＣＫ１２３').text).toBe('fuck123');
    expect(normalise('fück').text).toBe('fuck');
    expect(normalise('賭博').text).toBe('赌博');
    expect(normalise('詐騙').text).toBe('诈骗');
    expect(normalise('漢語 頭髮').text).toBe('汉语头发');
  });

  it('drops symbols, spaces, punctuation, zero-width characters and emoji, keeping letters and digits of any script', () => {
    expect(normalise('f.u.c.k').text).toBe('fuck');
    expect(normalise('f u c k').text).toBe('fuck');
    expect(normalise('傻*逼').text).toBe('傻逼');
    expect(normalise('赌\u200b博').text).toBe('赌博');
    expect(normalise('赌\u200d\ufeff博').text).toBe('赌博');
    expect(normalise('赌😀博').text).toBe('赌博');
    expect(normalise('赌　博！').text).toBe('赌博'); // ideographic space, full-width "!"
    expect(normalise('Привет, 世界 42').text).toBe('привет世界42');
  });

  it('maps every folded unit back to its original characters', () => {
    const n = normalise('a. 賭😀博');
    expect(n.text).toBe('a赌博');
    // "a" at 0; 賭 at 3; 博 after the two-unit emoji at 4..5, so at 6
    expect([...n.from]).toEqual([0, 3, 6]);
    expect([...n.to]).toEqual([1, 4, 7]);
  });

  it('records visible separators between kept characters, but not invisible ones', () => {
    expect([...normalise('ab cd').sepBefore]).toEqual([0, 0, 1, 0]);
    expect([...normalise('ab\u200bcd').sepBefore]).toEqual([0, 0, 0, 0]);
    expect([...normalise('ab😀cd').sepBefore]).toEqual([0, 0, 1, 0]);
  });
});

describe('check and mask: evasions', () => {
  const cases: [string, string, string][] = [
    // text, hit, masked
    ['你是傻*逼吗', '傻逼', '你是***吗'],
    ['傻 逼', '傻逼', '***'],
    ['f u c k', 'fuck', '*******'],
    ['f.u.c.k', 'fuck', '*******'],
    ['oh f.u.c.k you', 'fuck', 'oh ******* you'],
    ['ｆｕｃｋ', 'fuck', '****'],
    ['ＦＵＣＫ off', 'fuck', '**** off'],
    ['FuCk', 'fuck', '****'],
    ['f\u200bu\u200bc\u200bk', 'fuck', '*******'],
    ['f😀u😀c😀k', 'fuck', '*******'],
    ['一起来賭博吧', '赌博', '一起来**吧'],
    ['小心詐騙', '诈骗', '小心**'],
    ['赌\u200b博', '赌博', '***'],
    ['網上賭.博', '赌博', '網上***'],
    ['你fuck了', 'fuck', '你****了'],
    ['这是k粉', 'k粉', '这是**'],
    ['you bitches', 'bitch', 'you *******'],
    ['bullshit!', 'shit', '********!'],
    ['best ONLINE casino', 'onlinecasino', 'best *************'],
  ];
  for (const [text, hit, masked] of cases) {
    it(`${JSON.stringify(text)} -> ${masked}`, () => {
      expect(filter.check(text).hits).toEqual([hit]);
      expect(filter.mask(text)).toBe(masked);
    });
  }

  it('masks every hit of a line, each once', () => {
    expect(filter.mask('赌博 and fuck, 赌博')).toBe('** and ****, **');
    expect(filter.check('赌博 and fuck, 赌博').hits.sort()).toEqual(['fuck', '赌博']);
  });
});

describe('check and mask: no false positives', () => {
  // Latin words are whole words; an open edge (*) has to be asked for
  const clean = [
    'Scunthorpe United',
    'a new method of dating',
    'methane and ethanol',
    'bitcoin', // "bitch*" needs "bitch" itself at the start
    'hello world',
    'USB接口和sb1', // digits continue a word: "sb1" is not "sb"
    '今天天气很好，欢迎来到鼓浪屿',
    '我们的产品支持在线支付',
    'OK粉丝', // "k粉" needs a word boundary before the k
    '',
    '   ',
  ];
  for (const text of clean) {
    it(JSON.stringify(text), () => {
      expect(filter.check(text).hits).toEqual([]);
      expect(filter.mask(text)).toBe(text);
    });
  }
});

describe('list entries', () => {
  it('folds entries like text and marks open edges', () => {
    expect(parseEntry(' 賭博 ')).toEqual({ ok: true, entry: { word: '赌博', core: '赌博', openStart: false, openEnd: false } });
    expect(parseEntry('Bitch*')).toEqual({ ok: true, entry: { word: 'bitch*', core: 'bitch', openStart: false, openEnd: true } });
    expect(parseEntry('*F.U.C.K*')).toMatchObject({ ok: true, entry: { word: '*fuck*', core: 'fuck' } });
    // "*" only opens a Latin edge: a Chinese one matches anywhere already
    expect(parseEntry('*赌博*')).toMatchObject({ ok: true, entry: { word: '赌博', openStart: false, openEnd: false } });
    expect(parseEntry('傻b*')).toMatchObject({ ok: true, entry: { word: '傻b*', openStart: false, openEnd: true } });
  });

  it('knows when a listed entry already finds a new one', () => {
    const [loose, plain, prefix] = entries('*fuck*', 'fuck', 'fuck*');
    expect(covers(loose, plain)).toBe(true);
    expect(covers(loose, prefix)).toBe(true);
    expect(covers(plain, loose)).toBe(false);
    expect(covers(prefix, plain)).toBe(true);
    expect(covers(plain, entries('shit')[0])).toBe(false);
  });

  it('refuses entries that fold to nothing, one Latin letter, or too long', () => {
    expect(parseEntry('***')).toEqual({ ok: false, problem: 'empty' });
    expect(parseEntry('!?😀')).toEqual({ ok: false, problem: 'empty' });
    expect(parseEntry('a')).toEqual({ ok: false, problem: 'too_short' });
    expect(parseEntry('x'.repeat(41))).toEqual({ ok: false, problem: 'too_long' });
    // a single Chinese character is a word
    expect(parseEntry('屄').ok).toBe(true);
  });

  it('reads list files: one per line, # comments, blank lines', () => {
    expect(parseList('# comment\n\n赌博\r\n  fuck  \n# another\n').map((e) => e.word)).toEqual(['赌博', 'fuck']);
  });

  it('merges the same core listed twice with different edges (the looser one applies)', () => {
    const f = compileWordFilter(entries('scam', 'scam*'));
    expect(f.check('scammers everywhere').hits).toEqual(['scam']);
    expect(f.mask('a scam')).toBe('a ****');
  });

  it('an empty list finds nothing', () => {
    const f = compileWordFilter([]);
    expect(f.check('fuck 赌博').hits).toEqual([]);
    expect(f.mask('fuck')).toBe('fuck');
  });
});

describe('the starter lists', () => {
  const starter = starterWordFilter();

  it('ship a few dozen entries per language, all valid', () => {
    const l = starterLists();
    expect(l.zh.length).toBeGreaterThanOrEqual(30);
    expect(l.en.length).toBeGreaterThanOrEqual(30);
    expect(new Set(l.zh.map((e) => e.word)).size).toBe(l.zh.length);
  });

  it('find the usual evasions', () => {
    expect(starter.mask('你个傻*逼')).toBe('你个***');
    expect(starter.mask('网上賭博')).toBe('网上**');
    expect(starter.mask('F.U.C.K off')).toBe('******* off');
    expect(starter.mask('motherfucker')).toBe('************');
  });

  it('leave ordinary chat alone', () => {
    for (const text of [
      'Scunthorpe',
      'class assignment at the Sussex booth',
      'the analysis method and a peacock',
      'fire retardant coatings',
      'Wankel engine',
      '这是个大麻烦',
      '妈妈的手机',
      '去政务中心办证件',
      '反洗钱系统',
      '欢迎光临厦门软件园展位，了解我们的智能制造方案',
      'USB-C 接口',
    ]) {
      expect(starter.check(text).hits, text).toEqual([]);
    }
  });
});
