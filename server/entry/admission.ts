/**
 * The join's entry check (issue #11 item 5), run in HallRoom.onAuth after the ban check and before
 * any seat exists: the code or pass the page sent in the join options, the account the session
 * cookie names, the device token and the client's address (for the guess throttle).
 */
import type { AuthContext } from '@colyseus/core';
import { ServerError } from '@colyseus/core';
import type { Request } from 'express';
import { DEVICE_COOKIE, DEVICE_PATTERN } from '../../shared/api/moderationTerms';
import { readCookie } from '../auth/session';
import type { ClientAddresses } from '../http/clientAddress';
import type { HallAccount } from '../rooms/account';
import { EntryUnavailable, type EntryService } from './service';

export type EntryCheck = (hallId: string, account: HallAccount | null, options: unknown, ctx: AuthContext | undefined) => Promise<void>;

/** The device token: the httpOnly cookie, else the one the page sent. */
export function deviceOf(headers: AuthContext['headers'] | undefined, optionDevice: unknown): string | null {
  const cookie = headers ? readCookie({ headers } as Request, DEVICE_COOKIE) : null;
  if (cookie && DEVICE_PATTERN.test(cookie)) return cookie;
  return typeof optionDevice === 'string' && DEVICE_PATTERN.test(optionDevice) ? optionDevice : null;
}

export function entryCheck(service: EntryService, addresses: ClientAddresses): EntryCheck {
  return async (hallId, account, options, ctx) => {
    const o = (options ?? {}) as { entryCode?: unknown; entryPass?: unknown; device?: unknown };
    const address = ctx?.req ? addresses.of(ctx.req) : String((Array.isArray(ctx?.ip) ? ctx?.ip[0] : ctx?.ip) ?? 'unknown');
    let verdict;
    try {
      verdict = await service.decide(
        {
          hallId,
          account,
          code: typeof o.entryCode === 'string' ? o.entryCode : null,
          pass: typeof o.entryPass === 'string' ? o.entryPass : null,
          device: deviceOf(ctx?.headers, o.device),
          address,
        },
        true,
      );
    } catch (err) {
      // deny by default: a rule that cannot be read lets no one through
      if (err instanceof EntryUnavailable) throw new ServerError(503, 'entry_unavailable');
      throw err;
    }
    if (!verdict.ok) throw new ServerError(verdict.refusal === 'entry_throttled' ? 429 : 403, verdict.refusal);
  };
}
