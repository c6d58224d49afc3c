/**
 * The agenda against the real server and database (issue #11): every route for every role (guest,
 * visitor account, staff of two booths, organizer) and the event stream for each of them; the
 * session rules (zh title, end after start, at most 12 h, the expo's halls, the kind's media, no
 * overlap in a hall: 409 with a clear message); uploads (photo, MP4, WebVTT checked by its bytes);
 * the .ics (stable UID, SEQUENCE counts edits, CANCEL after a removal); stars; every change reaching
 * open pages (SSE) and the stage's AgendaSource — also on another process over Redis.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisPresence } from '@colyseus/redis-presence';
import { routes } from '../../shared/api/routes';
import { readConfig } from '../../server/config';
import { presenceRedisUrl } from '../../server/app';
import { createExpoServices, type ExpoServices } from '../../server/http/services';
import { mp4, png, startHarness, type Harness, type Role } from './apiHarness';
import { agendaCases, sessionBody } from './agendaCases';
import { VTT } from '../fixtures/agendaFiles';
import { listenSse } from '../fixtures/sse';
import { silentLogger } from '../fixtures/logger';
import { waitFor } from '../fixtures/wait';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const H = 3600_000;
let hour = 0;
/** a fresh hour per use, a week ahead: the tests never meet each other's sessions */
const at = () => Date.now() + 7 * 24 * H + ++hour * 2 * H;
const ROLES: Role[] = ['visitor', 'member', 'exhibitorA', 'exhibitorB', 'organizer'];

/** The lines of one VEVENT property, unfolded. */
const prop = (ics: string, name: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((l) => l.slice(l.indexOf(':') + 1));

async function create(over: Record<string, unknown> = {}, startsAt = at()) {
  const r = await h.call('organizer', 'createAgendaSession', { body: sessionBody(startsAt, over) });
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string; startsAt: number; endsAt: number; sequence: number; hallId: string };
}

describe('agenda routes × roles', () => {
  for (const c of agendaCases(() => h)) {
    it(`${routes[c.route].method.toUpperCase()} ${routes[c.route].path}`, async () => {
      const got: Partial<Record<Role, number>> = {};
      for (const role of ROLES) {
        const res = await h.call(role, c.route, await c.req(role));
        got[role] = res.status;
        if (res.status >= 400)
          expect(res.json, `${role}: an error is JSON with a message`).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      }
      expect(got).toEqual(c.expect);
    });
  }

  it('GET /api/agenda/events is open to every role', async () => {
    for (const role of ROLES) {
      const s = listenSse(`${h.server.httpUrl}/api/agenda/events`, h.cookies[role]);
      expect(await s.ready, role).toBe(200);
      s.close();
    }
  });

  it('moderators and other non-organizers cannot edit the agenda', async () => {
    const r = await h.call('exhibitorA', 'createAgendaSession', { body: sessionBody() });
    expect(r.status).toBe(403);
    expect(r.json.message).toMatch(/Organizers only/);
  });
});

describe('session rules', () => {
  const bad = async (over: Record<string, unknown>, status = 400, startsAt = at()) => {
    const r = await h.call('organizer', 'createAgendaSession', { body: sessionBody(startsAt, over) });
    expect(r.status, JSON.stringify(over)).toBe(status);
    expect(r.json.message).toEqual(expect.any(String));
    return r.json;
  };

  it('refuses what is not a session, naming the field', async () => {
    expect((await bad({ title: { zh: '', en: 'English only' } })).issues[0].path).toBe('body.title.zh');
    const s = at();
    expect((await bad({ endsAt: s }, 400, s)).issues[0].path).toBe('body.endsAt');
    expect((await bad({ endsAt: s + 12 * H + 1 }, 400, s)).message).toMatch(/12 hours/);
    await bad({ kind: 'concert' });
    await bad({ kind: 'talk', videoMediaId: 'aaaaaaaaaaaaaaaa' });
    await bad({ kind: 'live' }); // no stream name
    await bad({ kind: 'live', liveName: '../etc/passwd' });
    await bad({ kind: 'live', liveName: 'Main Stage' });
    await bad({ kind: 'talk', captionsMediaId: 'aaaaaaaaaaaaaaaa' });
    await bad({ tags: ['音乐', '音乐'] });
    await bad({ speakers: [{ name: '', title: { zh: '', en: '' } }] });
    await bad({ title: { zh: 'a\u202eb', en: '' } });
    expect((await bad({ hallId: 'atlantis' })).error).toBe('unknown_hall');
    expect((await bad({}, 400, Date.now() - 2 * H)).error).toBe('in_the_past');
    expect((await bad({}, 400, Date.now() + 400 * 24 * H)).error).toBe('too_far');
    expect((await bad({ kind: 'premiere', videoMediaId: 'aaaaaaaaaaaaaaaa' }, 404)).message).toMatch(/upload the file again/);
  });

  it('refuses an overlap in a hall with 409 and a clear message; back to back and other halls are fine', async () => {
    const first = await create({ title: { zh: '开幕致辞', en: 'Opening' } });
    const clash = await bad({}, 409, first.startsAt + 10 * 60_000);
    expect(clash.error).toBe('session_overlap');
    expect(clash.message).toMatch(/开幕致辞 \/ Opening.*one session at a time/);
    await create({}, first.endsAt);
    await create({ hallId: 'shapowei' }, first.startsAt);
    // an edit that would overlap is refused too; the session itself is not in its own way
    const later = await create({}, first.startsAt + 3 * H);
    const moved = await h.call('organizer', 'updateAgendaSession', { params: { sessionId: later.id }, body: sessionBody(first.startsAt + 5 * 60_000) });
    expect(moved.status).toBe(409);
    expect(moved.json.error).toBe('session_overlap');
    const same = await h.call('organizer', 'updateAgendaSession', { params: { sessionId: later.id }, body: sessionBody(later.startsAt, { tags: ['改'] }) });
    expect(same.status, same.text).toBe(200);
    expect(same.json).toMatchObject({ sequence: 1, tags: ['改'] });
  });
});

