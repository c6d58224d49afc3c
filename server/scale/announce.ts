/**
 * Announcements to every instance of a hall, whichever process hosts it: a publish on the hall's
 * presence channel, to which every HallRoom of that hall subscribes. Works the same on
 * LocalPresence (one process) and RedisPresence (many).
 */
import { matchMaker, type Presence } from '@colyseus/core';
import { ANNOUNCE_MAX } from '../../shared/constants';
import { checkLineText } from '../../shared/validate';
import { isHallId } from '../../shared/halls';
import type { AnnouncePayload } from '../../shared/messages';
import { DEFAULT_PRESENCE_PREFIX } from '../config';

export const announceChannel = (prefix: string, hallId: string): string => `${prefix}announce:${hallId}`;

export type AnnounceResult = { ok: true; payload: AnnouncePayload } | { ok: false; reason: 'unknown_hall' | 'bad_text' };

/**
 * Sends `text` (1..ANNOUNCE_MAX characters, no control characters) to every visitor in
 * every instance of `hallId`. The caller authorises (the organizer route); this checks the hall
 * and the text. `presence` defaults to the running server's.
 */
export async function announceToHall(hallId: string, text: string, opts: { presence?: Presence; prefix?: string; now?: number } = {}): Promise<AnnounceResult> {
  if (!isHallId(hallId)) return { ok: false, reason: 'unknown_hall' };
  const checked = checkLineText(text, ANNOUNCE_MAX);
  if (!checked.ok) return { ok: false, reason: 'bad_text' };
  const payload: AnnouncePayload = { hallId, text: checked.text, at: opts.now ?? Date.now() };
  const presence = opts.presence ?? matchMaker.presence;
  await presence.publish(announceChannel(opts.prefix ?? DEFAULT_PRESENCE_PREFIX, hallId), payload);
  return { ok: true, payload };
}
