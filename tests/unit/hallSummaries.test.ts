/**
 * The landing page's hand-written check of the halls' summaries (client/src/ui/landing/
 * useHallSummaries.ts readSummaries): the idle landing page carries no zod, so this is all that
 * stands between a malformed answer and the page. It never throws, takes what the route's schema
 * takes, and refuses whatever the page could not show.
 */
import { describe, expect, it } from 'vitest';
import { readSummaries } from '../../client/src/ui/landing/useHallSummaries';
import { entryHallsSchema } from '../../shared/api/entry';

const session = (over: Record<string, unknown> = {}) => ({
  id: 'sess1',
  hallId: 'gulangyu',
  kind: 'talk',
  title: { zh: '鼓浪屿的音乐', en: 'Music of Gulangyu' },
  description: { zh: '', en: '' },
  speakers: [],
  tags: [],
  startsAt: 1_800_000_000_000,
  endsAt: 1_800_000_900_000,
  videoUrl: null,
  captionsUrl: null,
  liveUrl: null,
  updatedAt: 1_799_000_000_000,
  ...over,
});
const hall = (over: Record<string, unknown> = {}) => ({ hallId: 'gulangyu', rule: 'open', visitors: 12, now: session(), next: null, ...over });
const answer = (...halls: unknown[]) => ({ halls, at: 1_800_000_000_000 });
const GOOD = answer(hall(), hall({ hallId: 'shapowei', rule: 'code', visitors: 0, now: null, next: session({ hallId: 'shapowei' }) }));

/** Every case must come back without an exception; returns what readSummaries said. */
function read(data: unknown) {
  let out: ReturnType<typeof readSummaries> | undefined;
  expect(() => (out = readSummaries(data))).not.toThrow();
  return out;
}

describe('readSummaries', () => {
  it('takes a good answer as it is, and so does the route schema', () => {
    expect(entryHallsSchema.safeParse(GOOD).success).toBe(true);
    expect(read(GOOD)).toBe(GOOD);
    expect(read(answer())).toEqual(answer());
    for (const rule of ['open', 'code', 'invite', 'account']) expect(read(answer(hall({ rule })))).not.toBeNull();
  });

  it('takes fields it does not show, there or not: more in an answer, a hall or a session', () => {
    expect(read({ ...GOOD, version: 2 })).not.toBeNull();
    expect(read(answer(hall({ capacity: 60, instances: [1, 2] })))).not.toBeNull();
    expect(read(answer(hall({ now: session({ room: 'A' }) })))).not.toBeNull();
    // the session's other fields are not shown on the landing page: a bare title and start do
    expect(read(answer(hall({ next: { title: { zh: '下一场', en: 'Next' }, startsAt: 1 } })))).not.toBeNull();
    const { at: _at, ...noAt } = GOOD;
    expect(read(noAt)).not.toBeNull();
  });

  it('refuses an answer that is not an object with a list of halls', () => {
    for (const data of [
      undefined,
      null,
      0,
      42,
      NaN,
      '',
      'halls',
      true,
      [],
      [hall()],
      {},
      { halls: null },
      { halls: {} },
      { halls: 'gulangyu' },
      { halls: hall() },
    ])
      expect(read(data), JSON.stringify(data)).toBeNull();
  });

  it('refuses a hall with a field it shows missing', () => {
    for (const key of ['hallId', 'rule', 'visitors', 'now', 'next']) {
      const h: Record<string, unknown> = hall();
      delete h[key];
      expect(read(answer(h)), key).toBeNull();
      // one bad hall spoils the answer: the page shows all halls or none
      expect(read(answer(hall(), h)), key).toBeNull();
    }
    expect(read(answer(hall({ now: session({ title: undefined }) })))).toBeNull();
    expect(read(answer(hall({ now: session({ startsAt: undefined }) })))).toBeNull();
    expect(read(answer(hall({ next: { title: { zh: '只有中文' }, startsAt: 1 } })))).toBeNull();
  });

  it('refuses a field of the wrong type', () => {
    const bad: Record<string, unknown>[] = [
      { hallId: 7 },
      { hallId: null },
      { rule: 'everyone' },
      { rule: 1 },
      { rule: null },
      { visitors: '12' },
      { visitors: -1 },
      { visitors: Infinity },
      { visitors: NaN },
      { visitors: null },
      { now: 'a talk' },
      { now: 0 },
      { now: [] },
      { now: session({ title: '鼓浪屿的音乐' }) },
      { now: session({ title: { zh: 1, en: 'x' } }) },
      { now: session({ title: null }) },
      { next: session({ startsAt: '2027-01-15T10:00' }) },
      { next: session({ startsAt: null }) },
      { next: true },
    ];
    for (const over of bad) expect(read(answer(hall(over))), JSON.stringify(over)).toBeNull();
    for (const h of [null, undefined, 0, 'gulangyu', [], true]) expect(read(answer(h)), String(h)).toBeNull();
  });

  it('never throws on odd inputs', () => {
    const cyclic: Record<string, unknown> = { halls: [] };
    (cyclic.halls as unknown[]).push(cyclic);
    read(cyclic);
    read(Object.create(null));
    read({ halls: [Object.create(null)] });
    read({ halls: new Array(3) });
    read(() => 1);
    read(Symbol('x'));
    read(10n);
  });
});
