/**
 * Moderation travels one way (DESIGN §7): a change is stored, then published on the presence
 * channel; every hall room of every process applies it. Rooms created later read the current state
 * from the database at onCreate.
 */
import type { HallChatMode } from '../../shared/api/moderationTerms';
import type { SanctionRecord } from '../db/repositories/moderation';

export const moderationChannel = (prefix: string): string => `${prefix}moderation`;

export type ModerationEvent =
  /** a new mute or ban: rooms mute or remove every connection holding one of its keys */
  | { type: 'sanction'; sanction: SanctionRecord; at: number }
  | { type: 'lift'; sanction: SanctionRecord; at: number }
  /** close the connections with these keys (a session key: that one connection) */
  | { type: 'kick'; keys: string[]; at: number }
  | { type: 'mode'; hallId: string; mode: HallChatMode; at: number };

export function isModerationEvent(raw: unknown): raw is ModerationEvent {
  const t = (raw as { type?: unknown } | null)?.type;
  return t === 'sanction' || t === 'lift' || t === 'kick' || t === 'mode';
}
