/**
 * The agenda's server-side rules that need no database (issue #11): the session schema (what the
 * organizer may send), the captions check by bytes, and the calendar file (UID, SEQUENCE, CANCEL).
 */
import { describe, expect, it } from 'vitest';
import { sessionInputSchema, liveUrlFor, type AgendaSessionView } from '../../shared/api/agenda';
import { checkVtt } from '../../server/uploads/checks';
import { UploadError } from '../../server/uploads/errors';
import { agendaIcs, sessionUid } from '../../server/agenda/ics';

const H = 3600_000;
const base = {
  hallId: 'gulangyu',
  kind: 'talk',
  title: { zh: '琴岛琴声', en: 'Piano Island' },
  description: { zh: '', en: '' },
  speakers: [],
  tags: [],
  startsAt: 1_800_000_000_000,
  endsAt: 1_800_000_000_000 + H,
};
const issues = (over: Record<string, unknown>) => {
  const r = sessionInputSchema.safeParse({ ...base, ...over });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('session schema', () => {
  it('accepts a plain talk, trimming its texts', () => {
    const r = sessionInputSchema.parse({ ...base, title: { zh: '  琴岛琴声 ', en: 'Piano Island' }, tags: [' 音乐 '] });
    expect(r.title.zh).toBe('琴岛琴声');
    expect(r.tags).toEqual(['音乐']);
  });
  it('needs a Chinese title, an end after the start and at most 12 hours', () => {
    expect(issues({ title: { zh: '', en: 'x' } })[0]).toMatch(/^title\.zh/);
    expect(issues({ endsAt: base.startsAt })).toEqual(['endsAt: A session ends after it starts']);
    expect(issues({ endsAt: base.startsAt + 12 * H })).toEqual([]);
    expect(issues({ endsAt: base.startsAt + 12 * H + 1 })).toEqual(['endsAt: A session lasts at most 12 hours']);
  });
  it("keeps each kind's media to itself", () => {
    expect(issues({ kind: 'premiere', videoMediaId: 'video00001', captionsMediaId: 'capti00001' })).toEqual([]);
    expect(issues({ kind: 'premiere' })).toEqual([]); // a premiere may wait for its video
    expect(issues({ kind: 'talk', videoMediaId: 'video00001' })).toEqual(['videoMediaId: Only a premiere has an uploaded video']);
    expect(issues({ kind: 'live', liveName: 'main-stage', captionsMediaId: 'capti00001' })).toEqual([]);
    expect(issues({ kind: 'live' })).toEqual(['liveName: A live session needs its stream name']);
    expect(issues({ kind: 'tour', liveName: 'x' })).toEqual(['liveName: Only a live session has a stream']);
    expect(issues({ kind: 'tour', captionsMediaId: 'capti00001' })).toEqual(['captionsMediaId: Captions belong to a premiere or a live session']);
    for (const bad of ['Main', 'a/b', '..', 'x'.repeat(41), '']) expect(issues({ kind: 'live', liveName: bad }).length, bad).toBeGreaterThan(0);
    expect(liveUrlFor('main-stage')).toBe('/live/main-stage/index.m3u8');
  });
  it('refuses unknown fields, repeated tags and too many speakers', () => {
    expect(issues({ extra: 1 }).length).toBe(1);
    expect(issues({ tags: ['a', 'a'] })).toEqual(['tags: Each tag once']);
    expect(issues({ speakers: Array.from({ length: 9 }, () => ({ name: 'x', title: { zh: '', en: '' } })) })).toEqual(['speakers: At most 8 speakers']);
  });
});

describe('captions check', () => {
  const refused = (data: Buffer) => {
    try {
      checkVtt(data);
    } catch (err) {
      return err as UploadError;
    }
    return null;
  };
  it('takes WebVTT (with or without a BOM or a header text) and drops the BOM', () => {
    expect(checkVtt(Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\n你好')).ext).toBe('vtt');
    expect(checkVtt(Buffer.from('WEBVTT - 鹭岛\r\n')).data.toString()).toBe('WEBVTT - 鹭岛\r\n');
    expect(checkVtt(Buffer.from('\ufeffWEBVTT\n')).data.toString()).toBe('WEBVTT\n');
  });
  it('refuses anything else, saying what it is', () => {
    expect(refused(Buffer.from('1\n00:00:00,000 --> 00:00:01,000\nSRT'))?.message).toMatch(/first line is "WEBVTT"/);
    expect(refused(Buffer.from('WEBVTTX'))?.status).toBe(415);
    expect(refused(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xc3]))?.message).toMatch(/UTF-8/);
    expect(refused(Buffer.from('%PDF-1.7 ...'))?.message).toMatch(/PDF file/);
    expect(refused(Buffer.from('WEBVTT\n\u0000'))?.code).toBe('damaged');
  });
});

describe('calendar file', () => {
  const view: AgendaSessionView = {
    id: 'abcdef123456',
    hallId: 'shapowei',
    kind: 'talk',
    title: { zh: '沙坡尾港湾设计', en: 'Designing Shapowei harbour' },
    description: { zh: '避风坞', en: 'The typhoon shelter' },
    speakers: [{ name: '黄海澄', title: { zh: '城市设计师', en: 'Urban designer' }, photoUrl: null }],
    tags: ['设计'],
    startsAt: Date.UTC(2026, 11, 2, 2, 0),
    endsAt: Date.UTC(2026, 11, 2, 2, 45),
    videoUrl: null,
    captionsUrl: null,
    liveUrl: null,
    updatedAt: Date.UTC(2026, 11, 1),
  };
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
  it('names the session by a stable UID, with SEQUENCE, times, hall and speakers', () => {
    const ics = unfold(agendaIcs([{ view, sequence: 4, cancelled: false }], 'https://expo.example'));
    expect(ics).toContain(`UID:${sessionUid(view.id)}`);
    expect(sessionUid(view.id)).toBe('abcdef123456@ludao-agenda');
    expect(ics).toContain('SEQUENCE:4');
    expect(ics).toContain('DTSTART:20261202T020000Z');
    expect(ics).toContain('DTEND:20261202T024500Z');
    expect(ics).toContain('SUMMARY:沙坡尾港湾设计 · Designing Shapowei harbour');
    expect(ics).toContain('URL;VALUE=URI:https://expo.example/hall/shapowei');
    expect(ics).toContain('黄海澄');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('STATUS:CONFIRMED');
  });
  it('says CANCEL for a removed session', () => {
    const ics = unfold(agendaIcs([{ view, sequence: 5, cancelled: true }], 'https://expo.example'));
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:5');
  });
});
