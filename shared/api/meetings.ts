/**
 * Meetings at a booth (issue #10): slots the exhibitor publishes (15 to 60 minutes, a staff member,
 * at the booth or by video link) and the bookings visitors make. Times are ms since the epoch (UTC);
 * every client shows them in its own time zone.
 */
import { z } from 'zod';
import { idSchema } from './common';

export const MEETING_MIN_MINUTES = 15;
export const MEETING_MAX_MINUTES = 60;
/** The in-app reminder comes this long before a meeting. */
export const MEETING_REMINDER_MS = 15 * 60_000;
/** Slots are published at most this far ahead. */
export const MEETING_HORIZON_MS = 366 * 24 * 3600_000;

export const MEETING_MODES = ['booth', 'video'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const MEETING_STATUSES = ['booked', 'cancelled'] as const;
export const CANCELLED_BY = ['visitor', 'staff', 'slot_withdrawn', 'account_deleted'] as const;

/** A video link: https with a real domain name only (no javascript:, no plain http). */
const videoUrlSchema = z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'Video links must be https:// addresses' }).max(500);

export const slotInputSchema = z
  .strictObject({
    startsAt: z.number().int().positive(),
    minutes: z.number().int().min(MEETING_MIN_MINUTES).max(MEETING_MAX_MINUTES),
    /** the staff member holding it; the caller when left out */
    staffId: idSchema.optional(),
    mode: z.enum(MEETING_MODES),
    videoUrl: videoUrlSchema.optional(),
  })
  .refine((s) => s.mode !== 'video' || !!s.videoUrl, { message: 'A video meeting needs its link', path: ['videoUrl'] })
  .refine((s) => s.mode !== 'booth' || !s.videoUrl, { message: 'A meeting at the booth has no video link', path: ['videoUrl'] });
export type SlotInput = z.input<typeof slotInputSchema>;

export const slotViewSchema = z.object({
  id: z.string(),
  boothId: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  mode: z.enum(MEETING_MODES),
  staffName: z.string(),
  /** false once someone booked it */
  free: z.boolean(),
});
export type SlotView = z.infer<typeof slotViewSchema>;
export const slotViewListSchema = z.object({ slots: z.array(slotViewSchema) });

export const meetingViewSchema = z.object({
  id: z.string(),
  boothId: z.string(),
  slotId: z.string(),
  exhibitorName: z.object({ zh: z.string(), en: z.string() }),
  hallId: z.string(),
  staffName: z.string(),
  /** '' once the visitor deleted their account */
  visitorName: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  mode: z.enum(MEETING_MODES),
  /** the video link, shown to the two sides only */
  videoUrl: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  cancelledBy: z.enum(CANCELLED_BY).nullable(),
  /** the calendar SEQUENCE: 0 when booked, +1 on each reschedule or cancellation */
  sequence: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;
export const meetingListSchema = z.object({ meetings: z.array(meetingViewSchema) });

/** The booth's side: its slots (free, booked, past) and its bookings. */
export const boothMeetingsSchema = z.object({
  slots: z.array(slotViewSchema.extend({ staffId: z.string(), videoUrl: z.string().nullable() })),
  meetings: z.array(meetingViewSchema),
  /** who can hold a meeting: the exhibitor's staff accounts */
  staff: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type BoothMeetings = z.infer<typeof boothMeetingsSchema>;

export const bookSchema = z.strictObject({ slotId: idSchema });
export const rescheduleSchema = z.strictObject({ slotId: idSchema });
export const meetingParamsSchema = z.object({ meetingId: idSchema });
export const boothMeetingParamsSchema = z.object({ boothId: idSchema, meetingId: idSchema });
export const boothSlotParamsSchema = z.object({ boothId: idSchema, slotId: idSchema });

/** Server-sent events on the visitor's and the booth's streams: a meeting was booked, moved or cancelled. */
export const meetingEvents = {
  meeting: { summary: 'a meeting was booked, rescheduled or cancelled', data: meetingViewSchema },
} as const satisfies Record<string, { summary: string; data: z.ZodType }>;
