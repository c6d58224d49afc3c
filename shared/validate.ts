/**
 * unknown -> payload validators, used by the server on arrival and by client forms.
 * Each returns a typed value or a reason code; nothing here throws on bad input.
 */
import { z } from 'zod';
import { AVATAR_COLORS, AVATAR_STYLES, CHAT_MAX } from './constants';
import { checkLineText } from './text';
import { DEVICE_PATTERN } from './api/moderationTerms';
import type { JoinOptions } from './protocol';

// The plain text checks live in text.ts (no zod), so client forms use them without pulling in the schemas.
export { checkChatText, checkLineText, checkName, type ChatProblem, type LineCheck, type NameProblem } from './text';

const finite = z.number().finite();

export const joinOptionsSchema = z.object({
  protocol: z.number().int(),
  hallId: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[a-z0-9-]+$/),
  name: z.string().max(200),
  color: z
    .number()
    .int()
    .min(0)
    .max(AVATAR_COLORS.length - 1),
  style: z
    .number()
    .int()
    .min(0)
    .max(AVATAR_STYLES.length - 1),
  device: z.string().regex(DEVICE_PATTERN).optional(),
  // entry rules (issue #11): read by server/entry at join, never stored
  entryCode: z.string().max(200).optional(),
  // the 2D catalog (issue #13): such a visitor is seated at the entrance and its moves are refused
  mode: z.enum(['3d', '2d']).optional(),
  entryPass: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
});

export const moveSchema = z.strictObject({
  x: finite.min(-1000).max(1000),
  z: finite.min(-1000).max(1000),
  ry: finite.min(-100).max(100),
  moving: z.boolean(),
});

/**
 * A hall line as a schema: absurd sizes are cut off before any text processing, then checkLineText
 * folds, trims and measures; the output is the cleaned text.
 */
export function lineTextSchema(max: number) {
  return z
    .string()
    .max(max * 8)
    .transform((s, ctx) => {
      const r = checkLineText(s, max);
      if (r.ok) return r.text;
      ctx.addIssue({ code: 'custom', message: `1 to ${max} characters of text, no control characters`, params: { problem: r.problem } });
      return z.NEVER;
    })
    .meta({ minLength: 1, maxLength: max, description: `1 to ${max} characters (an emoji or a 汉字 is one); newlines fold to spaces; no control characters` });
}

export const chatSchema = z.strictObject({ text: lineTextSchema(CHAT_MAX) });

export function parseJoinOptions(raw: unknown): JoinOptions | null {
  const r = joinOptionsSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export function parseMove(raw: unknown): z.output<typeof moveSchema> | null {
  const r = moveSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export function parseChat(raw: unknown): z.output<typeof chatSchema> | null {
  const r = chatSchema.safeParse(raw);
  return r.success ? r.data : null;
}
