/**
 * Every room message, client to server and server to client, as data: one entry per message with
 * its zod schema, and for client messages who may send it and which per-client budget it draws on.
 * Payload types are inferred from the schemas; there are no hand-written twins.
 *
 * The server registers one room handler per `clientMessages` entry in a loop (HallRoom): the general
 * message budget, the sender check, schema validation, the entry's own budget and strikes apply to
 * every message without a line of their own. The client sends and listens through helpers typed from
 * these tables (client/src/net/messages.ts).
 *
 * Adding a message = one entry here + its handler in server/rooms/handlers/index.ts (the handler map
 * is typed from this table, so a missing handler does not compile). A server-to-client message is
 * one entry in `serverMessages` and a listener in client/src/net/bindRoom.ts.
 * Renaming an entry or changing a schema incompatibly is a protocol change: bump PROTOCOL_VERSION.
 */
import { z } from 'zod';
import { CHAT_BURST, CHAT_REFILL_MS, MSG_BURST, MSG_PER_SECOND } from './constants';
import { NoticeCode } from './protocol';
import { chatSchema, moveSchema } from './validate';
import { hallChatModeSchema, moderateMessageSchema, reportMessageSchema } from './api/moderation';
import { qaAskSchema, qaMineSchema, qaSnapshotSchema, qaVoteSchema } from './api/qa';
import { auctionSnapshotSchema, outbidSchema } from './api/auction';
import { tourCommandSchema, tourMessageSchema } from './api/tour';
import { voiceCommandSchema, voiceMessageSchema } from './api/voice';

/**
 * Who a message is for, on the sending side. Every visitor has 'visitor'; booth staff and organizers
 * in the hall (later issues) carry 'staff' / 'organizer' as well; moderators (issue #11) carry 'moderator'.
 */
export const SENDER_ROLES = ['visitor', 'staff', 'organizer', 'moderator'] as const;
export type SenderRole = (typeof SENDER_ROLES)[number];

/**
 * Per-connection token buckets. Every client message takes one token from `messages` (the flood
 * guard: running dry is a strike); an entry may name one more bucket on top (running dry there is a
 * polite "slow down" notice, no strike).
 */
export const BUDGETS = {
  messages: { burst: MSG_BURST, refillMs: 1000 / MSG_PER_SECOND },
  chat: { burst: CHAT_BURST, refillMs: CHAT_REFILL_MS },
  // a like or a raised hand at a booth: a few in a row, then one every two seconds
  reactions: { burst: 4, refillMs: 2000 },
  // reports of chat lines or people (issue #11): three in a row, then one a minute
  reports: { burst: 3, refillMs: 60_000 },
  // clock samples: a burst of a few on joining, then one or two every 30 s
  clock: { burst: 8, refillMs: 5000 },
  // Q&A (issue #11): questions are few anyway (QA_MAX_PER_SESSION); votes come in a run, then one a second
  qaAsk: { burst: 2, refillMs: 20_000 },
  qaVote: { burst: 10, refillMs: 1000 },
  // group tours (issue #12): a host's start, next, gather and end come a few at a time, then one every two seconds
  tour: { burst: 4, refillMs: 2000 },
  // proximity voice (issue #13): three or four signals per peer on connecting (offer or answer, batched ICE, bye), 8 peers at once; under the general burst
  voice: { burst: 32, refillMs: 200 },
} as const satisfies Record<string, { burst: number; refillMs: number }>;
export type BudgetName = keyof typeof BUDGETS;

export interface ClientMessageDef {
  schema: z.ZodType;
  /** roles allowed to send it; anyone else is struck */
  senders: readonly SenderRole[];
  /** the bucket it draws on; 'messages' alone, or a named one on top of it */
  budget: BudgetName;
}

export interface ServerMessageDef {
  schema: z.ZodType;
}

/** Reactions at a booth: a like, and "I have a question" (a raised hand the staff can see). */
export const REACTION_KINDS = ['like', 'question'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
const boothSlotIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);

/** What booth staff put in front of everyone at the booth: a product (its model turns on the plinth), a picture, a brochure page. */
export const presentItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('product'), id: z.string().regex(/^[a-z0-9]{6,32}$/) }),
  z.strictObject({ kind: z.literal('image'), id: z.string().regex(/^[a-z0-9]{6,32}$/) }),
  z.strictObject({ kind: z.literal('brochure'), page: z.number().int().min(1).max(999) }),
]);
export type PresentItem = z.infer<typeof presentItemSchema>;
const presentingSchema = z.object({ slotId: z.string(), item: presentItemSchema.nullable(), by: z.string(), at: z.number() });

