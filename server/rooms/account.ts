/**
 * Who a hall visitor is, when signed in (issue #10): the matchmaking request carries the session
 * cookie like any same-origin request, so a signed-in visitor's connection is linked to the
 * account server-side, and booth staff on duty are marked at their booth. The room state gets
 * nothing of this but, for staff on duty, the booth they stand for; names stay the ones visitors
 * chose.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'express';
import { authenticate } from '../auth/session';
import type { Repositories } from '../db/repositories';

export interface HallAccount {
  userId: string;
  role: 'visitor' | 'exhibitor' | 'organizer' | 'moderator';
  /** the booth this account's holder is on duty at, in the hall they join; null otherwise */
  staffBoothId: string | null;
  /** that booth's slot in the hall (what room messages name) */
  staffSlotId: string | null;
}

export async function identifyHallAccount(repos: Repositories, headers: IncomingHttpHeaders, hallId: string, now = Date.now()): Promise<HallAccount | null> {
  // authenticate reads only the request's headers (the cookie or a bearer token)
  const user = await authenticate({ headers } as Request, repos);
  if (!user) return null;
  let staffBoothId: string | null = null;
  let staffSlotId: string | null = null;
  if (user.role === 'exhibitor' && user.exhibitorId) {
    const [row, booth] = await Promise.all([repos.users.get(user.id), repos.exhibitors.boothOf(user.exhibitorId)]);
    if (booth && booth.hall_id === hallId && booth.slot_id && (row?.on_duty_until ?? 0) > now) {
      staffBoothId = booth.id;
      staffSlotId = booth.slot_id;
    }
  }
  return { userId: user.id, role: user.role, staffBoothId, staffSlotId };
}
