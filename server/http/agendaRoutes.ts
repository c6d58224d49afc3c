/**
 * The agenda (issue #11): the public programme, its calendar files and live stream; visitors'
 * stars; the organizer's editor with its uploads. Every save and removal is published on the agenda
 * bus (server/agenda/service.ts), which reaches the open pages (GET /api/agenda/events) and the
 * stage of every hall instance on every process.
 */
import type { Request, Response, Router } from 'express';
import { routes } from '../../shared/api/routes';
import { formatSse } from '../../shared/api/sse';
import type { z } from 'zod';
import { AGENDA_HORIZON_MS, agendaEvents, type AgendaUpload, type sessionInputSchema } from '../../shared/api/agenda';
import { IMAGE_MAX_SIDE, UPLOAD_KINDS, type UploadKind } from '../../shared/api/uploads';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { openSse } from './sse';
import { looseUploader } from './looseUpload';
import { RepoError } from '../db/repositories';
import type { NewSession, SessionRecord } from '../db/repositories/agenda';
import type { AgendaMediaKind } from '../db/repositories/media';
import { checkImage, checkMp4, checkVtt, type CheckedFile } from '../uploads/checks';
import { agendaIcs, type IcsSession } from '../agenda/ics';
import { sessionEditView, sessionView } from '../agenda/views';

const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

function sendIcs(res: Response, list: IcsSession[], origin: string, filename: string): undefined {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.status(200).end(agendaIcs(list, origin));
  return undefined;
}

const icsEntry = (r: SessionRecord): IcsSession => ({ view: sessionView(r), sequence: r.row.sequence, cancelled: r.row.deleted_at !== null });

function toNew(body: z.output<typeof sessionInputSchema>): NewSession {
  return {
    hallId: body.hallId,
    kind: body.kind,
    title: body.title,
    description: body.description,
    speakers: body.speakers.map((p) => ({ name: p.name, title: p.title, photoMediaId: p.photoMediaId ?? null })),
    tags: body.tags,
    startsAt: body.startsAt,
    endsAt: body.endsAt,
    videoMediaId: body.kind === 'premiere' ? (body.videoMediaId ?? null) : null,
    captionsMediaId: body.captionsMediaId ?? null,
    liveName: body.kind === 'live' ? (body.liveName ?? null) : null,
  };
}