/** Client to server. */
export const clientMessages = {
  /** where the client believes it is; the server clamps it to what is reachable */
  move: { schema: moveSchema, senders: ['visitor'], budget: 'messages' },
  /** one line of hall chat (text rules are in the schema: folded, trimmed, 1..CHAT_MAX) */
  chat: { schema: chatSchema, senders: ['visitor'], budget: 'chat' },
  /** a reaction at the booth one stands at (the server checks one is there) */
  react: { schema: z.strictObject({ slotId: boothSlotIdSchema, kind: z.enum(REACTION_KINDS) }), senders: ['visitor'], budget: 'reactions' },
  /** staff on duty show an item to everyone at their booth (null: stop); only for their own booth */
  present: { schema: z.strictObject({ slotId: boothSlotIdSchema, item: presentItemSchema.nullable() }), senders: ['staff'], budget: 'messages' },
  /** a clock sample (client/src/net/clock.ts): t0 is the client's send time, echoed back with the server's */
  clock: { schema: z.strictObject({ t0: z.number().finite() }), senders: ['visitor'], budget: 'clock' },
  // moderation (issue #11)
  /** anyone (a guest too) reports a chat line or a person of this instance, with a reason */
  report: { schema: reportMessageSchema, senders: ['visitor'], budget: 'reports' },
  /** a moderator or organizer in the hall mutes, kicks or bans the sender of a line or a person */
  moderate: { schema: moderateMessageSchema, senders: ['moderator', 'organizer'], budget: 'messages' },
  // Q&A (issue #11): anyone in the hall (a guest too) asks the session on stage and upvotes others' questions
  qaAsk: { schema: qaAskSchema, senders: ['visitor'], budget: 'qaAsk' },
  qaVote: { schema: qaVoteSchema, senders: ['visitor'], budget: 'qaVote' },
  /** group tours (issue #12): organizers and booth staff in the hall start, move on, gather and end the instance's public tour */
  tour: { schema: tourCommandSchema, senders: ['organizer', 'staff'], budget: 'tour' },
  /** proximity voice (issue #13): voice on/off, and WebRTC signals relayed to ONE near session with voice on (shared/voice.ts) */
  voice: { schema: voiceCommandSchema, senders: ['visitor'], budget: 'voice' },
} as const satisfies Record<string, ClientMessageDef>;

const chatMessageSchema = z.object({
  id: z.number().int(),
  /** sender's session id */
  from: z.string(),
  name: z.string(),
  text: z.string(),
  /** server time, ms since epoch */
  at: z.number(),
});

/** Server to client. */
export const serverMessages = {
  chat: { schema: chatMessageSchema },
  /** the last CHAT_HISTORY lines, sent once on join */
  chatHistory: { schema: z.array(chatMessageSchema) },
  /** a short reason code the client translates */
  notice: { schema: z.object({ code: z.enum(NoticeCode) }) },
  /** an organizer's announcement to every instance of the hall */
  announce: { schema: z.object({ hallId: z.string(), text: z.string(), at: z.number() }) },
  /** someone reacted at a booth (any instance of the hall) */
  reaction: { schema: z.object({ slotId: z.string(), kind: z.enum(REACTION_KINDS), at: z.number() }) },
  /** what staff present at a booth, from any instance; item null: the presentation ended. Sent to each joiner for every live one. */
  presenting: { schema: presentingSchema },
  /** the answer to a clock sample, to its sender only: its t0 and the server's time on arrival (ms since epoch) */
  clock: { schema: z.object({ t0: z.number(), server: z.number() }) },
  /** moderation (issue #11): the hall's chat mode (on join and on change), one's own mute, and a moderator's standing */
  moderation: {
    schema: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('mode'), mode: hallChatModeSchema }),
      /** until: ms; null: until a moderator lifts it */
      z.object({ kind: z.literal('muted'), until: z.number().nullable() }),
      z.object({ kind: z.literal('unmuted') }),
      /** this connection may moderate the hall (moderators and organizers) */
      z.object({ kind: z.literal('moderator') }),
    ]),
  },
  /** Q&A (issue #11): the session's questions, to everyone in the hall on join and on every change */
  qa: { schema: qaSnapshotSchema },
  /** Q&A: one visitor's own questions, votes and the answer to its last ask or vote, to that visitor only */
  qaMine: { schema: qaMineSchema },
  /** the hall's auction lots (issue #12): every instance on every process, on join and after every accepted bid */
  auction: { schema: auctionSnapshotSchema },
  /** someone bid more than one's leading bid */
  outbid: { schema: outbidSchema },
  /** group tours (issue #12): the instance's public tour, a leader's standing, a host's "gather here", a refused command */
  tour: { schema: tourMessageSchema },
  /** proximity voice (issue #13): the ICE servers on voice on, a relayed signal from one session, a refusal */
  voice: { schema: voiceMessageSchema },
  /** the stamp passport (issue #12), to its holder on join and after every change: stamps held (`<hall>:<landmark>`, `<hall>:booth-<id>`), souvenirs issued */
  passport: {
    schema: z.object({ earned: z.array(z.string()), souvenirs: z.array(z.object({ set: z.string(), id: z.string() })), guest: z.boolean() }),
  },
} as const satisfies Record<string, ServerMessageDef>;

export type ClientMessageName = keyof typeof clientMessages;
export type ServerMessageName = keyof typeof serverMessages;
/** What a handler receives: the schema's output (cleaned, normalised). */
export type ClientPayload<N extends ClientMessageName> = z.output<(typeof clientMessages)[N]['schema']>;
/** What a client may put on the wire: the schema's input. */
export type ClientPayloadInput<N extends ClientMessageName> = z.input<(typeof clientMessages)[N]['schema']>;
export type ServerPayload<N extends ServerMessageName> = z.output<(typeof serverMessages)[N]['schema']>;

export type MovePayload = ClientPayload<'move'>;
export type ChatPayload = ClientPayload<'chat'>;
export type ChatMessage = ServerPayload<'chat'>;
export type NoticePayload = ServerPayload<'notice'>;
export type AnnouncePayload = ServerPayload<'announce'>;

const namesOf = <T extends Record<string, unknown>>(table: T) => Object.fromEntries(Object.keys(table).map((k) => [k, k])) as { readonly [K in keyof T]: K };

/** Message names as constants (`C2S.move === 'move'`), for code that prefers a dotted name. */
export const C2S = namesOf(clientMessages);
export const S2C = namesOf(serverMessages);
export const clientMessageNames = Object.keys(clientMessages) as ClientMessageName[];
