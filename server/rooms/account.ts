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
  const post = user.role === 'exhibitor' ? await staffPostOf(repos, user.id, hallId, now) : NO_POST;
  return { userId: user.id, role: user.role, ...post };
}

export interface StaffPost {
  staffBoothId: string | null;
  staffSlotId: string | null;
}
const NO_POST: StaffPost = { staffBoothId: null, staffSlotId: null };

/** The booth an exhibitor account is on duty at in this hall now, read afresh (going on or off duty while in the hall: ./staffDuty.ts). */
export async function staffPostOf(repos: Repositories, userId: string, hallId: string, now = Date.now()): Promise<StaffPost> {
  const row = await repos.users.get(userId);
  if (!row || row.role !== 'exhibitor' || !row.exhibitor_id || (row.on_duty_until ?? 0) <= now) return NO_POST;
  const booth = await repos.exhibitors.boothOf(row.exhibitor_id);
  if (!booth || booth.hall_id !== hallId || !booth.slot_id) return NO_POST;
  return { staffBoothId: booth.id, staffSlotId: booth.slot_id };
}