describe('uploads', () => {
  it('attaches a speaker photo, a premiere video and captions, served by us with fixed types', async () => {
    const photo = await h.call('organizer', 'uploadAgendaPhoto', { file: { data: await png(), name: 'lin.png' } });
    const video = await h.call('organizer', 'uploadAgendaVideo', { file: { data: mp4(), name: 'egret-island.mp4' } });
    const captions = await h.call('organizer', 'uploadAgendaCaptions', { file: { data: Buffer.from(`\ufeff${VTT}`), name: 'egret-island.vtt' } });
    for (const r of [photo, video, captions]) expect(r.status, r.text).toBe(201);
    expect(captions.json).toMatchObject({ url: expect.stringMatching(/^\/media\/[a-z0-9]{24}\.vtt$/), name: 'egret-island.vtt' });
    const s = await create({
      kind: 'premiere',
      title: { zh: '首映：鹭岛', en: 'Premiere: Egret Island' },
      speakers: [{ name: '林雅琴', title: { zh: '导演', en: 'Director' }, photoMediaId: photo.json.mediaId }],
      videoMediaId: video.json.mediaId,
      captionsMediaId: captions.json.mediaId,
    });
    const pub = (await h.call('visitor', 'agendaSession', { params: { sessionId: s.id } })).json;
    expect(pub).toMatchObject({
      kind: 'premiere',
      videoUrl: video.json.url,
      captionsUrl: captions.json.url,
      liveUrl: null,
      speakers: [{ name: '林雅琴', title: { zh: '导演', en: 'Director' }, photoUrl: photo.json.url }],
    });
    const vtt = await h.raw('GET', captions.json.url);
    expect(vtt.status).toBe(200);
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(vtt.headers.get('x-content-type-options')).toBe('nosniff');
    expect(vtt.text.startsWith('WEBVTT')).toBe(true); // the BOM is gone
    expect((await h.raw('GET', video.json.url)).headers.get('content-type')).toBe('video/mp4');
    // an upload belongs to one session
    const again = await h.call('organizer', 'createAgendaSession', { body: sessionBody(at(), { kind: 'premiere', videoMediaId: video.json.mediaId }) });
    expect(again.status).toBe(409);
    // an edit that drops the video deletes its file
    const edit = await h.call('organizer', 'updateAgendaSession', {
      params: { sessionId: s.id },
      body: sessionBody(s.startsAt, { kind: 'premiere', videoMediaId: null, captionsMediaId: captions.json.mediaId }),
    });
    expect(edit.status, edit.text).toBe(200);
    expect(edit.json.videoUrl).toBeNull();
    expect((await h.raw('GET', video.json.url)).status).toBe(404);
  });

  it('checks captions by their bytes: WEBVTT first, UTF-8, at most 512 KB', async () => {
    const up = (data: Buffer, name = 'c.vtt') => h.call('organizer', 'uploadAgendaCaptions', { file: { data, name } });
    const notVtt = await up(Buffer.from('1\n00:00:00,000 --> 00:00:02,000\nan SRT file\n'), 'c.srt');
    expect(notVtt.status).toBe(415);
    expect(notVtt.json.message).toMatch(/WEBVTT/);
    expect((await up(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe, 0x00]))).status).toBe(415); // not UTF-8
    expect((await up(Buffer.from('WEBVTTX\n'))).status).toBe(415);
    expect((await up(await png(), 'c.vtt')).json.message).toMatch(/PNG/);
    const big = await up(Buffer.from(`WEBVTT\n\n${'x'.repeat(600 * 1024)}`));
    expect(big.status).toBe(413);
    expect((await h.call('organizer', 'uploadAgendaVideo', { file: { data: Buffer.from(VTT), name: 'v.mp4' } })).status).toBe(415);
  });
});

