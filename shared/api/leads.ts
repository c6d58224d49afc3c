/**
 * Visitor accounts, business cards, consent and leads (issue #10), as schemas shared by the server,
 * the client and the OpenAPI document.
 *
 * The law behind the shapes (PIPL): a card reaches an exhibitor only through a consent record made
 * by a separate, explicit agreement (Art. 14, 23) to a notice that names the receiver, the purpose,
 * the fields and the retention (Art. 17); the visitor can withdraw at any time (Art. 15), and a
 * withdrawn lead leaves the inbox and every later export.
 */
import { z } from 'zod';
import { signedCertificateSchema } from './souvenirs';
import { meetingViewSchema } from './meetings';
import { emailSchema, idSchema, passwordSchema, phoneSchema } from './common';

/** The optional fields of a card a visitor may tick; the name always goes with a card. */
export const CARD_FIELDS = ['company', 'title', 'email', 'phone', 'wechat'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

export const CARD_LIMITS = { name: 60, company: 100, title: 60, wechat: 40 } as const;

/** Leads are kept this many days after the expo ends, then the retention job deletes them (default of LEAD_RETENTION_DAYS). */
export const LEAD_RETENTION_DAYS = 180;

/** Raised whenever the notice's wording changes; consent records keep the version and text hash they agreed to. */
export const CONSENT_NOTICE_VERSION = 1;

const text = (max: number) => z.string().trim().max(max);

export const registerSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(CARD_LIMITS.name),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const cardInputSchema = z.strictObject({
  name: text(CARD_LIMITS.name).min(1, 'A card needs a name'),
  company: text(CARD_LIMITS.company).default(''),
  title: text(CARD_LIMITS.title).default(''),
  email: z.union([z.literal(''), emailSchema]).default(''),
  phone: phoneSchema.default(''),
  wechat: text(CARD_LIMITS.wechat)
    .regex(/^[A-Za-z0-9_-]*$/, 'WeChat IDs use letters, digits, _ and -')
    .default(''),
});
export type CardInput = z.input<typeof cardInputSchema>;
export const cardSchema = z.object({
  name: z.string(),
  company: z.string(),
  title: z.string(),
  email: z.string(),
  phone: z.string(),
  wechat: z.string(),
  updatedAt: z.number(),
});
export type Card = z.infer<typeof cardSchema>;
export const cardResultSchema = z.object({ card: cardSchema.nullable() });

/** What a visitor reads before agreeing; `hash` is SHA-256 of `text.zh + '\n' + text.en`. */
export const consentNoticeSchema = z.object({
  version: z.number().int(),
  hash: z.string(),
  boothId: z.string(),
  exhibitor: z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }), email: z.string(), phone: z.string() }),
  retentionDays: z.number().int(),
  fields: z.array(z.enum(CARD_FIELDS)),
  text: z.object({ zh: z.string(), en: z.string() }),
});
export type ConsentNotice = z.infer<typeof consentNoticeSchema>;

