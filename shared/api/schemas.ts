/** Request and response bodies of the HTTP API. */
import { z } from 'zod';
import {
  BOOTH_TEMPLATES,
  INDUSTRIES,
  PARKS,
  ROLES,
  TEXT_LIMITS,
  bilingual,
  bilingualParagraphs,
  colorSchema,
  emailSchema,
  idSchema,
  line,
  passwordSchema,
  phoneSchema,
  websiteSchema,
} from './common';
import { ANNOUNCE_MAX } from '../constants';
import { lineTextSchema } from '../validate';

const hallIdSchema = z.string().regex(/^[a-z0-9-]{1,32}$/, 'Invalid hall id');
const slotIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'Invalid slot id');
const text2 = z.object({ zh: z.string(), en: z.string() });

// ---------- responses ----------

export const mediaImageSchema = z.object({ url: z.string(), width: z.number().int(), height: z.number().int() });
export const mediaFileSchema = z.object({ url: z.string(), bytes: z.number().int(), name: z.string() });

export const productViewSchema = z.object({
  id: z.string(),
  name: text2,
  description: text2,
  image: mediaImageSchema.nullable(),
  model: mediaFileSchema.nullable(),
});
export type ProductView = z.infer<typeof productViewSchema>;

export const exhibitorViewSchema = z.object({
  id: z.string(),
  name: text2,
  description: text2,
  industry: z.enum(INDUSTRIES),
  park: z.enum(PARKS),
  website: z.string().nullable(),
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
  logo: mediaImageSchema.nullable(),
});
export type ExhibitorView = z.infer<typeof exhibitorViewSchema>;

/** Everything a visitor sees of a booth. */
export const boothViewSchema = z.object({
  id: z.string(),
  expoId: z.string(),
  hallId: z.string(),
  /** null while the organizer has not placed the booth in a hall slot */
  slotId: z.string().nullable(),
  template: z.enum(BOOTH_TEMPLATES),
  colors: z.object({ primary: z.string(), accent: z.string() }),
  title: text2,
  exhibitor: exhibitorViewSchema,
  images: z.array(mediaImageSchema.extend({ id: z.string() })),
  video: mediaFileSchema.nullable(),
  brochure: mediaFileSchema.nullable(),
  products: z.array(productViewSchema),
  staffOnDuty: z.boolean(),
  /** ms since epoch; changes whenever anything shown at the booth changes */
  updatedAt: z.number(),
});
export type BoothView = z.infer<typeof boothViewSchema>;

export const boothListSchema = z.object({ booths: z.array(boothViewSchema) });

export const directoryEntrySchema = z.object({
  boothId: z.string(),
  exhibitorId: z.string(),
  hallId: z.string(),
  slotId: z.string().nullable(),
  name: text2,
  title: text2,
  industry: z.enum(INDUSTRIES),
  park: z.enum(PARKS),
  logo: mediaImageSchema.nullable(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
export const directorySchema = z.object({ exhibitors: z.array(directoryEntrySchema) });

export const expoViewSchema = z.object({
  id: z.string(),
  name: text2,
  isDemo: z.boolean(),
  halls: z.array(z.object({ hallId: z.string(), booths: z.number().int() })),
});
export type ExpoView = z.infer<typeof expoViewSchema>;

export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  exhibitorId: z.string().nullable(),
  /** booths this user may edit */
  boothIds: z.array(z.string()),
});
export type UserView = z.infer<typeof userViewSchema>;
export const meSchema = z.object({ user: userViewSchema });

export const okSchema = z.object({ ok: z.literal(true) });

export const inviteViewSchema = z.object({ url: z.string(), token: z.string(), expiresAt: z.number() });
export const inviteInfoSchema = z.object({ exhibitorName: text2, email: z.string().nullable(), expiresAt: z.number() });

export const slotViewSchema = z.object({
  hallId: z.string(),
  slotId: z.string(),
  zone: z.string(),
  size: z.enum(['s', 'm', 'l']),
  boothId: z.string().nullable(),
  exhibitorName: text2.nullable(),
});
export const slotListSchema = z.object({ slots: z.array(slotViewSchema) });

export const organizerExhibitorSchema = z.object({
  exhibitorId: z.string(),
  boothId: z.string(),
  name: text2,
  hallId: z.string(),
  slotId: z.string().nullable(),
  staff: z.array(z.object({ email: z.string(), displayName: z.string() })),
});
export const organizerExhibitorListSchema = z.object({ exhibitors: z.array(organizerExhibitorSchema) });

// ---------- requests ----------

export const hallQuerySchema = z.object({ hall: hallIdSchema });

export const directoryQuerySchema = z.object({
  q: line(60).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  park: z.enum(PARKS).optional(),
  hall: hallIdSchema.optional(),
});

export const boothParamsSchema = z.object({ boothId: idSchema });
export const boothItemParamsSchema = z.object({ boothId: idSchema, itemId: idSchema });
export const exhibitorParamsSchema = z.object({ exhibitorId: idSchema });
export const tokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Invalid invitation') });

/** What an exhibitor edits in the console; every field optional, at least one present. */
export const boothUpdateSchema = z
  .strictObject({
    name: bilingual(TEXT_LIMITS.name, 1),
    title: bilingual(TEXT_LIMITS.title),
    description: bilingualParagraphs(TEXT_LIMITS.description),
    template: z.enum(BOOTH_TEMPLATES),
    colors: z.strictObject({ primary: colorSchema, accent: colorSchema }),
    industry: z.enum(INDUSTRIES),
    park: z.enum(PARKS),
    website: websiteSchema,
    contact: z.strictObject({ email: z.union([z.literal(''), emailSchema]), phone: phoneSchema }),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'Nothing to change');
export type BoothUpdate = z.infer<typeof boothUpdateSchema>;

export const productInputSchema = z.strictObject({
  name: bilingual(TEXT_LIMITS.productName, 1),
  description: bilingualParagraphs(TEXT_LIMITS.productDescription),
});
export type ProductInput = z.infer<typeof productInputSchema>;

export const dutySchema = z.strictObject({ onDuty: z.boolean() });

export const loginSchema = z.strictObject({ email: emailSchema, password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof loginSchema>;

export const acceptInviteSchema = z.strictObject({
  token: tokenParamsSchema.shape.token,
  email: emailSchema,
  displayName: line(40, 1),
  password: passwordSchema,
});
export type AcceptInviteInput = z.infer<typeof acceptInviteSchema>;

export const inviteCreateSchema = z.strictObject({ email: z.union([z.literal(''), emailSchema]).optional() });

export const exhibitorCreateSchema = z.strictObject({
  name: bilingual(TEXT_LIMITS.name, 1),
  industry: z.enum(INDUSTRIES),
  park: z.enum(PARKS),
  hallId: hallIdSchema,
  slotId: slotIdSchema.nullable(),
  template: z.enum(BOOTH_TEMPLATES).default('kiosk'),
});
export type ExhibitorCreate = z.infer<typeof exhibitorCreateSchema>;

export const placementSchema = z.strictObject({ hallId: hallIdSchema, slotId: slotIdSchema.nullable() });

export const slotQuerySchema = z.object({ hall: hallIdSchema.optional() });

export const announceSchema = z.strictObject({ hallId: hallIdSchema, text: lineTextSchema(ANNOUNCE_MAX) });
export const announceResultSchema = z.object({ ok: z.literal(true), at: z.number() });
