/**
 * The expo's agenda (issue #11): sessions in halls, each with a kind, bilingual title and
 * description, speakers, a start and an end. The stage of a hall plays what the agenda puts on it
 * at its time: a premiere's uploaded MP4 (in sync across every instance), a live stream relayed
 * under /live/, a talk, a guided tour or an auction. Times are ms since the epoch (UTC); every
 * client shows them in its own time zone.
 *
 * This file is the contract between the agenda (storage, API, pages) and the stage (room state and
 * player): the view below is what both read.
 */
import { z } from 'zod';
import { bilingual, bilingualParagraphs, idSchema, line } from './common';

export const SESSION_KINDS = ['talk', 'premiere', 'live', 'tour', 'auction'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** The in-app reminder for a starred session comes this long before it starts. */
export const AGENDA_REMINDER_MS = 5 * 60_000;

const bilingualView = z.object({ zh: z.string(), en: z.string() });

export const speakerViewSchema = z.object({
  name: z.string(),
  title: bilingualView,
  /** a served photo under /media, or null */
  photoUrl: z.string().nullable(),
});
export type SpeakerView = z.infer<typeof speakerViewSchema>;

export const agendaSessionViewSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  kind: z.enum(SESSION_KINDS),
  title: bilingualView,
  description: bilingualView,
  speakers: z.array(speakerViewSchema),
  tags: z.array(z.string()),
  startsAt: z.number(),
  endsAt: z.number(),
  /** premiere: the uploaded MP4, served by us (/media/...); else null */
  videoUrl: z.string().nullable(),
  /** WebVTT captions for the video or stream, served by us; null when none */
  captionsUrl: z.string().nullable(),
  /** live: the HLS playlist under our own /live/ relay; else null */
  liveUrl: z.string().nullable(),
  /** bumped on every edit, so a stage can tell a moved session from the same one */
  updatedAt: z.number(),
});
export type AgendaSessionView = z.infer<typeof agendaSessionViewSchema>;

// ---------- the agenda's own API (issue #11): what the organizer sends, what the pages read ----------

/** A session lasts at most this long: the stage plays one at a time, and a day has an end. */
export const SESSION_MAX_MS = 12 * 3600_000;
/** Sessions are planned at most this far ahead. */
export const AGENDA_HORIZON_MS = 366 * 24 * 3600_000;
export const SPEAKERS_MAX = 8;
export const TAGS_MAX = 8;
export const AGENDA_LIMITS = { title: 80, description: 2000, speakerName: 60, speakerTitle: 80, tag: 24 } as const;
/** A live stream's name under our relay: /live/<name>/index.m3u8 */
export const LIVE_NAME_PATTERN = /^[a-z0-9-]{1,40}$/;
export const liveUrlFor = (name: string) => `/live/${name}/index.m3u8`;
/** Stars a visitor can hand over at once (the merge of a browser's stars into the account). */
export const STARS_MAX = 200;

export const speakerInputSchema = z.strictObject({
  name: line(AGENDA_LIMITS.speakerName, 1),
  title: bilingual(AGENDA_LIMITS.speakerTitle),
  /** an uploaded photo (uploadAgendaPhoto); null or left out: none */
  photoMediaId: idSchema.nullable().optional(),
});
export type SpeakerInput = z.input<typeof speakerInputSchema>;

const hallIdSchema = z.string().regex(/^[a-z0-9-]{1,32}$/, 'Invalid hall id');

