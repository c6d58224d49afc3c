/**
 * The agenda's browser side without a browser (issue #11): days and the "now" line, what a hall's
 * panel calls on now and next, the reminder 5 minutes before a starred session (the meetings'
 * reminder rule with the agenda's lead time, meetings unchanged), the editor's form to request body,
 * and the `agenda` i18n namespace (same keys and placeholders in both languages).
 */
import { describe, expect, it } from 'vitest';
import { byDay, dayKey, nextDayKey, nowAndNext, nowLineIndex } from '../../client/src/ui/agenda/agendaTime';
import { dueReminders, nextChange, reminderKey } from '../../client/src/ui/meetings/reminders';
import { bodyOf, draftOf, emptyDraft, fromLocalInput, newSpeaker, toLocalInput } from '../../client/src/ui/console/agenda/draft';
import { zhCN } from '../../client/src/ui/agenda/locales/zh-CN';
import { en } from '../../client/src/ui/agenda/locales/en';
import { AGENDA_REMINDER_MS, SESSION_KINDS, sessionInputSchema, type AgendaSessionEdit } from '../../shared/api/agenda';
import { MEETING_REMINDER_MS } from '../../shared/api/meetings';

const MIN = 60_000;
const H = 60 * MIN;
const local = (y: number, m: number, d: number, hh = 0, mm = 0) => new Date(y, m - 1, d, hh, mm).getTime();
const s = (id: string, startsAt: number, minutes = 45) => ({ id, startsAt, endsAt: startsAt + minutes * MIN });

describe('agenda days and now', () => {
  it('groups by local day in order, and steps days across a month end', () => {
    const a = s('a', local(2026, 12, 2, 10));
    const b = s('b', local(2026, 12, 1, 23, 30));
    const c = s('c', local(2026, 12, 2, 9));
    expect(byDay([a, b, c]).map((d) => [d.day, d.sessions.map((x) => x.id)])).toEqual([
      ['2026-12-01', ['b']],
      ['2026-12-02', ['c', 'a']],
    ]);
    expect(nextDayKey('2026-12-31')).toBe('2027-01-01');
    expect(nextDayKey(dayKey(local(2026, 2, 28, 12)))).toBe('2026-03-01');
  });

  it('puts the now line before the first session to come, only on today', () => {
    const list = [s('a', local(2026, 12, 2, 9)), s('b', local(2026, 12, 2, 11)), s('c', local(2026, 12, 2, 14))];
    expect(nowLineIndex('2026-12-02', list, local(2026, 12, 2, 8))).toBe(0);
    expect(nowLineIndex('2026-12-02', list, local(2026, 12, 2, 9, 20))).toBe(1); // a is on: the line after it
    expect(nowLineIndex('2026-12-02', list, local(2026, 12, 2, 20))).toBe(3);
    expect(nowLineIndex('2026-12-03', list, local(2026, 12, 2, 10))).toBe(-1);
  });

  it('tells on now, next and later, leaving out what has ended', () => {
    const t = local(2026, 12, 2, 10);
    const ended = s('ended', t - 2 * H);
    const on = s('on', t - 10 * MIN);
    const next = s('next', t + H);
    const later = s('later', t + 3 * H);
    expect(nowAndNext([later, ended, next, on], t)).toEqual({ on: [on], next, later: [later] });
    expect(nowAndNext([ended], t)).toEqual({ on: [], next: null, later: [] });
  });
});

describe('agenda reminders', () => {
  const session = (id: string, startsAt: number, updatedAt = 1) => ({ id, startsAt, sequence: updatedAt });

  it('are due from 5 minutes before a starred session until it starts, and again after an edit', () => {
    const a = session('a', 100 * MIN);
    const due = (now: number, dismissed = new Set<string>()) => dueReminders([a], now, dismissed, AGENDA_REMINDER_MS);
    expect(AGENDA_REMINDER_MS).toBe(5 * MIN);
    expect(due(94 * MIN)).toEqual([]);
    expect(due(95 * MIN)).toEqual([a]);
    expect(due(99.9 * MIN)).toEqual([a]);
    expect(due(100 * MIN)).toEqual([]);
    expect(due(96 * MIN, new Set([reminderKey(a)]))).toEqual([]);
    const edited = { ...a, sequence: 2 };
    expect(dueReminders([edited], 96 * MIN, new Set([reminderKey(a)]), AGENDA_REMINDER_MS)).toEqual([edited]);
    expect(nextChange([a], 80 * MIN, AGENDA_REMINDER_MS)).toBe(15 * MIN);
  });

  it('leave the meetings rule as it was: 15 minutes, booked only', () => {
    const m = { id: 'm', startsAt: 100 * MIN, sequence: 0, status: 'booked' };
    expect(dueReminders([m], 100 * MIN - MEETING_REMINDER_MS, new Set())).toEqual([m]);
    expect(dueReminders([{ ...m, status: 'cancelled' }], 90 * MIN, new Set())).toEqual([]);
  });
});

