/**
 * The agenda's sessions and the visitors' stars (issue #11). The rule that matters under any race —
 * sessions of one hall never overlap — is checked inside the transaction that writes, while it holds
 * the hall's expo_halls row (an UPDATE of it locks the row on PostgreSQL; SQLite runs one write
 * transaction at a time), so of two organizers saving overlapping sessions at once exactly one wins.
 * Uploaded media (speaker photos, premiere videos, captions) are rows of `media` that a session's
 * save attaches; what an edit or a removal lets go is deleted and its files are handed back.
 */
import type { Transaction } from 'kysely';
import type { AgendaSessionTable, DB, Kdb } from '../types';
import type { AgendaMediaKind, MediaRow, NewMedia } from './media';
import { mediaRow } from './media';
import { RepoError, newId } from './ids';

export interface SpeakerRecord {
  name: string;
  title: { zh: string; en: string };
  photoMediaId: string | null;
}

export interface NewSession {
  hallId: string;
  kind: string;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  speakers: SpeakerRecord[];
  tags: string[];
  startsAt: number;
  endsAt: number;
  videoMediaId: string | null;
  captionsMediaId: string | null;
  liveName: string | null;
}

/** A session with its JSON parts read and its media looked up. Times are numbers on both dialects. */
export interface SessionRecord {
  row: AgendaSessionTable;
  speakers: SpeakerRecord[];
  tags: string[];
  media: Map<string, MediaRow>;
}

interface StoredSpeaker {
  name: string;
  title_zh: string;
  title_en: string;
  photo_media_id: string | null;
}

type Db = Kdb | Transaction<DB>;

const num = (v: unknown) => Number(v);

function normalise(r: AgendaSessionTable): AgendaSessionTable {
  return {
    ...r,
    starts_at: num(r.starts_at),
    ends_at: num(r.ends_at),
    sequence: num(r.sequence),
    created_at: num(r.created_at),
    updated_at: num(r.updated_at),
    deleted_at: r.deleted_at === null ? null : num(r.deleted_at),
  };
}

function readSpeakers(json: string): SpeakerRecord[] {
  return (JSON.parse(json) as StoredSpeaker[]).map((s) => ({ name: s.name, title: { zh: s.title_zh, en: s.title_en }, photoMediaId: s.photo_media_id }));
}

const storeSpeakers = (list: SpeakerRecord[]) =>
  JSON.stringify(list.map((s): StoredSpeaker => ({ name: s.name, title_zh: s.title.zh, title_en: s.title.en, photo_media_id: s.photoMediaId })));

/** Every media id a session holds. */
function mediaIdsOf(s: { speakers: SpeakerRecord[]; videoMediaId: string | null; captionsMediaId: string | null }): string[] {
  return [s.videoMediaId, s.captionsMediaId, ...s.speakers.map((p) => p.photoMediaId)].filter((x): x is string => !!x);
}

/** China time, for the organizer's messages (the expo is in Xiamen). */
const chinaClock = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');