describe('calendar files', () => {
  it('keep the UID while SEQUENCE counts edits, and say CANCEL after a removal', async () => {
    const s = await create({ title: { zh: '琴岛琴声', en: 'Piano Island' }, tags: ['音乐'] });
    const ics = async () => {
      const r = await h.raw('GET', `/api/agenda/sessions/${s.id}/calendar.ics`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/calendar');
      expect(r.headers.get('content-disposition')).toMatch(/^attachment/);
      return r.text;
    };
    const first = await ics();
    expect(prop(first, 'UID')).toEqual([`${s.id}@ludao-agenda`]);
    expect(prop(first, 'SEQUENCE')).toEqual(['0']);
    expect(prop(first, 'SUMMARY')[0]).toBe('琴岛琴声 · Piano Island');
    expect(prop(first, 'METHOD')).toEqual(['PUBLISH']);
    expect(prop(first, 'DTSTART')[0]).toBe(
      new Date(s.startsAt)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, ''),
    );
    await h.call('organizer', 'updateAgendaSession', {
      params: { sessionId: s.id },
      body: sessionBody(s.startsAt + H, { title: { zh: '琴岛琴声', en: 'Piano Island' } }),
    });
    const edited = await ics();
    expect(prop(edited, 'UID')).toEqual([`${s.id}@ludao-agenda`]);
    expect(prop(edited, 'SEQUENCE')).toEqual(['1']);
    expect((await h.call('organizer', 'deleteAgendaSession', { params: { sessionId: s.id } })).status).toBe(200);
    const cancelled = await ics();
    expect(prop(cancelled, 'SEQUENCE')).toEqual(['2']);
    expect(prop(cancelled, 'METHOD')).toEqual(['CANCEL']);
    expect(prop(cancelled, 'STATUS')).toEqual(['CANCELLED']);
    expect((await h.call('visitor', 'agendaSession', { params: { sessionId: s.id } })).status).toBe(404);
    expect((await h.call('organizer', 'deleteAgendaSession', { params: { sessionId: s.id } })).status).toBe(404);
  });

  it('put several starred sessions in one file', async () => {
    const a = await create();
    const b = await create({ hallId: 'shapowei' });
    const r = await h.call('visitor', 'agendaCalendar', { query: { sessions: `${a.id},${b.id},${a.id}` } });
    expect(r.status).toBe(200);
    expect(prop(r.text, 'UID').sort()).toEqual([`${a.id}@ludao-agenda`, `${b.id}@ludao-agenda`].sort());
    expect((await h.call('visitor', 'agendaCalendar', { query: { sessions: 'aaaaaaaaaaaaaaaa' } })).status).toBe(404);
    expect((await h.call('visitor', 'agendaCalendar', { query: { sessions: '../x' } })).status).toBe(400);
  });
});

describe('stars', () => {
  it('are kept in the visitor account, merged from a browser, and drop removed sessions', async () => {
    const a = await create();
    const b = await create();
    const c = await create();
    const star = await h.call('member', 'starSession', { params: { sessionId: a.id } });
    expect(star.json.sessionIds).toContain(a.id);
    expect((await h.call('member', 'starSession', { params: { sessionId: a.id } })).json.sessionIds.filter((x: string) => x === a.id)).toHaveLength(1);
    expect((await h.call('member', 'starSession', { params: { sessionId: 'zzzzzzzzzzzzzzzz' } })).status).toBe(404);
    const merged = await h.call('member', 'mergeStars', { body: { sessionIds: [b.id, c.id, 'zzzzzzzzzzzzzzzz'] } });
    expect(merged.status).toBe(200);
    expect(merged.json.sessionIds).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    expect(merged.json.sessionIds).not.toContain('zzzzzzzzzzzzzzzz');
    await h.call('member', 'unstarSession', { params: { sessionId: b.id } });
    await h.call('organizer', 'deleteAgendaSession', { params: { sessionId: c.id } });
    const mine = (await h.call('member', 'myStars')).json.sessionIds;
    expect(mine).toContain(a.id);
    expect(mine).not.toContain(b.id);
    expect(mine).not.toContain(c.id);
    // the privacy centre's export holds them too
    expect((await h.call('member', 'myData')).json.agendaStars).toEqual(mine);
    expect((await h.call('member', 'mergeStars', { body: { sessionIds: Array.from({ length: 201 }, () => 'aaaaaaaaaaaaaaaa') } })).status).toBe(400);
  });
});

