/**
 * The reminders due now for a list of meetings, re-evaluated when one starts or ends (a timer set
 * for that moment) and every 15 s for the minutes shown, with "dismiss" remembered for the browser
 * session. Returns the time it used, for "in N minutes". The agenda's reminders pass their own lead
 * time and storage key.
 */
import { useCallback, useEffect, useState } from 'react';
import { MEETING_REMINDER_MS } from '../../../../shared/api/meetings';
import { dueReminders, nextChange, reminderKey, type Remindable } from './reminders';
import { useNow } from './useNow';

const STORE = 'ludao.meetingReminders.dismissed';

function readDismissed(key: string): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

export interface ReminderOptions {
  /** how long before the start a reminder shows (meetings: 15 minutes) */
  leadMs?: number;
  /** where dismissals are remembered for the browser session */
  storageKey?: string;
}

export function useDueReminders<M extends Remindable>(
  meetings: readonly M[],
  { leadMs = MEETING_REMINDER_MS, storageKey = STORE }: ReminderOptions = {},
): { due: M[]; dismiss: (m: M) => void; now: number } {
  const [edge, setEdge] = useState(0);
  const now = useNow(15_000, `${meetings.length}:${edge}:${meetings.map(reminderKey).join()}`);
  const [dismissed, setDismissed] = useState(() => readDismissed(storageKey));
  useEffect(() => {
    const wait = nextChange(meetings, now, leadMs);
    if (wait === null) return;
    // timers clamp at 2^31 ms; a far meeting simply re-arms on the next wake
    const id = window.setTimeout(() => setEdge((e) => e + 1), Math.min(wait + 50, 2 ** 31 - 1));
    return () => window.clearTimeout(id);
  }, [meetings, now, leadMs]);
  const dismiss = useCallback(
    (m: M) => {
      setDismissed((d) => {
        const next = new Set(d).add(reminderKey(m));
        try {
          sessionStorage.setItem(storageKey, JSON.stringify([...next]));
        } catch {
          /* private mode: dismissed for this page only */
        }
        return next;
      });
    },
    [storageKey],
  );
  return { due: dueReminders(meetings, now, dismissed, leadMs), dismiss, now };
}
