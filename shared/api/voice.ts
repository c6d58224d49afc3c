/**
 * Opt-in proximity voice (issue #13, item 4): one room message each way (shared/messages.ts: `voice`).
 * A visitor turns voice on or off; WebRTC offers, answers, ICE candidates and byes go through the
 * server to ONE target session, which relays them only between two visitors who both have voice on
 * and stand near each other by the server's own poses (shared/voice.ts `relayAllowed`). Sizes are
 * capped so a relay can never be used to push bulk data through the hall.
 */
import { z } from 'zod';

/** An SDP (offer or answer) is a few KB for one audio track; 10 KB leaves room for many candidates inlined. */
export const VOICE_SDP_MAX = 10_000;
/** One ICE candidate line. */
export const VOICE_CANDIDATE_MAX = 1000;
/** Candidates are batched (~100 ms) so a peer's trickle costs few messages. */
export const VOICE_CANDIDATES_PER_MESSAGE = 8;

/** A colyseus session id (nanoid-like): letters, digits, _ and -. */
const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/);
const sdpSchema = z.string().min(1).max(VOICE_SDP_MAX);
const candidateSchema = z.strictObject({
  candidate: z.string().max(VOICE_CANDIDATE_MAX),
  sdpMid: z.string().max(64).nullable(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
});
export type VoiceCandidate = z.infer<typeof candidateSchema>;

/** What a client sends: voice on/off, or a signal to one other session. */
export const voiceCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('on') }),
  z.strictObject({ kind: z.literal('off') }),
  z.strictObject({ kind: z.literal('offer'), to: sessionIdSchema, sdp: sdpSchema }),
  z.strictObject({ kind: z.literal('answer'), to: sessionIdSchema, sdp: sdpSchema }),
  z.strictObject({ kind: z.literal('ice'), to: sessionIdSchema, candidates: z.array(candidateSchema).min(1).max(VOICE_CANDIDATES_PER_MESSAGE) }),
  z.strictObject({ kind: z.literal('bye'), to: sessionIdSchema }),
]);
export type VoiceCommand = z.infer<typeof voiceCommandSchema>;
export type VoiceSignalKind = 'offer' | 'answer' | 'ice' | 'bye';

/** Why voice was refused (the client translates it): muted or banned by a moderator; the target is out of reach. */
export const VOICE_REFUSALS = ['muted', 'unavailable'] as const;
export type VoiceRefusal = (typeof VOICE_REFUSALS)[number];

const iceServerSchema = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type VoiceIceServer = z.infer<typeof iceServerSchema>;

/** What the server sends: the STUN/TURN servers to use (on voice on), a relayed signal, a refusal. */
export const voiceMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('config'), iceServers: z.array(iceServerSchema) }),
  z.object({ kind: z.literal('offer'), from: z.string(), sdp: z.string() }),
  z.object({ kind: z.literal('answer'), from: z.string(), sdp: z.string() }),
  z.object({ kind: z.literal('ice'), from: z.string(), candidates: z.array(candidateSchema) }),
  z.object({ kind: z.literal('bye'), from: z.string() }),
  z.object({ kind: z.literal('refused'), reason: z.enum(VOICE_REFUSALS) }),
]);
export type VoiceMessage = z.infer<typeof voiceMessageSchema>;