/** A session as the organizer saves it (create, and edit as a whole). */
export const sessionInputSchema = z
  .strictObject({
    hallId: hallIdSchema,
    kind: z.enum(SESSION_KINDS),
    title: bilingual(AGENDA_LIMITS.title, 1),
    description: bilingualParagraphs(AGENDA_LIMITS.description),
    speakers: z.array(speakerInputSchema).max(SPEAKERS_MAX, `At most ${SPEAKERS_MAX} speakers`),
    tags: z
      .array(line(AGENDA_LIMITS.tag, 1))
      .max(TAGS_MAX, `At most ${TAGS_MAX} tags`)
      .refine((t) => new Set(t).size === t.length, 'Each tag once'),
    startsAt: z.number().int().positive(),
    endsAt: z.number().int().positive(),
    /** premiere: the uploaded MP4 (uploadAgendaVideo) */
    videoMediaId: idSchema.nullable().optional(),
    /** premiere or live: WebVTT captions (uploadAgendaCaptions) */
    captionsMediaId: idSchema.nullable().optional(),
    /** live: the stream's name under /live/ */
    liveName: z.string().regex(LIVE_NAME_PATTERN, 'A stream name has 1–40 lower-case letters, digits or dashes').nullable().optional(),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: 'A session ends after it starts', path: ['endsAt'] })
  .refine((s) => s.endsAt - s.startsAt <= SESSION_MAX_MS, { message: 'A session lasts at most 12 hours', path: ['endsAt'] })
  .refine((s) => s.kind === 'premiere' || !s.videoMediaId, { message: 'Only a premiere has an uploaded video', path: ['videoMediaId'] })
  .refine((s) => s.kind === 'live' || !s.liveName, { message: 'Only a live session has a stream', path: ['liveName'] })
  .refine((s) => s.kind !== 'live' || !!s.liveName, { message: 'A live session needs its stream name', path: ['liveName'] })
  .refine((s) => s.kind === 'premiere' || s.kind === 'live' || !s.captionsMediaId, {
    message: 'Captions belong to a premiere or a live session',
    path: ['captionsMediaId'],
  });
export type SessionInput = z.input<typeof sessionInputSchema>;

/** What the organizer's editor reads: the public view plus what it needs to edit and the calendar's count. */
export const agendaSessionEditSchema = agendaSessionViewSchema.extend({
  speakers: z.array(speakerViewSchema.extend({ photoMediaId: z.string().nullable() })),
  videoMediaId: z.string().nullable(),
  captionsMediaId: z.string().nullable(),
  liveName: z.string().nullable(),
  /** the calendar SEQUENCE: 0 when created, +1 on each edit */
  sequence: z.number().int(),
});
export type AgendaSessionEdit = z.infer<typeof agendaSessionEditSchema>;

export const agendaListSchema = z.object({
  /** the running expo's halls, in order: the page's hall filter */
  halls: z.array(z.string()),
  sessions: z.array(agendaSessionViewSchema),
});
export type AgendaList = z.infer<typeof agendaListSchema>;
export const agendaEditListSchema = z.object({ halls: z.array(z.string()), sessions: z.array(agendaSessionEditSchema) });

export const agendaQuerySchema = z.object({ hall: hallIdSchema.optional() });
export const sessionParamsSchema = z.object({ sessionId: idSchema });
/** Several sessions in one calendar file: ids separated by commas (a guest's stars, or an account's). */
export const agendaCalendarQuerySchema = z.object({
  sessions: z
    .string()
    .max(STARS_MAX * 17)
    .transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .pipe(z.array(idSchema).min(1, 'Name at least one session').max(STARS_MAX)),
});

export const starsSchema = z.object({ sessionIds: z.array(z.string()) });
export const starsMergeSchema = z.strictObject({ sessionIds: z.array(idSchema).max(STARS_MAX) });

/** An upload for a session, before it is attached to one (the session's save names it). */
export const agendaUploadSchema = z.object({ mediaId: z.string(), url: z.string(), bytes: z.number().int(), name: z.string() });
export type AgendaUpload = z.infer<typeof agendaUploadSchema>;

/** Server-sent events of GET /api/agenda/events: the open pages refetch. */
export const agendaEvents = {
  agenda: {
    summary: 'a session was created, edited or removed',
    data: z.object({ sessionId: z.string(), halls: z.array(z.string()), at: z.number() }),
  },
} as const satisfies Record<string, { summary: string; data: z.ZodType }>;
