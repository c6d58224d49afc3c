/**
 * The guide's mouth and voice without a browser (issue #12): Chinese syllables take their viseme
 * from the final pinyin-pro reads (in context: 银行 is háng), English from its vowel letters; every
 * syllable knows where in the text it starts, so the speech engine's boundary events re-time the
 * track; the voice is a local one for the caption language or none at all. Strings are the tour's own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getLayout } from '../../shared/halls';
import {
  mouthTrack,
  pinyinFinal,
  pinyinViseme,
  refineTrack,
  sampleMouth,
  setPinyinReader,
  syllableAt,
  syllableAtChar,
  VISEMES,
} from '../../client/src/scene/guide/lipSync';
import { readPinyin } from '../../client/src/scene/guide/zhSyllables';
import { VoiceClock } from '../../client/src/scene/guide/voiceClock';
import { pickVoice, type VoiceInfo } from '../../client/src/scene/guide/speech';
import { stopCaption, spokenText } from '../../client/src/ui/guide/tourScript';

type VisemeName = (typeof VISEMES)[number];
const layout = getLayout('gulangyu');
const zh = (i: number) => spokenText(stopCaption(layout, i, 'zh-CN')!);
const en = (i: number) => spokenText(stopCaption(layout, i, 'en')!);

/** The visemes of a text's syllables, by name. */
const names = (text: string) => mouthTrack(text).syllables.map((s) => VISEMES[s.viseme]);

afterEach(() => setPinyinReader(null));

describe('Chinese finals to visemes', () => {
  it('undoes the y/w spellings and the j/q/x "u"', () => {
    expect(pinyinFinal('yu')).toEqual({ initial: '', final: 'ü' });
    expect(pinyinFinal('ying')).toEqual({ initial: '', final: 'ing' });
    expect(pinyinFinal('yan')).toEqual({ initial: '', final: 'ian' });
    expect(pinyinFinal('wo')).toEqual({ initial: '', final: 'uo' });
    expect(pinyinFinal('wu')).toEqual({ initial: '', final: 'u' });
    expect(pinyinFinal('qun')).toEqual({ initial: 'q', final: 'ün' });
    expect(pinyinFinal('zhuang')).toEqual({ initial: 'zh', final: 'uang' });
    expect(pinyinFinal('lü')).toEqual({ initial: 'l', final: 'ü' });
  });

  it('gives each final the vowel at its heart', () => {
    const cases: [string, VisemeName][] = [
      ['huan', 'aa'], // the medial u is a glide: an open a
      ['lai', 'aa'],
      ['dao', 'aa'],
      ['lang', 'aa'],
      ['ying', 'ih'],
      ['shi', 'ih'], // the buzzed i of zhi chi shi
      ['gu', 'ou'],
      ['yu', 'ou'], // ü rounds like u
      ['cong', 'ou'], // -ong is a close [ʊŋ]
      ['wo', 'oh'],
      ['tou', 'oh'],
      ['qiu', 'oh'], // iu is iou
      ['men', 'ee'],
      ['de', 'ee'],
      ['dui', 'ee'], // ui is uei
      ['tian', 'ee'], // ian is said [iɛn]
      ['yuan', 'ee'],
      ['xue', 'ee'],
    ];
    for (const [py, v] of cases) expect(VISEMES[pinyinViseme(py)], py).toBe(v);
  });

  it('reads the pinyin of the tour’s own Chinese, each character by its place in the text', () => {
    const text = zh(0);
    expect(text.startsWith('欢迎来到鼓浪屿！我们从三丘田码头出发。')).toBe(true);
    const py = readPinyin(text);
    expect(py.get(0)).toBe('huan');
    expect(py.get(text.indexOf('屿'))).toBe('yu');
    expect(py.get(text.indexOf('丘'))).toBe('qiu');
    expect(py.has(text.indexOf('！'))).toBe(false);
    // in context: the same character, two readings
    const bank = readPinyin('银行行长');
    expect([bank.get(1), bank.get(2)]).toEqual(['hang', 'hang']);
    expect(readPinyin('步行').get(1)).toBe('xing');
  });

  it('moves the mouth by the finals once pinyin is loaded: 欢迎来到鼓浪屿', () => {
    setPinyinReader(readPinyin);
    // huan ying lai dao gu lang yu
    expect(names('欢迎来到鼓浪屿！')).toEqual(['aa', 'ih', 'aa', 'aa', 'ou', 'aa', 'ou']);
    // 我们从三丘田码头出发: wo men cong san qiu tian ma tou chu fa
    expect(names('我们从三丘田码头出发。')).toEqual(['oh', 'ee', 'ou', 'aa', 'oh', 'ee', 'aa', 'oh', 'ou', 'aa']);
  });

  it('every stop of both halls: one syllable a character, and all five visemes in use', () => {
    setPinyinReader(readPinyin);
    const seen = new Set<string>();
    for (const hall of ['gulangyu', 'shapowei'] as const) {
      const l = getLayout(hall);
      l.tourStops.forEach((_, i) => {
        const text = spokenText(stopCaption(l, i, 'zh-CN')!);
        const t = mouthTrack(text);
        const hanzi = [...text].filter((c) => /[\u3400-\u9fff]/.test(c)).length;
        expect(t.syllables.filter((s) => /[\u3400-\u9fff]/.test(text[s.char])).length).toBe(hanzi);
        for (const s of t.syllables) seen.add(VISEMES[s.viseme]);
      });
    }
    expect([...seen].sort()).toEqual([...VISEMES].sort());
  });

  it('a track made before pinyin arrived is re-read in place, its timing kept', () => {
    const text = zh(2);
    const t = mouthTrack(text);
    const times = t.syllables.map((s) => s.start);
    setPinyinReader(readPinyin);
    refineTrack(t);
    expect(t.syllables.map((s) => s.start)).toEqual(times);
    expect(t.syllables.map((s) => s.viseme)).toEqual(mouthTrack(text).syllables.map((s) => s.viseme));
  });
});

