/**
 * "Ask staff" (issue #10): a private one-to-one text conversation between a visitor account and a
 * booth, kept in the database so it crosses hall instances and processes and is there later in the
 * account. Text follows hall chat's rules (one line, CHAT_MAX, rendered as text).
 */
import { z } from 'zod';
import { idSchema } from './common';
import { lineTextSchema } from '../validate';
import { CHAT_MAX } from '../constants';

export const askStaffSchema = z.strictObject({ boothId: idSchema, text: lineTextSchema(CHAT_MAX) });
export const replySchema = z.strictObject({ text: lineTextSchema(CHAT_MAX) });

export const messageViewSchema = z.object({
  id: z.string(),
  from: z.enum(['visitor', 'staff']),
  /** the staff member's display name on staff messages */
  staffName: z.string().nullable(),
  text: z.string(),
  at: z.number(),
});
export type MessageView = z.infer<typeof messageViewSchema>;

export const conversationViewSchema = z.object({
  id: z.string(),
  boothId: z.string(),
  exhibitorName: z.object({ zh: z.string(), en: z.string() }),
  visitorName: z.string(),
  /** messages the side asking has not read */
  unread: z.number().int(),
  updatedAt: z.number(),
  messages: z.array(messageViewSchema),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;
export const conversationListSchema = z.object({ conversations: z.array(conversationViewSchema) });
export const conversationParamsSchema = z.object({ conversationId: idSchema });
export const boothConversationParamsSchema = z.object({ boothId: idSchema, conversationId: idSchema });

/** Server-sent events of a booth inbox and of a visitor's own stream: a conversation changed. */
export const conversationEvents = {
  conversation: { summary: 'a conversation has a new message', data: conversationViewSchema },
} as const satisfies Record<string, { summary: string; data: z.ZodType }>;
