/**
 * Ask the guide (issue #12): the matcher over the real demo expo — its 24 companies and their
 * products placed the way the seed places them, both halls' landmarks, the seeded programme on a
 * fixed day — asked in Chinese and English, with slips, traditional characters and full-width
 * letters, and with hostile input (empty, emoji, 10 000 characters, SQL, HTML, control characters).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_COMPANIES } from '../../server/seed/companies';
import { DEMO_PROGRAMME } from '../../server/agenda/seed';
import { HALL_IDS, getLayout, isHallId } from '../../shared/halls';
import { isWalkable } from '../../shared/layout';
import type { BoothView } from '../../shared/api/schemas';
import { askGuide, cleanQuestion, gramsOf, QUESTION_MAX, type AskAnswer, type AskBooth, type AskData } from '../../client/src/ui/guide/ask/matcher';
import { askData, boothOf, hallPlaces } from '../../client/src/ui/guide/ask/askData';
import { fold } from '../../client/src/ui/guide/ask/fold';
import { zhCN } from '../../client/src/ui/guide/ask/locales/zh-CN';
import { en } from '../../client/src/ui/guide/ask/locales/en';

// the seed gives each company the next free slot of its hall, in layout order (server/seed/demo.ts)
const taken: Record<string, number> = {};
const booths: AskBooth[] = DEMO_COMPANIES.map((c) => {
  const i = (taken[c.hall] = (taken[c.hall] ?? -1) + 1);
  return {
    boothId: c.key,
    hallId: c.hall,
    slotId: getLayout(c.hall).boothSlots[i].id,
    name: { zh: c.name[0], en: c.name[1] },
    title: { zh: c.title[0], en: c.title[1] },
    description: { zh: c.description[0], en: c.description[1] },
    products: c.products.map((p) => ({ name: { zh: p.name[0], en: p.name[1] }, description: { zh: p.description[0], en: p.description[1] } })),
  };
});

// the programme on 3 December 2026, China time (the seed's clock)
const DAY = Date.UTC(2026, 11, 3) - 8 * 3600_000;
const at = (day: number, hm: string) => DAY + day * 86_400_000 + (Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3))) * 60_000;
const sessions = DEMO_PROGRAMME.map((s, i) => ({
  id: `s${i}`,
  hallId: s.hall,
  title: { zh: s.title[0], en: s.title[1] },
  speakers: s.speakers.map((p) => p.name),
  tags: s.tags,
  startsAt: at(s.day, s.from),
  endsAt: at(s.day, s.to),
}));
const halls = Object.fromEntries(HALL_IDS.map((h) => [h, getLayout(h).name]));
const inGulangyu: AskData = { hallId: 'gulangyu', halls, booths, places: HALL_IDS.flatMap(hallPlaces), sessions };
const inShapowei: AskData = { ...inGulangyu, hallId: 'shapowei' };
const MORNING = at(0, '10:40'); // the piano talk (10:30-11:15) is on; the walking tour (14:00) is next

const ask = (q: unknown, data = inGulangyu, now = MORNING) => askGuide(q, data, now);
const firstId = (a: AskAnswer) => {
  const t = a.targets[0];
  return t ? (t.kind === 'booth' ? t.boothId : t.id) : null;
};
const sessionTitled = (zh: string) => sessions.find((s) => s.title.zh === zh)!;

describe('where is X', () => {
  it('finds a company by its Chinese and its English name, in its hall', () => {
    for (const q of ['琴岛声学在哪里？', '请问琴岛声学的展位在什么地方', 'Where is Piano Isle Acoustics?', 'how do I get to piano isle acoustics']) {
      const a = ask(q);
      expect(a.kind, q).toBe('where');
      expect(a.key, q).toBe('where.booth');
      expect(firstId(a), q).toBe('piano-isle');
      expect(a.params.name).toEqual({ zh: '琴岛声学', en: 'Piano Isle Acoustics' });
    }
    // its slot is the one the seed gave it, so "take me there" walks to the right booth
    const t = ask('琴岛声学在哪里').targets[0];
    expect(t).toMatchObject({ kind: 'booth', hallId: 'gulangyu', slotId: 'pier-s1' });
  });

  it('forgives slips, traditional characters, full-width letters and case', () => {
    expect(firstId(ask('鹭影数子在哪'))).toBe('egret-vision'); // 字 -> 子
    expect(firstId(ask('鹭影數字在哪裡'))).toBe('egret-vision'); // traditional
    expect(firstId(ask('where is Egret Vison'))).toBe('egret-vision'); // a letter dropped
    expect(firstId(ask('WHERE IS EGERT VISION DIGITAL'))).toBe('egret-vision'); // two letters swapped
    expect(firstId(ask('ＰＩＡＮＯ ＩＳＬＥ ＡＣＯＵＳＴＩＣＳ'))).toBe('piano-isle'); // full width
  });

  it('tells a landmark from the company named after it', () => {
    const rock = ask('日光岩在哪里');
    expect(rock.key).toBe('where.place');
    expect(rock.targets).toHaveLength(1);
    expect(rock.targets[0]).toMatchObject({ kind: 'place', id: 'sunlight-rock', hallId: 'gulangyu' });
    expect(firstId(ask('日光岩智能在哪里'))).toBe('sunlight-ai');
    expect(firstId(ask('八卦楼在哪'))).toBe('bagua-lou');
    expect(firstId(ask('八卦楼互动的展台'))).toBe('octagon');
    const en = ask('Where is Sunlight Rock?');
    expect(en.kind).toBe('where');
    expect(firstId(en)).toBe('sunlight-rock');
    expect(firstId(ask('where is sunlihgt rock'))).toBe('sunlight-rock');
  });

  it('knows a place by a part of its name, the stage of this hall, the ferry and the other hall', () => {
    expect(firstId(ask('四十四桥怎么走'))).toBe('shuzhuang');
    expect(firstId(ask('钢琴博物馆在哪'))).toBe('piano-museum');
    const stage = ask('舞台在哪');
    expect(stage.targets).toHaveLength(1);
    expect(stage.targets[0]).toMatchObject({ kind: 'place', id: 'stage', hallId: 'gulangyu' });
    expect(ask('where is the stage', inShapowei).targets[0]).toMatchObject({ id: 'stage', hallId: 'shapowei' });
    expect(firstId(ask('where is the ferry'))).toBe('ferry-pier');
    const hall = ask('怎么去沙坡尾');
    expect(hall.key).toBe('where.hall');
    expect(hall.targets[0]).toMatchObject({ kind: 'place', placeKind: 'hall', hallId: 'shapowei' });
    expect(ask('鼓浪屿').key).toBe('where.hallHere');
  });

  it('says when the place or the booth is in the other hall', () => {
    const a = ask('日光岩在哪里', inShapowei);
    expect(a.key).toBe('where.placeElsewhere');
    expect(a.params.hall).toEqual({ zh: '鼓浪屿', en: 'Gulangyu' });
    expect(ask('避风坞机器人在哪').key).toBe('where.boothElsewhere');
  });

  it('offers several when a word fits several names alike', () => {
    const a = ask('egret');
    expect(a.targets.length).toBeGreaterThan(1);
    expect(a.targets.length).toBeLessThanOrEqual(3);
    expect(a.key).toMatch(/\.many$/);
    expect(a.params.count).toBe(a.targets.length);
  });

  it('every place one can be taken to is walkable ground of its hall', () => {
    for (const hallId of HALL_IDS)
      for (const p of hallPlaces(hallId)) {
        if (p.kind === 'hall') continue;
        expect(isWalkable(getLayout(hallId), p.x, p.z), `${hallId}/${p.id}`).toBe(true);
      }
    // each hotspot is one of them (a landmark with a card, the ferry)
    for (const hallId of HALL_IDS) {
      const ids = new Set(hallPlaces(hallId).map((p) => p.id));
      for (const h of getLayout(hallId).hotspots) expect(ids.has(h.id), `${hallId}/${h.id}`).toBe(true);
    }
  });
});

describe('who makes Y', () => {
  it('finds the company by a product, in Chinese and English', () => {
    const cases: [string, string, string][] = [
      ['谁做智能音箱？', 'piano-isle', '琴岛智能音箱'],
      ['哪家做云游戏平台', 'garden-games', '云游戏平台'],
      ['谁做VR一体机', 'egret-vision', '鹭影 VR 一体机'],
      ['ＶＲ一體機是誰做的', 'egret-vision', '鹭影 VR 一体机'],
      ['哪里能买数字门票', 'bougainvillea', '数字门票'],
      ['Who makes smart speakers?', 'piano-isle', '琴岛智能音箱'],
      ['who sells headsets', 'egret-vision', '鹭影 VR 一体机'],
      ['which company makes the cloud gaming platform', 'garden-games', '云游戏平台'],
    ];
    for (const [q, booth, product] of cases) {
      const a = ask(q);
      expect(a.kind, q).toBe('whoMakes');
      expect(firstId(a), q).toBe(booth);
      expect((a.params.product as { zh: string }).zh, q).toBe(product);
      expect(a.key, q).toBe('whoMakes.product');
    }
  });

  it('points to the other hall for a product made there', () => {
    const a = ask('谁做芯片');
    expect(firstId(a)).toBe('yanwu-chips');
    expect(a.key).toBe('whoMakes.productElsewhere');
    expect(a.params.hall).toEqual({ zh: '沙坡尾', en: 'Shapowei' });
    expect(firstId(ask('where can I buy a drone'))).toBe('harbour-iot');
    expect(firstId(ask('哪家做机器人'))).toBe('shelter-robotics');
  });
});

describe("what's on", () => {
  it('now and next in this hall, in both languages', () => {
    for (const q of ['现在有什么活动？', '接下来有什么', "What's on now?", 'whats happening']) {
      const a = ask(q);
      expect(a.kind, q).toBe('agenda');
      expect(a.key, q).toBe('agenda.onAndNext');
      expect((a.params.title as { zh: string }).zh).toBe('琴岛琴声：鼓浪屿的钢琴文化');
      expect((a.params.next as { zh: string }).zh).toBe('漫步鼓浪屿：从日光岩到菽庄花园');
      expect(a.params.end).toEqual({ at: at(0, '11:15') });
      expect(a.params.start).toEqual({ at: at(0, '14:00') });
      expect(a.targets.map((t) => t.kind)).toEqual(['session', 'session']);
    }
  });

  it('only the next one between sessions; this hall first, another hall when this one is done', () => {
    const between = ask('现在有什么', inGulangyu, at(0, '12:00'));
    expect(between.key).toBe('agenda.next');
    expect(between.params.start).toEqual({ at: at(0, '14:00') });
    // after the last session of both days nothing is left
    const last = Math.max(...sessions.map((s) => s.endsAt));
    expect(ask("what's on", inGulangyu, last + 1).key).toBe('agenda.none');
    // a hall with nothing left today still hears of the next session anywhere
    const onlyShapowei = { ...inGulangyu, sessions: sessions.filter((s) => s.hallId === 'shapowei') };
    const a = ask('现在有什么', onlyShapowei);
    expect(a.targets[0]).toMatchObject({ kind: 'session', hallId: 'shapowei' });
  });

  it('a named session: when it is, by its title or its speaker', () => {
    const film = ask('首映几点开始');
    expect(film.kind).toBe('agenda');
    expect(film.targets[0]).toMatchObject({ id: sessionTitled('首映：短片《鹭岛》').id });
    expect(film.key).toBe('agenda.session');
    const talk = ask('林雅琴什么时候讲');
    expect(talk.key).toBe('agenda.sessionOn');
    expect(talk.targets[0]).toMatchObject({ id: sessionTitled('琴岛琴声：鼓浪屿的钢琴文化').id });
    expect(ask('when is the opening', inGulangyu, at(0, '12:00')).key).toBe('agenda.sessionOver');
  });

  it('a time word about something it does not know is no agenda question', () => {
    expect(ask('今天天气怎么样').kind).toBe('unknown');
  });
});

describe('greetings, help and the honest answer', () => {
  it('greets, helps and thanks', () => {
    expect(ask('你好').kind).toBe('greeting');
    expect(ask('Hello!').kind).toBe('greeting');
    expect(ask('你能做什么').kind).toBe('help');
    expect(ask('help').kind).toBe('help');
    expect(ask('谢谢！').kind).toBe('thanks');
    expect(ask('thank you').kind).toBe('thanks');
    // a greeting before a question: the question is answered
    expect(firstId(ask('你好，琴岛声学在哪里？'))).toBe('piano-isle');
  });

  it('says it does not know, and offers the directory', () => {
    for (const q of ['厕所在哪里', 'where is the toilet', '哪里有咖啡', 'asdfgh qwerty', 'I like turtles', '🐢🐢🐢']) {
      const a = ask(q);
      expect(a.kind, q).toBe('unknown');
      expect(a.directory, q).toBe(true);
      expect(a.targets, q).toEqual([]);
    }
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [
      '',
      '   ',
      '\u0000\u0007\u200b\u202e',
      '😀'.repeat(300),
      '在'.repeat(10_000),
      'a'.repeat(10_000),
      '鹭影数字'.repeat(2_500),
      "'; DROP TABLE booths; --",
      '" OR 1=1 --',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '(.*)+[\\]{}$^|?',
      '\ud800\udc00\ud800', // a lone surrogate at the end
      null,
      undefined,
      42,
      { toString: () => '琴岛声学在哪' },
    ];
    for (const q of hostile) {
      const started = performance.now();
      const a = ask(q);
      expect(performance.now() - started, String(q).slice(0, 20)).toBeLessThan(200);
      expect(['empty', 'unknown', 'where', 'whoMakes', 'agenda', 'greeting', 'help', 'thanks']).toContain(a.kind);
      expect(typeof a.key).toBe('string');
    }
    expect(ask('').kind).toBe('empty');
    expect(ask(null).kind).toBe('empty');
    expect(ask('<script>alert(1)</script>').kind).toBe('unknown');
    expect(ask("'; DROP TABLE booths; --").kind).toBe('unknown');
    // a name inside a very long question is still found in its first 200 characters
    expect(firstId(ask('琴岛声学在哪里'.padEnd(10_000, '！')))).toBe('piano-isle');
  });

  it('questions are cut to 200 characters, whole code points, without control characters', () => {
    const q = cleanQuestion('😀'.repeat(500));
    expect(Array.from(q)).toHaveLength(QUESTION_MAX);
    expect(q.endsWith('😀')).toBe(true);
    expect(cleanQuestion('a\u0000b\u200bc')).toBe('a b c');
    expect(cleanQuestion(7)).toBe('');
  });
});

describe('folding and grams', () => {
  it('folds width, case, accents and traditional characters; punctuation separates', () => {
    expect(fold('ＶＲ 一體機！')).toBe('vr 一体机');
    expect(fold("What's ON?")).toBe('whats on');
    expect(fold('Café Déjà-vu')).toBe('cafe deja vu');
    expect(fold('鼓浪嶼·鋼琴博物館')).toBe('鼓浪屿 钢琴博物馆');
  });

  it('pairs Chinese characters, keeps words, strips a plural s', () => {
    expect(gramsOf('鹭影数字 vr headsets')).toEqual(['鹭影', '影数', '数字', 'vr', 'headset']);
    expect(gramsOf('6dof一体机')).toEqual(['6dof', '一体', '体机']);
  });
});

describe('the data the panel gathers', () => {
  it('a booth as the API sends it becomes the matcher’s booth', () => {
    const view = {
      id: 'b1',
      expoId: 'e1',
      hallId: 'gulangyu',
      slotId: 'pier-n1',
      template: 'kiosk',
      colors: { primary: '#000', accent: '#fff' },
      title: { zh: '标题', en: 'Title' },
      exhibitor: {
        id: 'x1',
        name: { zh: '测试公司', en: 'Test Co' },
        description: { zh: '描述', en: 'About' },
        industry: 'xr',
        park: 'torch',
        website: null,
        contact: { email: null, phone: null },
        logo: null,
      },
      images: [],
      video: null,
      brochure: null,
      products: [{ id: 'p1', name: { zh: '测试音箱', en: 'Test speaker' }, description: { zh: '', en: '' }, image: null, model: null }],
      staffOnDuty: false,
      updatedAt: 0,
    } satisfies BoothView;
    expect(boothOf(view)).toEqual({
      boothId: 'b1',
      hallId: 'gulangyu',
      slotId: 'pier-n1',
      name: { zh: '测试公司', en: 'Test Co' },
      title: { zh: '标题', en: 'Title' },
      description: { zh: '描述', en: 'About' },
      products: [{ name: { zh: '测试音箱', en: 'Test speaker' }, description: { zh: '', en: '' } }],
    });
    const data = askData('gulangyu', [view], []);
    expect(data.halls.shapowei).toEqual({ zh: '沙坡尾', en: 'Shapowei' });
    expect(firstId(askGuide('谁做测试音箱', data, 0))).toBe('b1');
    // an unplaced booth is found, and has no slot to walk to
    const unplaced = askData('gulangyu', [{ ...view, slotId: null }], []);
    expect(askGuide('测试公司在哪', unplaced, 0).targets[0]).toMatchObject({ kind: 'booth', slotId: null });
  });

  it('targets name real halls', () => {
    for (const q of ['琴岛声学在哪里', '谁做芯片', '日光岩在哪', '现在有什么', '怎么去沙坡尾'])
      for (const t of ask(q).targets) expect(isHallId(t.hallId), q).toBe(true);
  });
});

describe('the guideAsk words', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
  const lookup = (o: object, key: string) => key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], o);

  it('has the same keys in both languages, with the same placeholders', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of keys(zhCN)) expect(holes(lookup(en, k) as string), k).toEqual(holes(lookup(zhCN, k) as string));
  });

  it('every answer the matcher gives has words, and every placeholder a value', () => {
    const questions = [
      '',
      '你好',
      'help',
      '谢谢',
      '厕所在哪',
      '琴岛声学在哪里',
      '避风坞机器人在哪',
      'egret',
      '白鹭',
      '日光岩在哪',
      '怎么去沙坡尾',
      '鼓浪屿',
      '谁做智能音箱',
      '谁做芯片',
      '现在有什么',
      '首映几点开始',
      '林雅琴什么时候讲',
    ];
    const nows = [MORNING, at(0, '12:00'), at(5, '00:00')];
    const seen = new Set<string>();
    for (const now of nows)
      for (const data of [inGulangyu, inShapowei])
        for (const q of questions) {
          const a = askGuide(q, data, now);
          seen.add(a.key);
          for (const words of [zhCN, en]) {
            const text = lookup(words, a.key);
            expect(typeof text, a.key).toBe('string');
            for (const [, hole] of (text as string).matchAll(/\{\{(\w+)\}\}/g)) expect(hole === 'name' || hole in a.params, `${a.key} {{${hole}}}`).toBe(true);
          }
        }
    expect(seen.size).toBeGreaterThan(12);
  });
});