describe('English by vowel letters', () => {
  it('the first stop in English', () => {
    // Wel-come to Gu-lang-yu! We start at San-qiu-tian pier.
    const t = mouthTrack(en(0).split('\n')[0]);
    expect(t.syllables.map((s) => VISEMES[s.viseme]).slice(0, 6)).toEqual(['ee', 'oh', 'oh', 'ou', 'aa', 'ih']);
    // every syllable of a word starts at that word, as boundary events name it
    const text = t.text;
    expect(t.syllables[0].char).toBe(0);
    expect(t.syllables[1].char).toBe(0);
    expect(t.syllables[2].char).toBe(text.indexOf('to'));
    expect(t.syllables[3].char).toBe(text.indexOf('Gulangyu'));
  });
});

describe('boundary events re-time the track', () => {
  it('finds the syllable a word starts at, and the syllable sounding at a time', () => {
    const text = zh(0);
    const t = mouthTrack(text);
    const at = text.indexOf('码头');
    const i = syllableAtChar(t, at);
    expect(t.syllables[i].char).toBe(at);
    expect(syllableAt(t, t.syllables[i].start + 0.01)).toBe(i);
    expect(syllableAtChar(t, text.length + 5)).toBe(-1);
  });

  it('jumps to the named syllable, runs at the voice’s rate, waits for the voice to start, closes at the end', () => {
    let now = 100;
    const clock = new VoiceClock(() => now);
    const text = zh(0);
    const t = mouthTrack(text);
    clock.said(t);
    // not sounding yet: the mouth holds at the start
    expect(clock.advance(t, 0, 0.1)).toBe(0);
    expect(clock.speaking(t)).toBe(true);
    now += 0.2;
    clock.started();
    expect(clock.advance(t, 0, 0.1)).toBeCloseTo(0.1);
    // the voice is slower than the measured rate: at 码 after 4 s of speaking
    now += 4;
    const ma = text.indexOf('码');
    clock.boundary(ma);
    const target = t.syllables[syllableAtChar(t, ma)].start;
    expect(clock.advance(t, 1.9, 0.05)).toBeCloseTo(target);
    expect(clock.rate).toBeCloseTo(target / 4, 3);
    expect(clock.advance(t, target, 0.1)).toBeCloseTo(target + 0.1 * clock.rate);
    expect(clock.last).toMatchObject({ char: ma, syllable: syllableAtChar(t, ma) });
    // paused: the voice's own time stops too
    clock.pause();
    now += 10;
    clock.resume();
    expect(clock.speaking(t)).toBe(true);
    // the end: the mouth goes to rest and the telling may move on
    clock.ended();
    expect(clock.speaking(t)).toBe(false);
    expect(clock.advance(t, target, 0.05)).toBe(t.duration);
    const mouth = new Float32Array(VISEMES.length);
    sampleMouth(t, t.duration, mouth);
    expect(Math.max(...mouth)).toBe(0);
  });

  it('an engine that never starts is not waited for; another track is not its business', () => {
    let now = 0;
    const clock = new VoiceClock(() => now);
    const t = mouthTrack(zh(1));
    clock.said(t);
    now = 2.5;
    expect(clock.speaking(t)).toBe(false);
    expect(clock.advance(t, 0.3, 0.1)).toBeCloseTo(0.4);
    const other = mouthTrack(zh(2));
    expect(clock.advance(other, 1, 0.1)).toBeCloseTo(1.1);
    expect(clock.speaking(other)).toBe(false);
  });
});

describe('the voice is local or none', () => {
  const voice = (name: string, lang: string, localService: boolean, isDefault = false): VoiceInfo => ({ name, lang, localService, default: isDefault });
  const voices = [
    voice('Google 普通话（中国大陆）', 'zh-CN', false, true),
    voice('Google US English', 'en-US', false),
    voice('Cantonese (local)', 'zh-HK', true),
    voice('Mandarin Taiwan (local)', 'zh-TW', true),
    voice('Ting-Ting (local)', 'zh_CN', true),
    voice('Samantha (local)', 'en-US', true),
  ];

  it('takes a local voice for the caption language, mainland Mandarin first, never a cloud one', () => {
    expect(pickVoice(voices, 'zh-CN')?.name).toBe('Ting-Ting (local)');
    expect(
      pickVoice(
        voices.filter((v) => v.name !== 'Ting-Ting (local)'),
        'zh-CN',
      )?.name,
    ).toBe('Mandarin Taiwan (local)');
    expect(pickVoice(voices, 'en')?.name).toBe('Samantha (local)');
  });

  it('with only cloud voices (or only Cantonese for Chinese), none: captions alone', () => {
    expect(
      pickVoice(
        voices.filter((v) => !v.localService),
        'zh-CN',
      ),
    ).toBeNull();
    expect(
      pickVoice(
        voices.filter((v) => !v.localService),
        'en',
      ),
    ).toBeNull();
    expect(pickVoice([voice('Cantonese (local)', 'zh-HK', true), voice('yue', 'yue-HK', true)], 'zh-CN')).toBeNull();
    expect(pickVoice([], 'zh-CN')).toBeNull();
  });
});
