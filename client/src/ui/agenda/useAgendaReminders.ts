/**
 * The reminders due for the visitor's starred sessions: from AGENDA_REMINDER_MS (5 minutes) before a
 * session starts until it starts, through the meetings' reminder hook with the agenda's lead time.
 * An edit of the session (its updatedAt) makes a dismissed reminder come back.
 */
import { useMemo } from 'react';
import { AGENDA_REMINDER_MS, type AgendaSessionView } from '../../../../shared/api/agenda';
import { useDueReminders } from '../meetings/useDueReminders';
import { useAgenda } from './agendaStore';
import { useStars } from './starsStore';

type Remindable = AgendaSessionView & { sequence: number };

export function useAgendaReminders(): { due: Remindable[]; dismiss: (s: Remindable) => void; now: number } {
  const sessions = useAgenda((s) => s.sessions);
  const ids = useStars((s) => s.ids);
  const starred = useMemo(() => sessions.filter((s) => ids.includes(s.id)).map((s) => ({ ...s, sequence: s.updatedAt })), [sessions, ids]);
  return useDueReminders(starred, { leadMs: AGENDA_REMINDER_MS, storageKey: 'ludao.agendaReminders.dismissed' });
}
