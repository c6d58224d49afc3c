/**
 * When the in-app meeting reminder shows: from 15 minutes before a live meeting until it begins
 * (or the person dismisses it). A reminder is keyed by the meeting and its revision, so a
 * rescheduled meeting reminds again. Pure, so the timing is unit-tested without a clock.
 */
import { MEETING_REMINDER_MS } from '../../../../shared/api/meetings';

export interface Remindable {
  id: string;
  status: string;
  startsAt: number;
  sequence: number;
}

export const reminderKey = (m: Remindable) => `${m.id}:${m.sequence}`;

/** Live meetings whose reminder is due now and not dismissed, soonest first. */
export function dueReminders<M extends Remindable>(meetings: readonly M[], now: number, dismissed: ReadonlySet<string>): M[] {
  return meetings
    .filter((m) => m.status === 'booked' && now >= m.startsAt - MEETING_REMINDER_MS && now < m.startsAt && !dismissed.has(reminderKey(m)))
    .sort((a, b) => a.startsAt - b.startsAt);
}

/** Milliseconds until the due list next changes (a reminder starts or one ends), or null if never. */
export function nextChange(meetings: readonly Remindable[], now: number): number | null {
  let next = Infinity;
  for (const m of meetings) {
    if (m.status !== 'booked') continue;
    for (const t of [m.startsAt - MEETING_REMINDER_MS, m.startsAt]) if (t > now && t < next) next = t;
  }
  return next === Infinity ? null : next - now;
}