describe('live changes', () => {
  it('reach open pages (SSE) and the stage (AgendaSource) on create, edit, move and removal', async () => {
    const agenda = h.server.app.expo.agenda;
    const page = listenSse(`${h.server.httpUrl}/api/agenda/events`, '');
    const before = agenda.listeners();
    expect(await page.ready).toBe(200);
    const heard: Record<string, number> = { gulangyu: 0, shapowei: 0 };
    const offs = (['gulangyu', 'shapowei'] as const).map((hall) => agenda.onChange(hall, () => heard[hall]++));
    await waitFor(() => agenda.listeners() >= before + 3 || null, 5000, 'the page stream to subscribe');

    const s = await create({ title: { zh: '直播：鹭岛之夜', en: 'Live: Egret night' }, kind: 'live', liveName: 'egret-night' });
    await waitFor(() => page.text().includes(s.id) || null, 5000, 'the event on the page stream');
    expect(page.text()).toContain('event: agenda');
    await waitFor(() => heard.gulangyu === 1 || null, 5000, 'the stage of gulangyu to hear it');
    expect(heard.shapowei).toBe(0);
    const upcoming = await agenda.upcoming('gulangyu', Date.now());
    expect(upcoming.find((x) => x.id === s.id)).toMatchObject({ kind: 'live', liveUrl: '/live/egret-night/index.m3u8', videoUrl: null });
    expect((await agenda.upcoming('gulangyu', s.endsAt)).map((x) => x.id)).not.toContain(s.id);

    // moved to the other hall: both stages hear it
    const moved = await h.call('organizer', 'updateAgendaSession', { params: { sessionId: s.id }, body: sessionBody(s.startsAt, { hallId: 'shapowei' }) });
    expect(moved.status, moved.text).toBe(200);
    await waitFor(() => (heard.gulangyu === 2 && heard.shapowei === 1) || null, 5000, 'both halls to hear the move');
    await h.call('organizer', 'deleteAgendaSession', { params: { sessionId: s.id } });
    await waitFor(() => heard.shapowei === 2 || null, 5000, 'the removal');
    expect((await agenda.upcoming('shapowei', Date.now())).map((x) => x.id)).not.toContain(s.id);
    await waitFor(() => page.text().split('event: agenda').length - 1 === 3 || null, 5000, 'three events on the page stream');
    for (const off of offs) off();
    page.close();
  });
});

const REDIS_URL = process.env.REDIS_URL;
describe.skipIf(!REDIS_URL)('across processes (two presence connections to Redis, one database)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-agenda-'));
  const services: ExpoServices[] = [];
  const presences: RedisPresence[] = [];
  beforeAll(async () => {
    const url = new URL(presenceRedisUrl(REDIS_URL!));
    url.pathname = '/12';
    const config = readConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir, SEED_DEMO: '0', PRESENCE_PREFIX: `ludao-agenda-${process.pid}:` });
    for (let i = 0; i < 2; i++) {
      const p = new RedisPresence(url.toString());
      presences.push(p);
      services.push(createExpoServices(config, silentLogger, () => p));
    }
    for (const s of services) await s.prepare();
    await services[0].repos.expos.create({ slug: 'x', name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu', 'shapowei'] });
  }, 30_000);
  afterAll(async () => {
    for (const s of services) await s.close();
    for (const p of presences) p.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a session saved on one process reaches the other's stage and pages", async () => {
    const [one, two] = services;
    let heard = 0;
    const off = two.agenda.onChange('gulangyu', () => heard++);
    const pages: string[] = [];
    const offPages = two.agenda.subscribe((e) => pages.push(e.sessionId));
    // the subscription to Redis is made on first use: give it its moment
    await new Promise((r) => setTimeout(r, 300));
    const expo = (await one.repos.expos.getActive())!;
    const startsAt = Date.now() + H;
    const r = await one.repos.agenda.create(expo.id, {
      hallId: 'gulangyu',
      kind: 'talk',
      title: { zh: '跨进程', en: 'Across processes' },
      description: { zh: '', en: '' },
      speakers: [],
      tags: [],
      startsAt,
      endsAt: startsAt + H,
      videoMediaId: null,
      captionsMediaId: null,
      liveName: null,
    });
    one.agenda.changed(r.row.id, ['gulangyu']);
    await waitFor(() => heard === 1 || null, 3000, 'the other process to hear it');
    expect(pages).toEqual([r.row.id]);
    expect((await two.agenda.upcoming('gulangyu', Date.now())).map((s) => s.id)).toEqual([r.row.id]);
    off();
    offPages();
  });
});