export function agendaRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  const activeExpo = async () => {
    const expo = await s.repos.expos.getActive();
    if (!expo) throw new HttpError(404, 'no_expo', 'No expo is running');
    return expo;
  };

  /** The rules a session's times and hall must meet beyond its schema. */
  const checkPlan = (expoHalls: string[], body: { hallId: string; endsAt: number; startsAt: number }, now: number) => {
    if (!expoHalls.includes(body.hallId)) throw new HttpError(400, 'unknown_hall', 'The running expo has no such hall');
    if (body.endsAt <= now) throw new HttpError(400, 'in_the_past', 'This session would already be over: pick a time to come');
    if (body.startsAt > now + AGENDA_HORIZON_MS) throw new HttpError(400, 'too_far', 'Sessions can be planned at most a year ahead');
  };

  /** A repository conflict from a save is one of two things; the overlap gets its own code for the editor. */
  const saving = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof RepoError && err.code === 'conflict' && /one session at a time/.test(err.message))
        throw new HttpError(409, 'session_overlap', err.message);
      throw err;
    }
  };

  // ---- public ----

  bind(router, routes.agenda, deps, async ({ query }) => {
    const expo = await activeExpo();
    if (query.hall && !expo.halls.includes(query.hall)) throw new HttpError(404, 'unknown_hall', 'There is no such hall');
    const list = await s.repos.agenda.list(expo.id, { hallId: query.hall });
    return { halls: expo.halls, sessions: list.map(sessionView) };
  });

  bind(router, routes.agendaSession, deps, async ({ params }) => {
    const r = await s.repos.agenda.get(params.sessionId);
    if (!r) throw new HttpError(404, 'not_found', 'No such session');
    return sessionView(r);
  });

  bind(router, routes.agendaSessionIcs, deps, async ({ params, req, res }) => {
    const r = await s.repos.agenda.getAny(params.sessionId);
    if (!r) throw new HttpError(404, 'not_found', 'No such session');
    return sendIcs(res, [icsEntry(r)], originOf(req), `ludao-session-${r.row.id}.ics`);
  });

  bind(router, routes.agendaCalendar, deps, async ({ query, req, res }) => {
    const expo = await activeExpo();
    const list = await s.repos.agenda.byIds(expo.id, query.sessions);
    if (list.length === 0) throw new HttpError(404, 'not_found', 'None of these sessions is on the agenda');
    return sendIcs(res, list.map(icsEntry), originOf(req), 'ludao-agenda.ics');
  });

  bind(router, routes.agendaEvents, deps, async ({ req, res }) => {
    openSse(s, req, res, (write) =>
      s.agenda.subscribe((e) => write(formatSse('agenda' satisfies keyof typeof agendaEvents, { sessionId: e.sessionId, halls: e.halls, at: e.at }))),
    );
  });

  // ---- a visitor's stars ----

  const stars = async (userId: string) => ({ sessionIds: await s.repos.agenda.stars(userId) });

  bind(router, routes.myStars, deps, async ({ user }) => stars(user.id));

  bind(router, routes.mergeStars, deps, async ({ user, body }) => {
    await s.repos.agenda.star(user.id, body.sessionIds);
    return stars(user.id);
  });

  bind(router, routes.starSession, deps, async ({ user, params }) => {
    if (!(await s.repos.agenda.get(params.sessionId))) throw new HttpError(404, 'not_found', 'No such session');
    await s.repos.agenda.star(user.id, [params.sessionId]);
    return stars(user.id);
  });

  bind(router, routes.unstarSession, deps, async ({ user, params }) => {
    await s.repos.agenda.unstar(user.id, params.sessionId);
    return stars(user.id);
  });

  // ---- the organizer's editor ----

  bind(router, routes.organizerAgenda, deps, async () => {
    const expo = await activeExpo();
    return { halls: expo.halls, sessions: (await s.repos.agenda.list(expo.id)).map(sessionEditView) };
  });

  bind(router, routes.createAgendaSession, deps, async ({ body, user }) => {
    const expo = await activeExpo();
    checkPlan(expo.halls, body, Date.now());
    const r = await saving(() => s.repos.agenda.create(expo.id, toNew(body)));
    // an organizer action: into the audit log (issue #11)
    await s.repos.audit.record({
      actorId: user.id,
      action: 'agenda.session_create',
      targetType: 'session',
      targetId: r.row.id,
      detail: { hall: r.row.hall_id },
    });
    s.agenda.changed(r.row.id, [r.row.hall_id]);
    return sessionEditView(r);
  });

  bind(router, routes.updateAgendaSession, deps, async ({ params, body, user }) => {
    const expo = await activeExpo();
    const before = await s.repos.agenda.get(params.sessionId);
    if (!before || before.row.expo_id !== expo.id) throw new HttpError(404, 'not_found', 'No such session');
    checkPlan(expo.halls, body, Date.now());
    const { record, orphans } = await saving(() => s.repos.agenda.update(expo.id, params.sessionId, toNew(body)));
    await s.repos.audit.record({
      actorId: user.id,
      action: 'agenda.session_update',
      targetType: 'session',
      targetId: record.row.id,
      detail: { hall: record.row.hall_id },
    });
    await s.store.remove(orphans);
    s.agenda.changed(record.row.id, [before.row.hall_id, record.row.hall_id]);
    return sessionEditView(record);
  });

  bind(router, routes.deleteAgendaSession, deps, async ({ params, user }) => {
    const expo = await activeExpo();
    const { record, orphans } = await s.repos.agenda.remove(expo.id, params.sessionId);
    await s.repos.audit.record({
      actorId: user.id,
      action: 'agenda.session_delete',
      targetType: 'session',
      targetId: record.row.id,
      detail: { hall: record.row.hall_id },
    });
    await s.store.remove(orphans);
    s.agenda.changed(record.row.id, [record.row.hall_id]);
    return { ok: true as const };
  });

  /** Receives, checks and stores one upload; a session's save attaches it. Nothing stays behind on failure (./looseUpload.ts). */
  const uploader = looseUploader(s);
  function upload(
    req: Request,
    kind: UploadKind,
    mediaKind: AgendaMediaKind,
    check: (data: Buffer) => Promise<CheckedFile> | CheckedFile,
  ): Promise<AgendaUpload> {
    return uploader(req, {
      maxBytes: UPLOAD_KINDS[kind].maxBytes,
      check,
      add: (m) => s.repos.agenda.addMedia({ ...m, exhibitorId: null, kind: mediaKind }),
      sweep: (before) => s.repos.agenda.sweepMedia(before),
    });
  }

  bind(router, routes.uploadAgendaPhoto, deps, async ({ req }) => upload(req, 'image', 'speaker_photo', (d) => checkImage(d, IMAGE_MAX_SIDE.logo)));
  bind(router, routes.uploadAgendaVideo, deps, async ({ req }) => upload(req, 'video', 'session_video', checkMp4));
  bind(router, routes.uploadAgendaCaptions, deps, async ({ req }) => upload(req, 'captions', 'captions', checkVtt));
}
