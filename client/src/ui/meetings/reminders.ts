/**
 * When an in-app reminder shows: from 15 minutes before a live meeting until it begins (or the
 * person dismisses it); the agenda's starred sessions use the same rule with their own lead time
 * (`leadMs`, 5 minutes). A reminder is keyed by the item and its revision, so a rescheduled meeting
 * or a moved session reminds again. Pure, so the timing is unit-tested without a clock.
 */
import { MEETING_REMINDER_MS } from '../../../../shared/api/meetings';

export interface Remindable {
  id: string;
  /** a meeting's status: only 'booked' ones remind; items without a status (sessions) always do */
  status?: string;
  startsAt: number;
  /** the revision: a change makes a dismissed reminder come back */
  sequence: number;
}

const isLive = (m: Remindable) => m.status === undefined || m.status === 'booked';

export const reminderKey = (m: Remindable) => `${m.id}:${m.sequence}`;

/** Live meetings whose reminder is due now and not dismissed, soonest first. */
export function dueReminders<M extends Remindable>(meetings: readonly M[], now: number, dismissed: ReadonlySet<string>, leadMs = MEETING_REMINDER_MS): M[] {
  return meetings
    .filter((m) => isLive(m) && now >= m.startsAt - leadMs && now < m.startsAt && !dismissed.has(reminderKey(m)))
    .sort((a, b) => a.startsAt - b.startsAt);
}

/** Milliseconds until the due list next changes (a reminder starts or one ends), or null if never. */
export function nextChange(meetings: readonly Remindable[], now: number, leadMs = MEETING_REMINDER_MS): number | null {
  let next = Infinity;
  for (const m of meetings) {
    if (!isLive(m)) continue;
    for (const t of [m.startsAt - leadMs, m.startsAt]) if (t > now && t < next) next = t;
  }
  return next === Infinity ? null : next - now;
}