describe("the editor's form", () => {
  it('round-trips local datetime inputs', () => {
    const t = local(2026, 12, 2, 14, 30);
    expect(toLocalInput(t)).toBe('2026-12-02T14:30');
    expect(fromLocalInput('2026-12-02T14:30')).toBe(t);
    expect(fromLocalInput('')).toBeNaN();
  });

  it('sends only what the kind takes, with tags split and speakers mapped', () => {
    const d = {
      ...emptyDraft('gulangyu', local(2026, 12, 2, 9, 10)),
      titleZh: '琴岛琴声',
      tags: '音乐， 钢琴,音乐 ,',
      speakers: [{ ...newSpeaker(), name: '林雅琴', titleZh: '学者', photo: { id: 'photo00001', url: '/media/x.webp' } }],
      video: { id: 'video00001', url: '/media/v.mp4' },
      captions: { id: 'capti00001', url: '/media/c.vtt' },
      liveName: 'main',
    };
    expect(d.start).toBe('2026-12-02T10:00');
    const talk = bodyOf(d);
    expect(talk).toMatchObject({
      kind: 'talk',
      tags: ['音乐', '钢琴'],
      videoMediaId: null,
      captionsMediaId: null,
      liveName: null,
      endsAt: talk.startsAt + 45 * MIN,
    });
    expect(talk.speakers).toEqual([{ name: '林雅琴', title: { zh: '学者', en: '' }, photoMediaId: 'photo00001' }]);
    expect(sessionInputSchema.safeParse(talk).success).toBe(true);
    expect(bodyOf({ ...d, kind: 'premiere' })).toMatchObject({ videoMediaId: 'video00001', captionsMediaId: 'capti00001', liveName: null });
    expect(bodyOf({ ...d, kind: 'live' })).toMatchObject({ videoMediaId: null, captionsMediaId: 'capti00001', liveName: 'main' });
    expect(sessionInputSchema.safeParse(bodyOf({ ...d, kind: 'live', liveName: '' })).success).toBe(false);
  });

  it('reads a saved session back into the form', () => {
    const saved: AgendaSessionEdit = {
      id: 'abcdef123456',
      hallId: 'shapowei',
      kind: 'premiere',
      title: { zh: '首映', en: 'Premiere' },
      description: { zh: '说明', en: 'About' },
      speakers: [{ name: 'A', title: { zh: '导演', en: 'Director' }, photoUrl: '/media/p.webp', photoMediaId: 'photo00001' }],
      tags: ['电影', 'Film'],
      startsAt: local(2026, 12, 2, 19, 30),
      endsAt: local(2026, 12, 2, 19, 50),
      videoUrl: '/media/v.mp4',
      captionsUrl: null,
      liveUrl: null,
      updatedAt: 5,
      videoMediaId: 'video00001',
      captionsMediaId: null,
      liveName: null,
      sequence: 3,
    };
    const d = draftOf(saved);
    expect(d).toMatchObject({ hallId: 'shapowei', kind: 'premiere', tags: '电影, Film', start: '2026-12-02T19:30', end: '2026-12-02T19:50', captions: null });
    expect(bodyOf(d)).toMatchObject({ videoMediaId: 'video00001', speakers: [{ photoMediaId: 'photo00001' }], startsAt: saved.startsAt, endsAt: saved.endsAt });
  });
});

type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (x: string) => [...x.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('agenda i18n namespace', () => {
  const zh = flatten(zhCN as unknown as Tree);
  const enFlat = flatten(en as unknown as Tree);
  it('has the same keys, no empty text and the same placeholders in both languages', () => {
    expect([...enFlat.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [k, v] of [...zh, ...enFlat]) expect(v.trim(), k).not.toBe('');
    for (const [k, v] of zh) expect(placeholders(enFlat.get(k) ?? ''), k).toEqual(placeholders(v));
  });
  it('names every session kind', () => {
    for (const k of SESSION_KINDS) expect(zh.has(`kind.${k}`), k).toBe(true);
  });
});