export function agendaRepository(db: Kdb) {
  async function assemble(q: Db, rows: AgendaSessionTable[]): Promise<SessionRecord[]> {
    const parsed = rows.map((r) => {
      const row = normalise(r);
      return { row, speakers: readSpeakers(row.speakers), tags: JSON.parse(row.tags) as string[] };
    });
    const ids = parsed.flatMap((p) => mediaIdsOf({ speakers: p.speakers, videoMediaId: p.row.video_media_id, captionsMediaId: p.row.captions_media_id }));
    const media = new Map<string, MediaRow>();
    if (ids.length) {
      for (const m of await q
        .selectFrom('media')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .execute())
        media.set(m.id, m);
    }
    return parsed.map((p) => ({ ...p, media }));
  }

  const getIn = async (q: Db, id: string, withDeleted = false) => {
    let sel = q.selectFrom('agenda_sessions').selectAll().where('id', '=', id);
    if (!withDeleted) sel = sel.where('deleted_at', 'is', null);
    const row = await sel.executeTakeFirst();
    return row ? (await assemble(q, [row]))[0] : undefined;
  };

  /** Takes the hall's row lock for the rest of the transaction; false when the expo has no such hall. */
  async function lockHall(trx: Transaction<DB>, expoId: string, hallId: string): Promise<boolean> {
    const r = await trx
      .updateTable('expo_halls')
      .set((eb) => ({ position: eb.ref('position') }))
      .where('expo_id', '=', expoId)
      .where('hall_id', '=', hallId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async function refuseOverlap(trx: Transaction<DB>, expoId: string, s: NewSession, selfId: string | null): Promise<void> {
    let q = trx
      .selectFrom('agenda_sessions')
      .select(['id', 'title_zh', 'title_en', 'starts_at', 'ends_at'])
      .where('expo_id', '=', expoId)
      .where('hall_id', '=', s.hallId)
      .where('deleted_at', 'is', null)
      .where('starts_at', '<', s.endsAt)
      .where('ends_at', '>', s.startsAt);
    if (selfId) q = q.where('id', '!=', selfId);
    const clash = await q.orderBy('starts_at').executeTakeFirst();
    if (clash) {
      throw new RepoError(
        'conflict',
        `This hall already has “${clash.title_zh}${clash.title_en ? ` / ${clash.title_en}` : ''}” from ${chinaClock(num(clash.starts_at))} to ${chinaClock(num(clash.ends_at))} (China time): the stage plays one session at a time`,
      );
    }
  }

  /** Each media id must be an agenda upload of the right kind that no other session holds. */
  async function checkMedia(trx: Transaction<DB>, expoId: string, s: NewSession, selfId: string | null): Promise<void> {
    const want = new Map<string, AgendaMediaKind>();
    if (s.videoMediaId) want.set(s.videoMediaId, 'session_video');
    if (s.captionsMediaId) want.set(s.captionsMediaId, 'captions');
    for (const p of s.speakers) {
      if (!p.photoMediaId) continue;
      if (want.has(p.photoMediaId)) throw new RepoError('conflict', 'Each speaker needs a photo of their own');
      want.set(p.photoMediaId, 'speaker_photo');
    }
    if (want.size === 0) return;
    const rows = await trx
      .selectFrom('media')
      .select(['id', 'kind'])
      .where('id', 'in', [...want.keys()])
      .execute();
    const kinds = new Map(rows.map((r) => [r.id, r.kind]));
    for (const [id, kind] of want) {
      if (kinds.get(id) !== kind) throw new RepoError('not_found', `No such upload (${kind.replace('_', ' ')}): upload the file again`);
    }
    // Held by another session? (A removal deletes its media, so sharing would break the other.)
    let others = trx.selectFrom('agenda_sessions').select(['id', 'speakers', 'video_media_id', 'captions_media_id']).where('expo_id', '=', expoId);
    if (selfId) others = others.where('id', '!=', selfId);
    for (const o of await others.where('deleted_at', 'is', null).execute()) {
      const held = mediaIdsOf({ speakers: readSpeakers(o.speakers), videoMediaId: o.video_media_id, captionsMediaId: o.captions_media_id });
      if (held.some((id) => want.has(id))) throw new RepoError('conflict', 'That upload belongs to another session: upload the file again for this one');
    }
  }

  async function dropMedia(trx: Transaction<DB>, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await trx.selectFrom('media').select('file').where('id', 'in', ids).execute();
    await trx.deleteFrom('media').where('id', 'in', ids).execute();
    return rows.map((r) => r.file);
  }

  const values = (s: NewSession) => ({
    hall_id: s.hallId,
    kind: s.kind,
    title_zh: s.title.zh,
    title_en: s.title.en,
    description_zh: s.description.zh,
    description_en: s.description.en,
    speakers: storeSpeakers(s.speakers),
    tags: JSON.stringify(s.tags),
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    video_media_id: s.videoMediaId,
    captions_media_id: s.captionsMediaId,
    live_name: s.liveName,
  });

  const live = (expoId: string) => db.selectFrom('agenda_sessions').selectAll().where('expo_id', '=', expoId).where('deleted_at', 'is', null);

  return {
    get: (id: string) => getIn(db, id),
    /** Also a removed session (its calendar file says "cancelled"). */
    getAny: (id: string) => getIn(db, id, true),

    /** The expo's live sessions by start time; of one hall, and not ended by `endedAfter`, when given. */
    async list(expoId: string, opts: { hallId?: string; endedAfter?: number } = {}): Promise<SessionRecord[]> {
      let q = live(expoId);
      if (opts.hallId) q = q.where('hall_id', '=', opts.hallId);
      if (opts.endedAfter !== undefined) q = q.where('ends_at', '>', opts.endedAfter);
      return assemble(db, await q.orderBy('starts_at').orderBy('id').limit(2000).execute());
    },

    /** These sessions of the expo (removed ones too: a calendar learns they were cancelled), by start time. */
    async byIds(expoId: string, ids: string[]): Promise<SessionRecord[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('agenda_sessions')
        .selectAll()
        .where('expo_id', '=', expoId)
        .where('id', 'in', [...new Set(ids)])
        .orderBy('starts_at')
        .execute();
      return assemble(db, rows);
    },

    async create(expoId: string, s: NewSession, now = Date.now()): Promise<SessionRecord> {
      const id = newId();
      await db.transaction().execute(async (trx) => {
        if (!(await lockHall(trx, expoId, s.hallId))) throw new RepoError('not_found', 'The expo has no such hall');
        await refuseOverlap(trx, expoId, s, null);
        await checkMedia(trx, expoId, s, null);
        await trx
          .insertInto('agenda_sessions')
          .values({ id, expo_id: expoId, ...values(s), sequence: 0, created_at: now, updated_at: now, deleted_at: null })
          .execute();
      });
      return (await getIn(db, id))!;
    },

    /** Replaces a session's content; SEQUENCE goes up. Returns the files of the media it let go. */
    async update(expoId: string, id: string, s: NewSession, now = Date.now()): Promise<{ record: SessionRecord; orphans: string[] }> {
      const orphans = await db.transaction().execute(async (trx) => {
        const old = await trx
          .selectFrom('agenda_sessions')
          .selectAll()
          .where('id', '=', id)
          .where('expo_id', '=', expoId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!old) throw new RepoError('not_found', 'No such session');
        // both halls when it moves, always in the same order (no deadlock between two movers)
        for (const hall of [...new Set([old.hall_id, s.hallId])].sort()) {
          if (!(await lockHall(trx, expoId, hall))) throw new RepoError('not_found', 'The expo has no such hall');
        }
        await refuseOverlap(trx, expoId, s, id);
        await checkMedia(trx, expoId, s, id);
        const r = await trx
          .updateTable('agenda_sessions')
          .set((eb) => ({ ...values(s), sequence: eb('sequence', '+', 1), updated_at: now }))
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!Number(r.numUpdatedRows)) throw new RepoError('not_found', 'No such session');
        const kept = new Set(mediaIdsOf(s));
        const before = mediaIdsOf({ speakers: readSpeakers(old.speakers), videoMediaId: old.video_media_id, captionsMediaId: old.captions_media_id });
        return dropMedia(
          trx,
          before.filter((m) => !kept.has(m)),
        );
      });
      return { record: (await getIn(db, id))!, orphans };
    },

    /** Removes a session: it leaves the agenda, its media are deleted, SEQUENCE goes up for the calendar's CANCEL. */
    async remove(expoId: string, id: string, now = Date.now()): Promise<{ record: SessionRecord; orphans: string[] }> {
      const orphans = await db.transaction().execute(async (trx) => {
        const old = await trx
          .selectFrom('agenda_sessions')
          .selectAll()
          .where('id', '=', id)
          .where('expo_id', '=', expoId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!old) throw new RepoError('not_found', 'No such session');
        await trx
          .updateTable('agenda_sessions')
          .set((eb) => ({
            deleted_at: now,
            updated_at: now,
            sequence: eb('sequence', '+', 1),
            video_media_id: null,
            captions_media_id: null,
            speakers: storeSpeakers(readSpeakers(old.speakers).map((p) => ({ ...p, photoMediaId: null }))),
          }))
          .where('id', '=', id)
          .execute();
        return dropMedia(trx, mediaIdsOf({ speakers: readSpeakers(old.speakers), videoMediaId: old.video_media_id, captionsMediaId: old.captions_media_id }));
      });
      return { record: (await getIn(db, id, true))!, orphans };
    },

    /** Stores an upload that a session's save will attach. */
    async addMedia(m: NewMedia & { kind: AgendaMediaKind }): Promise<MediaRow> {
      const row = mediaRow(m);
      await db.insertInto('media').values(row).execute();
      return row;
    },

    /**
     * Agenda uploads no live session holds, made before `olderThan` (uploaded for a form that was
     * never saved, or held by a removed session): deleted, their files handed back.
     */
    async sweepMedia(olderThan: number): Promise<string[]> {
      const held = new Set<string>();
      for (const o of await db
        .selectFrom('agenda_sessions')
        .select(['speakers', 'video_media_id', 'captions_media_id'])
        .where('deleted_at', 'is', null)
        .execute()) {
        for (const id of mediaIdsOf({ speakers: readSpeakers(o.speakers), videoMediaId: o.video_media_id, captionsMediaId: o.captions_media_id })) held.add(id);
      }
      const loose = (
        await db
          .selectFrom('media')
          .select('id')
          .where('kind', 'in', ['speaker_photo', 'session_video', 'captions'])
          .where('created_at', '<', olderThan)
          .execute()
      )
        .map((r) => r.id)
        .filter((id) => !held.has(id));
      if (loose.length === 0) return [];
      return db.transaction().execute((trx) => dropMedia(trx, loose));
    },

    /** The visitor's starred sessions that are still on the agenda. */
    async stars(userId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('agenda_stars')
        .innerJoin('agenda_sessions', 'agenda_sessions.id', 'agenda_stars.session_id')
        .select('agenda_stars.session_id')
        .where('agenda_stars.user_id', '=', userId)
        .where('agenda_sessions.deleted_at', 'is', null)
        .orderBy('agenda_sessions.starts_at')
        .execute();
      return rows.map((r) => r.session_id);
    },

    /**
     * Stars these sessions (idempotent); ids of sessions that do not exist or were removed are
     * skipped, so a browser's old stars merge without an error. Returns how many were new.
     */
    async star(userId: string, sessionIds: string[], now = Date.now()): Promise<number> {
      if (sessionIds.length === 0) return 0;
      const existing = await db
        .selectFrom('agenda_sessions')
        .select('id')
        .where('id', 'in', [...new Set(sessionIds)])
        .where('deleted_at', 'is', null)
        .execute();
      if (existing.length === 0) return 0;
      const r = await db
        .insertInto('agenda_stars')
        .values(existing.map((e) => ({ user_id: userId, session_id: e.id, created_at: now })))
        .onConflict((oc) => oc.columns(['user_id', 'session_id']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0);
    },

    async unstar(userId: string, sessionId: string): Promise<void> {
      await db.deleteFrom('agenda_stars').where('user_id', '=', userId).where('session_id', '=', sessionId).execute();
    },
  };
}

export type AgendaRepository = ReturnType<typeof agendaRepository>;
