/**
 * The agenda rules in the repository, once per dialect (SQLite in agenda-db.test.ts, PostgreSQL in
 * tests/integration/agenda-postgres.test.ts): sessions of one hall never overlap, also when ten
 * organizers save at the same instant; an edit counts SEQUENCE and lets go of replaced media; a
 * removal keeps a cancelled record; uploads are attached once and swept when left; stars skip what
 * is gone; the demo programme fits both halls without an overlap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, type Repositories } from '../../server/db/repositories';
import type { NewSession } from '../../server/db/repositories/agenda';
import { sessionView } from '../../server/agenda/views';
import { DEMO_PROGRAMME, seedDemoAgenda } from '../../server/agenda/seed';
import { MediaStore } from '../../server/uploads/storage';
import { mp4 } from '../fixtures/agendaFiles';

const H = 3600_000;
const quiet = { info() {}, warn() {} };

export function agendaRepositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`agenda on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    let expoId = '';
    let userId = '';
    let base = 0;
    let n = 0;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-agenda-'));
    const store = new MediaStore(path.join(tmp, 'uploads'));

    /** A fresh stretch of time per test, so tests never meet each other's sessions. */
    const slot = () => (base += 48 * H);
    const session = (over: Partial<NewSession> = {}): NewSession => ({
      hallId: 'gulangyu',
      kind: 'talk',
      title: { zh: `讲座${++n}`, en: `Talk ${n}` },
      description: { zh: '说明', en: 'About' },
      speakers: [{ name: '林雅琴', title: { zh: '学者', en: 'Scholar' }, photoMediaId: null }],
      tags: ['音乐'],
      startsAt: base,
      endsAt: base + H,
      videoMediaId: null,
      captionsMediaId: null,
      liveName: null,
      ...over,
    });
    const upload = async (kind: 'speaker_photo' | 'session_video' | 'captions', createdAt?: number) => {
      const file = await store.put(Buffer.from(`x${n++}`), kind === 'captions' ? 'vtt' : kind === 'session_video' ? 'mp4' : 'webp');
      const row = await r.agenda.addMedia({ exhibitorId: null, kind, file, mime: 'x/x', bytes: 2 });
      if (createdAt !== undefined) await database.db.updateTable('media').set({ created_at: createdAt }).where('id', '=', row.id).execute();
      return row;
    };

    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
      const expo = await r.expos.create({ slug: 'agenda-expo', name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu', 'shapowei'] });
      expoId = expo.id;
      userId = (await r.users.create({ email: 'star@x.example', passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName: '星' })).id;
      base = Date.now() + 24 * H;
    });
    afterAll(async () => {
      if (database) await close(database);
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('stores a session and reads it back as the view the stage reads', async () => {
      const t = slot();
      const photo = await upload('speaker_photo');
      const made = await r.agenda.create(expoId, session({ speakers: [{ name: '林雅琴', title: { zh: '学者', en: 'Scholar' }, photoMediaId: photo.id }] }));
      const v = sessionView((await r.agenda.get(made.row.id))!);
      expect(v).toEqual({
        id: made.row.id,
        hallId: 'gulangyu',
        kind: 'talk',
        title: { zh: `讲座${n}`, en: `Talk ${n}` },
        description: { zh: '说明', en: 'About' },
        speakers: [{ name: '林雅琴', title: { zh: '学者', en: 'Scholar' }, photoUrl: `/media/${photo.file}` }],
        tags: ['音乐'],
        startsAt: t,
        endsAt: t + H,
        videoUrl: null,
        captionsUrl: null,
        liveUrl: null,
        updatedAt: expect.any(Number),
      });
      expect(typeof made.row.starts_at).toBe('number');
      expect((await r.agenda.list(expoId, { hallId: 'gulangyu', endedAfter: t })).map((x) => x.row.id)).toContain(made.row.id);
      expect((await r.agenda.list(expoId, { hallId: 'gulangyu', endedAfter: t + H })).map((x) => x.row.id)).not.toContain(made.row.id);
      expect((await r.agenda.list(expoId, { hallId: 'shapowei' })).map((x) => x.row.id)).not.toContain(made.row.id);
    });

    it('refuses an overlap in the same hall, and allows back-to-back sessions and other halls', async () => {
      const t = slot();
      await r.agenda.create(expoId, session());
      await expect(r.agenda.create(expoId, session({ startsAt: t + 30 * 60_000, endsAt: t + 2 * H }))).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/one session at a time/),
      });
      await expect(r.agenda.create(expoId, session({ startsAt: t - H + 1, endsAt: t + 1 }))).rejects.toMatchObject({ code: 'conflict' });
      expect((await r.agenda.create(expoId, session({ startsAt: t + H, endsAt: t + 2 * H }))).row.starts_at).toBe(t + H);
      expect((await r.agenda.create(expoId, session({ hallId: 'shapowei' }))).row.hall_id).toBe('shapowei');
      await expect(r.agenda.create(expoId, session({ hallId: 'atlantis' }))).rejects.toMatchObject({ code: 'not_found' });
    });

    it('lets exactly one of 10 concurrent overlapping saves win', async () => {
      const t = slot();
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => r.agenda.create(expoId, session({ startsAt: t + i * 60_000, endsAt: t + H + i * 60_000 }))),
      );
      expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      for (const x of results.filter((y): y is PromiseRejectedResult => y.status === 'rejected')) expect(x.reason).toMatchObject({ code: 'conflict' });
      const rows = await r.agenda.list(expoId, { hallId: 'gulangyu', endedAfter: t });
      expect(rows.filter((x) => x.row.starts_at < t + 2 * H)).toHaveLength(1);
    });

    it('counts SEQUENCE on every edit, moves halls, and hands back the media an edit lets go', async () => {
      const t = slot();
      const v1 = await upload('session_video');
      const c1 = await upload('captions');
      const made = await r.agenda.create(expoId, session({ kind: 'premiere', videoMediaId: v1.id, captionsMediaId: c1.id }));
      expect(made.row.sequence).toBe(0);
      expect(sessionView(made).videoUrl).toBe(`/media/${v1.file}`);
      expect(sessionView(made).captionsUrl).toBe(`/media/${c1.file}`);
      // the same slot again is not an overlap with itself
      const v2 = await upload('session_video');
      const e1 = await r.agenda.update(expoId, made.row.id, session({ kind: 'premiere', videoMediaId: v2.id, captionsMediaId: c1.id, endsAt: t + 2 * H }));
      expect(e1.record.row.sequence).toBe(1);
      expect(e1.orphans).toEqual([v1.file]);
      expect((await r.media.byIds([v1.id])).size).toBe(0);
      const e2 = await r.agenda.update(expoId, made.row.id, session({ hallId: 'shapowei', kind: 'talk' }));
      expect(e2.record.row).toMatchObject({ sequence: 2, hall_id: 'shapowei', video_media_id: null });
      expect(e2.orphans.sort()).toEqual([v2.file, c1.file].sort());
      // the hall it left is free again, the one it moved to is not
      expect((await r.agenda.create(expoId, session())).row.hall_id).toBe('gulangyu');
      await expect(r.agenda.create(expoId, session({ hallId: 'shapowei' }))).rejects.toMatchObject({ code: 'conflict' });
      await expect(r.agenda.update(expoId, 'nosuchsession00', session())).rejects.toMatchObject({ code: 'not_found' });
    });

    it('attaches only agenda uploads of the right kind, and each to one session', async () => {
      slot();
      const photo = await upload('speaker_photo');
      await expect(r.agenda.create(expoId, session({ kind: 'premiere', videoMediaId: photo.id }))).rejects.toMatchObject({ code: 'not_found' });
      await expect(r.agenda.create(expoId, session({ kind: 'premiere', videoMediaId: 'nosuchmedia0000' }))).rejects.toMatchObject({ code: 'not_found' });
      const speakers = [{ name: 'A', title: { zh: '', en: '' }, photoMediaId: photo.id }];
      await r.agenda.create(expoId, session({ speakers }));
      slot();
      await expect(r.agenda.create(expoId, session({ speakers }))).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/another session/),
      });
    });

    it('removes a session: off the agenda, media deleted, a cancelled record with SEQUENCE up', async () => {
      const t = slot();
      const photo = await upload('speaker_photo');
      const made = await r.agenda.create(expoId, session({ speakers: [{ name: 'A', title: { zh: '', en: '' }, photoMediaId: photo.id }] }));
      await r.agenda.star(userId, [made.row.id]);
      const { record, orphans } = await r.agenda.remove(expoId, made.row.id);
      expect(orphans).toEqual([photo.file]);
      expect(record.row.deleted_at).toEqual(expect.any(Number));
      expect(record.row.sequence).toBe(1);
      expect(await r.agenda.get(made.row.id)).toBeUndefined();
      expect((await r.agenda.getAny(made.row.id))?.row.id).toBe(made.row.id);
      expect((await r.agenda.list(expoId)).map((x) => x.row.id)).not.toContain(made.row.id);
      expect(await r.agenda.stars(userId)).not.toContain(made.row.id);
      // its time is free again
      expect((await r.agenda.create(expoId, session({ startsAt: t, endsAt: t + H }))).row.starts_at).toBe(t);
      await expect(r.agenda.remove(expoId, made.row.id)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('stars idempotently, skips unknown and removed sessions, and forgets them with the account', async () => {
      slot();
      const a = await r.agenda.create(expoId, session());
      const b = await r.agenda.create(expoId, session({ startsAt: base + 2 * H, endsAt: base + 3 * H }));
      expect(await r.agenda.star(userId, [a.row.id, a.row.id, 'nosuchsession00'])).toBe(1);
      expect(await r.agenda.star(userId, [a.row.id, b.row.id])).toBe(1);
      expect((await r.agenda.stars(userId)).filter((id) => id === a.row.id || id === b.row.id)).toEqual([a.row.id, b.row.id]);
      await r.agenda.unstar(userId, a.row.id);
      await r.agenda.unstar(userId, a.row.id);
      expect(await r.agenda.stars(userId)).not.toContain(a.row.id);
      const other = await r.users.create({ email: 'gone@x.example', passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName: '走' });
      await r.agenda.star(other.id, [b.row.id]);
      await database.db.deleteFrom('users').where('id', '=', other.id).execute();
      const left = await database.db.selectFrom('agenda_stars').select('user_id').where('user_id', '=', other.id).execute();
      expect(left).toEqual([]);
    });

    it('sweeps uploads no session holds once they are old, and keeps the rest', async () => {
      slot();
      const old = Date.now() - 48 * H;
      const loose = await upload('captions', old);
      const held = await upload('captions', old);
      const fresh = await upload('captions');
      await r.agenda.create(expoId, session({ kind: 'live', liveName: 'main-stage', captionsMediaId: held.id }));
      const files = await r.agenda.sweepMedia(Date.now() - 24 * H);
      expect(files).toContain(loose.file);
      expect(files).not.toContain(held.file);
      expect(files).not.toContain(fresh.file);
      expect((await r.media.byIds([loose.id, held.id, fresh.id])).size).toBe(2);
    });

    it('seeds the demo programme for today and tomorrow in both halls, with the premiere video when the stage asset exists', async () => {
      const expo = await r.expos.create({ slug: 'demo-agenda', name: { zh: '演示', en: 'Demo' }, isDemo: true, active: true, halls: ['gulangyu', 'shapowei'] });
      const assets = path.join(tmp, 'stage');
      fs.mkdirSync(assets, { recursive: true });
      fs.writeFileSync(path.join(assets, 'demo-premiere.mp4'), mp4());
      fs.writeFileSync(path.join(assets, 'demo-premiere.vtt'), 'WEBVTT\n\n00:00.000 --> 00:02.000\n鹭岛\n');
      const now = Date.now();
      const made = await seedDemoAgenda({ repos: r, store, log: quiet, stageAssets: assets }, expo, now);
      expect(made).toBe(DEMO_PROGRAMME.length);
      const list = (await r.agenda.list(expo.id)).map(sessionView);
      expect(new Set(list.map((s) => s.hallId))).toEqual(new Set(['gulangyu', 'shapowei']));
      const chinaDate = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 10);
      expect(new Set(list.map((s) => chinaDate(s.startsAt)))).toEqual(new Set([chinaDate(now), chinaDate(now + 24 * H)]));
      const premieres = list.filter((s) => s.kind === 'premiere');
      expect(premieres.length).toBeGreaterThanOrEqual(1);
      for (const p of premieres) {
        expect(p.videoUrl).toMatch(/^\/media\/[a-z0-9]{24}\.mp4$/);
        expect(p.captionsUrl).toMatch(/^\/media\/[a-z0-9]{24}\.vtt$/);
      }
      expect(list.filter((s) => s.kind === 'talk').every((s) => s.speakers.every((p) => p.photoUrl?.endsWith('.webp')))).toBe(true);
      expect(list.some((s) => /钢琴/.test(s.title.zh + s.description.zh))).toBe(true);
      expect(list.some((s) => /沙坡尾/.test(s.title.zh) && s.kind === 'talk')).toBe(true);
      expect(list.some((s) => s.kind === 'tour')).toBe(true);

      // without the asset the premiere has no video, and nothing breaks
      const bare = await r.expos.create({ slug: 'demo-bare', name: { zh: '演示', en: 'Demo' }, isDemo: true, active: true, halls: ['gulangyu', 'shapowei'] });
      await seedDemoAgenda({ repos: r, store, log: quiet, media: false, stageAssets: path.join(tmp, 'none') }, bare, now);
      const barePremieres = (await r.agenda.list(bare.id)).map(sessionView).filter((s) => s.kind === 'premiere');
      expect(barePremieres.every((s) => s.videoUrl === null && s.captionsUrl === null)).toBe(true);
    });
  });
}
