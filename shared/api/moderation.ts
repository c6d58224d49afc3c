/**
 * Moderation (issue #11): the schemas of the console's routes (reports queue, sanctions, hall chat
 * modes, the audit log, moderator invitations), the device token route, and the console's event
 * stream. Views carry ids and the names visitors chose, never account or device ids of visitors.
 */
import { z } from 'zod';
import { idSchema, line } from './common';
import { QA_CHANGES } from './qa';
import { formatSse, parseSse } from './sse';
import {
  AUDIT_ACTION_PATTERN,
  DEVICE_PATTERN,
  REPORT_NOTE_MAX,
  REPORT_REASONS,
  REPORT_RESOLUTIONS,
  SANCTION_ACTIONS,
  SANCTION_MAX_MINUTES,
  SLOW_MODE_MAX_S,
} from './moderationTerms';

export * from './moderationTerms';

/** null: until lifted */
export const sanctionMinutesSchema = z.number().int().min(1).max(SANCTION_MAX_MINUTES).nullable();

export const hallChatModeSchema = z.strictObject({
  slowModeS: z.number().int().min(0).max(SLOW_MODE_MAX_S),
  chatOff: z.boolean(),
  muteAll: z.boolean(),
});
export const hallModeViewSchema = z.object({ hallId: z.string(), mode: hallChatModeSchema, updatedAt: z.number().nullable() });
export const hallModeListSchema = z.object({ halls: z.array(hallModeViewSchema) });
export const hallParamsSchema = z.strictObject({ hallId: z.string().regex(/^[a-z0-9-]{1,32}$/) });

export const reportViewSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  instance: z.number(),
  /** the name the reported visitor chose (shown in the hall anyway) */
  targetName: z.string(),
  /** the reported line, when a line was reported */
  lineText: z.string().nullable(),
  reason: z.enum(REPORT_REASONS),
  note: z.string(),
  status: z.enum(['open', 'closed']),
  resolution: z.enum(REPORT_RESOLUTIONS).nullable(),
  createdAt: z.number(),
  resolvedAt: z.number().nullable(),
});
export type ReportView = z.infer<typeof reportViewSchema>;
export const reportListSchema = z.object({ reports: z.array(reportViewSchema) });
export const reportQuerySchema = z.strictObject({ status: z.enum(['open', 'closed']).default('open') });
export const reportParamsSchema = z.strictObject({ reportId: idSchema });
export const resolveReportSchema = z.strictObject({
  action: z.enum(REPORT_RESOLUTIONS),
  /** for mute and ban; left out: until lifted */
  minutes: sanctionMinutesSchema.optional(),
});

export const sanctionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['mute', 'ban']),
  targetName: z.string().nullable(),
  hallId: z.string().nullable(),
  /** what the sanction is bound to: an account, a device, this connection only */
  boundTo: z.array(z.enum(['account', 'device', 'session'])),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
});
export type SanctionView = z.infer<typeof sanctionViewSchema>;
export const sanctionListSchema = z.object({ sanctions: z.array(sanctionViewSchema) });
export const sanctionParamsSchema = z.strictObject({ sanctionId: idSchema });

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export const auditQuerySchema = z.strictObject({
  action: z.string().regex(AUDIT_ACTION_PATTERN).optional(),
  /** entries before this time (ms), for the next page */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema), actions: z.array(z.string()) });

export const deviceSchema = z.strictObject({ device: z.string().regex(DEVICE_PATTERN).nullable().optional() });
export const deviceResultSchema = z.object({ device: z.string() });

/** Moderator invitations take the same bodies as the staff ones (an email or none; token, email, name, password). */
export { inviteCreateSchema as moderatorInviteCreateSchema, acceptInviteSchema as moderatorInviteAcceptSchema } from './schemas';
export const moderatorInviteInfoSchema = z.object({ email: z.string().nullable(), expiresAt: z.number() });

/** The console's live stream (route `moderationEvents`). */
export const moderationEvents = {
  report: { summary: 'a new report in the queue', data: reportViewSchema },
  'report-closed': { summary: 'a report was actioned or dismissed', data: reportViewSchema },
  sanctions: { summary: 'mutes or bans changed: refetch the list', data: z.object({ at: z.number() }) },
  'hall-mode': { summary: "a hall's chat mode changed", data: hallModeViewSchema },
  qa: {
    summary: 'a question was asked, upvoted or decided: refetch the Q&A queue',
    data: z.object({ hallId: z.string(), sessionId: z.string(), change: z.enum(QA_CHANGES), at: z.number() }),
  },
} as const satisfies Record<string, { summary: string; data: z.ZodType }>;
export type ModerationEventName = keyof typeof moderationEvents;
export type ModerationEventData<N extends ModerationEventName> = z.output<(typeof moderationEvents)[N]['data']>;
export const moderationEventNames = Object.keys(moderationEvents) as ModerationEventName[];

export function moderationSseFrame<N extends ModerationEventName>(name: N, data: ModerationEventData<N>): string {
  return formatSse(name, data);
}
export function parseModerationEvent<N extends ModerationEventName>(name: N, raw: string): ModerationEventData<N> | null {
  return parseSse(moderationEvents, name, raw);
}

/** Room messages: what a report or a moderator's action names (the server resolves who it is). */
export const moderationTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('line'), lineId: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('person'), sessionId: z.string().regex(/^[A-Za-z0-9_-]{4,32}$/) }),
]);
export const reportMessageSchema = z
  .strictObject({
    target: moderationTargetSchema,
    reason: z.enum(REPORT_REASONS),
    note: line(REPORT_NOTE_MAX).optional(),
  })
  .refine((r) => r.reason !== 'other' || !!r.note, { message: "Say what is wrong when the reason is 'other'", path: ['note'] });
export const moderateMessageSchema = z.strictObject({
  target: moderationTargetSchema,
  action: z.enum(SANCTION_ACTIONS),
  minutes: sanctionMinutesSchema.optional(),
});
