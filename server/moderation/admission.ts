/**
 * The join's moderation check (issue #11), run in HallRoom.onAuth before any seat exists: the keys
 * of this join (account, device cookie, the device token the page sent) and a refusal when any of
 * them is banned. Both device copies are checked, so clearing the cookie or the page's storage
 * alone does not get a banned browser back in.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'express';
import { ServerError } from '@colyseus/core';
import { DEVICE_COOKIE } from '../../shared/api/moderationTerms';
import { JoinError } from '../../shared/protocol';
import { readCookie } from '../auth/session';
import { joinKeys } from './keys';

export type BanCheck = (keys: string[]) => Promise<boolean>;

export async function admitJoin(
  isBanned: BanCheck | null,
  headers: IncomingHttpHeaders | undefined,
  userId: string | null,
  options: unknown,
  onError: (err: unknown) => void = () => {},
): Promise<string[]> {
  const cookieDevice = headers ? readCookie({ headers } as Request, DEVICE_COOKIE) : null;
  const optionDevice = (options as { device?: unknown } | null)?.device;
  const keys = joinKeys({ userId, cookieDevice, optionDevice: typeof optionDevice === 'string' ? optionDevice : null });
  if (!isBanned || !keys.length) return keys;
  let banned = false;
  try {
    banned = await isBanned(keys);
  } catch (err) {
    // a database that does not answer must not keep the whole hall out; the rooms' own copy of
    // the bans still closes a banned connection as soon as it is seen
    onError(err);
  }
  if (banned) throw new ServerError(403, JoinError.banned);
  return keys;
}