export const leaveCardSchema = z.strictObject({
  boothId: idSchema,
  /** the optional fields the visitor ticked (the name always goes) */
  fields: z
    .array(z.enum(CARD_FIELDS))
    .max(CARD_FIELDS.length)
    .refine((f) => new Set(f).size === f.length, 'Each field once'),
  noticeVersion: z.number().int(),
  noticeHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** the separate, explicit agreement: nothing else creates a consent */
  agree: z.literal(true, 'Consent needs an explicit agreement'),
  /** the same key again (a double click, a retry) returns the first lead instead of making a second */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
export type LeaveCardInput = z.infer<typeof leaveCardSchema>;

export const consentViewSchema = z.object({
  id: z.string(),
  boothId: z.string(),
  exhibitorName: z.object({ zh: z.string(), en: z.string() }),
  fields: z.array(z.enum(CARD_FIELDS)),
  noticeVersion: z.number().int(),
  noticeHash: z.string(),
  createdAt: z.number(),
  withdrawnAt: z.number().nullable(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;
export const leaveCardResultSchema = z.object({ consent: consentViewSchema, leadId: z.string(), duplicate: z.boolean() });
export const consentListSchema = z.object({ consents: z.array(consentViewSchema) });
export const consentParamsSchema = z.object({ consentId: idSchema });

/** Everything the platform holds about a visitor (PIPL Art. 45: access and a copy). */
export const myDataSchema = z.object({
  exportedAt: z.number(),
  account: z.object({ id: z.string(), email: z.string(), displayName: z.string(), createdAt: z.number(), lastLoginAt: z.number().nullable() }),
  card: cardSchema.nullable(),
  consents: z.array(consentViewSchema),
  /** what each exhibitor received, as they hold it now (withdrawn ones are gone) */
  leads: z.array(z.object({ consentId: z.string(), boothId: z.string(), fields: z.record(z.string(), z.string().nullable()), createdAt: z.number() })),
  /** "ask staff" conversations with every message */
  conversations: z.array(
    z.object({
      boothId: z.string(),
      exhibitorName: z.object({ zh: z.string(), en: z.string() }),
      messages: z.array(z.object({ from: z.string(), text: z.string(), at: z.number() })),
    }),
  ),
  phone: z.object({ phone: z.string(), verifiedAt: z.number().nullable() }).nullable(),
  /** meetings booked, cancelled ones included */
  meetings: z.array(meetingViewSchema),
  /** the ids of the agenda sessions the visitor starred (issue #11) */
  agendaStars: z.array(z.string()),
  /** souvenir certificates issued to the account (issue #12), as signed */
  souvenirs: z.array(signedCertificateSchema),
});
export type MyData = z.infer<typeof myDataSchema>;

/** Deleting an account asks for the password again: a borrowed, signed-in phone cannot do it. */
export const deleteAccountSchema = z.strictObject({ password: z.string().min(1).max(200) });

/** Phone verification by SMS: ask for a code, then send it back. */
export const PHONE_CODE_TTL_MS = 10 * 60 * 1000;
export const PHONE_CODE_ATTEMPTS = 5;
export const phoneCodeRequestSchema = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{6,20}$/, 'A phone number: digits, optionally with a leading +'),
});
export const phoneVerifySchema = z.strictObject({ code: z.string().regex(/^[0-9]{6}$/, 'The code has 6 digits') });
export const phoneStateSchema = z.object({ phone: z.string().nullable(), verifiedAt: z.number().nullable(), codeExpiresAt: z.number().nullable() });

/** When the running expo ends (ms), or null: the retention of its leads counts from then. */
export const expoEndSchema = z.strictObject({ endsAt: z.number().int().positive().nullable() });

export const LEAD_RATINGS = ['hot', 'warm', 'cold'] as const;
export type LeadRating = (typeof LEAD_RATINGS)[number];

/** A lead as its exhibitor sees it: only the fields the visitor consented to are filled. */
export const leadViewSchema = z.object({
  id: z.string(),
  boothId: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  wechat: z.string().nullable(),
  rating: z.enum(LEAD_RATINGS).nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  createdAt: z.number(),
});
export type LeadView = z.infer<typeof leadViewSchema>;
export const leadListSchema = z.object({ leads: z.array(leadViewSchema), lastExportAt: z.number().nullable() });
export const leadQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  rating: z.enum(LEAD_RATINGS).optional(),
  tag: z.string().trim().max(30).optional(),
});
export const leadExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** '1': only leads that arrived since this booth's last export */
  newSince: z.enum(['0', '1']).default('0'),
});
export const leadParamsSchema = z.object({ boothId: idSchema, leadId: idSchema });
export const leadUpdateSchema = z
  .strictObject({
    rating: z.enum(LEAD_RATINGS).nullable().optional(),
    tags: z.array(z.string().trim().min(1).max(30)).max(10).optional(),
    notes: z.string().max(2000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
