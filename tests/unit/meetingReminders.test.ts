import { describe, expect, it } from 'vitest';
import { dueReminders, nextChange, reminderKey } from '../../client/src/ui/meetings/reminders';

const MIN = 60_000;
const m = (id: string, startsAt: number, over: Partial<{ status: string; sequence: number }> = {}) => ({
  id,
  startsAt,
  status: 'booked',
  sequence: 0,
  ...over,
});

describe('meeting reminders', () => {
  it('are due from 15 minutes before a live meeting until it begins', () => {
    const a = m('a', 100 * MIN);
    expect(dueReminders([a], 84 * MIN, new Set())).toEqual([]);
    expect(dueReminders([a], 85 * MIN, new Set())).toEqual([a]);
    expect(dueReminders([a], 99 * MIN, new Set())).toEqual([a]);
    expect(dueReminders([a], 100 * MIN, new Set())).toEqual([]);
  });

  it('skip cancelled and dismissed meetings, and remind again after a reschedule', () => {
    const a = m('a', 100 * MIN);
    expect(dueReminders([m('b', 100 * MIN, { status: 'cancelled' })], 90 * MIN, new Set())).toEqual([]);
    const dismissed = new Set([reminderKey(a)]);
    expect(dueReminders([a], 90 * MIN, dismissed)).toEqual([]);
    const moved = { ...a, sequence: 1 };
    expect(dueReminders([moved], 90 * MIN, dismissed)).toEqual([moved]);
  });

  it('sorts the soonest first and says when the list next changes', () => {
    const a = m('a', 110 * MIN);
    const b = m('b', 100 * MIN);
    expect(dueReminders([a, b], 99 * MIN, new Set()).map((x) => x.id)).toEqual(['b', 'a']);
    expect(nextChange([a, b], 80 * MIN)).toBe(5 * MIN); // b's reminder at 85
    expect(nextChange([a, b], 99 * MIN)).toBe(1 * MIN); // b begins at 100
    expect(nextChange([a, b], 200 * MIN)).toBeNull();
  });
});
