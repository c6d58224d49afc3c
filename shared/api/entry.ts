/**
 * Entry rules (issue #11 item 5): who may enter a hall. The organizer sets one rule for the expo
 * and may override it per hall; the server checks it in HallRoom.onAuth, before any seat exists.
 *
 * - open: anyone (the default when nothing is set)
 * - code: the visitor types the entry code the organizer gave out (stored as a salted scrypt hash)
 * - invite: the visitor holds an entry pass, an organizer-issued link (`/?pass=TOKEN`) made for one
 *   visitor or one group (its label says whom); expo-wide or for one hall, revocable, with an
 *   optional use limit. It is not the social "invite a friend" link (a room id: same instance),
 *   which never lets anyone past a rule.
 * - account: the visitor must be signed in with a visitor account (issue #10)
 *
 * Organizers and moderators always get in (they run the event), and so do a booth's staff in the
 * hall of their own booth.
 */
import { z } from 'zod';
import { agendaSessionViewSchema } from './agenda';
import { endpoints } from './endpoints';
import type { RouteDef } from './routes';
import { ENTRY_CODE_MAX, ENTRY_CODE_MIN, ENTRY_PASS_PATTERN, ENTRY_RULES, HALL_ENTRY_SETTINGS, normaliseEntryCode } from './entryTerms';

export * from './entryTerms';

const codeSchema = z.string().transform(normaliseEntryCode).pipe(z.string().min(ENTRY_CODE_MIN).max(ENTRY_CODE_MAX));

export const entryScopeParamsSchema = z.strictObject({ scope: z.string().regex(/^(expo|[a-z0-9-]{1,32})$/) });
export const entryHallParamsSchema = z.strictObject({ hallId: z.string().regex(/^[a-z0-9-]{1,32}$/) });
export const entryInviteParamsSchema = z.strictObject({ inviteId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** The organizer sets a rule; `code` is required when switching to a code rule without one already set. */
export const entryRuleInputSchema = z.strictObject({
  rule: z.enum(HALL_ENTRY_SETTINGS),
  code: codeSchema.optional(),
});

export const entryRuleViewSchema = z.object({
  /** 'expo' or a hall id */
  scope: z.string(),
  setting: z.enum(HALL_ENTRY_SETTINGS),
  /** what applies after inheritance */
  effective: z.enum(ENTRY_RULES),
  /** a code is set for this scope (the code itself is never sent back) */
  hasCode: z.boolean(),
  updatedAt: z.number().nullable(),
});
export type EntryRuleView = z.infer<typeof entryRuleViewSchema>;

export const entryInviteViewSchema = z.object({
  id: z.string(),
  /** null: every hall of the expo whose rule is invite-only */
  hallId: z.string().nullable(),
  label: z.string(),
  uses: z.number(),
  maxUses: z.number().nullable(),
  expiresAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  createdAt: z.number(),
});
export type EntryInviteView = z.infer<typeof entryInviteViewSchema>;

export const entryInviteInputSchema = z.strictObject({
  hallId: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/)
    .nullable(),
  label: z.string().trim().min(1).max(80),
  maxUses: z.number().int().min(1).max(100_000).nullable().optional(),
  days: z.number().int().min(1).max(365).nullable().optional(),
});
/** The token is shown once, at creation: the database keeps its hash only. */
export const entryInviteCreatedSchema = z.object({ invite: entryInviteViewSchema, token: z.string(), path: z.string() });

export const entrySettingsSchema = z.object({ rules: z.array(entryRuleViewSchema), invites: z.array(entryInviteViewSchema) });

export const entryHallSummarySchema = z.object({
  hallId: z.string(),
  rule: z.enum(ENTRY_RULES),
  /** visitors in every instance of the hall, on every process, now */
  visitors: z.number(),
  /** the stage's session on now, if any */
  now: agendaSessionViewSchema.nullable(),
  /** the stage's next session */
  next: agendaSessionViewSchema.nullable(),
});
export type EntryHallSummary = z.infer<typeof entryHallSummarySchema>;
export const entryHallsSchema = z.object({ halls: z.array(entryHallSummarySchema), at: z.number() });

/** The landing page checks a code or pass before it sends the visitor in (the join checks again). */
export const entryCheckSchema = z.strictObject({
  code: z.string().max(200).optional(),
  pass: z.string().regex(ENTRY_PASS_PATTERN).optional(),
});
export const entryCheckResultSchema = z.object({ ok: z.literal(true), rule: z.enum(ENTRY_RULES) });

const okSchema = z.object({ ok: z.literal(true) });

/** The entry routes, spread into routes.ts (one table, one matrix test). */
export const entryRouteDefs = {
  entryHalls: {
    ...endpoints.entryHalls,
    summary: "Each hall's visitors now, the stage's current and next session, and its entry rule (cached a few seconds)",
    tag: 'expo',
    access: 'public',
    response: entryHallsSchema,
  },
  entryCheck: {
    ...endpoints.entryCheck,
    summary: 'Check an entry code or pass for a hall before entering (the join checks it again); throttled per device and address',
    tag: 'expo',
    access: 'public',
    params: entryHallParamsSchema,
    body: entryCheckSchema,
    response: entryCheckResultSchema,
  },
  entrySettings: {
    ...endpoints.entrySettings,
    summary: "The expo's and each hall's entry rule, and the entry passes issued",
    tag: 'organizer',
    access: 'organizer',
    response: entrySettingsSchema,
  },
  setEntryRule: {
    ...endpoints.setEntryRule,
    summary: "Set the expo's (scope `expo`) or a hall's entry rule; a code is stored hashed",
    tag: 'organizer',
    access: 'organizer',
    params: entryScopeParamsSchema,
    body: entryRuleInputSchema,
    response: entryRuleViewSchema,
  },
  createEntryInvite: {
    ...endpoints.createEntryInvite,
    summary: 'Issue an entry pass (a link for one visitor or a group) for invite-only halls; the token is shown once',
    tag: 'organizer',
    access: 'organizer',
    body: entryInviteInputSchema,
    response: entryInviteCreatedSchema,
    status: 201,
  },
  revokeEntryInvite: {
    ...endpoints.revokeEntryInvite,
    summary: 'Revoke an entry pass: it admits no one from now on',
    tag: 'organizer',
    access: 'organizer',
    params: entryInviteParamsSchema,
    response: okSchema,
  },
} as const satisfies Record<string, RouteDef>;
