/**
 * The reminders due now for a list of meetings, re-evaluated when one starts or ends (a timer set
 * for that moment) and every 15 s for the minutes shown, with "dismiss" remembered for the browser
 * session. Returns the time it used, for "in N minutes".
 */
import { useCallback, useEffect, useState } from 'react';
import { dueReminders, nextChange, reminderKey, type Remindable } from './reminders';
import { useNow } from './useNow';

const STORE = 'ludao.meetingReminders.dismissed';

function readDismissed(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(STORE) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

export function useDueReminders<M extends Remindable>(meetings: readonly M[]): { due: M[]; dismiss: (m: M) => void; now: number } {
  const [edge, setEdge] = useState(0);
  const now = useNow(15_000, `${meetings.length}:${edge}:${meetings.map(reminderKey).join()}`);
  const [dismissed, setDismissed] = useState(readDismissed);
  useEffect(() => {
    const wait = nextChange(meetings, now);
    if (wait === null) return;
    // timers clamp at 2^31 ms; a far meeting simply re-arms on the next wake
    const id = window.setTimeout(() => setEdge((e) => e + 1), Math.min(wait + 50, 2 ** 31 - 1));
    return () => window.clearTimeout(id);
  }, [meetings, now]);
  const dismiss = useCallback((m: M) => {
    setDismissed((d) => {
      const next = new Set(d).add(reminderKey(m));
      try {
        sessionStorage.setItem(STORE, JSON.stringify([...next]));
      } catch {
        /* private mode: dismissed for this page only */
      }
      return next;
    });
  }, []);
  return { due: dueReminders(meetings, now, dismissed), dismiss, now };
}
