/**
 * Agenda times in the reader's language and time zone, and the pure questions the page and the
 * panel ask of a list of sessions: which day each falls on, what is on now, what comes next.
 * Pure (no clock of its own), so tests/unit/agendaClient.test.ts checks them with fixed times.
 */

export interface Timed {
  id: string;
  startsAt: number;
  endsAt: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant: "2026-12-02". */
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The day after a day key, across month ends and DST. */
export function nextDayKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number);
  return dayKey(new Date(y, m - 1, d + 1, 12).getTime());
}

export function agendaClock(at: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

export function agendaDate(at: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', day: 'numeric', weekday: 'short' }).format(at);
}

/** Sessions grouped by local day, days in order and each day's sessions by start. */
export function byDay<S extends Timed>(sessions: readonly S[]): { day: string; sessions: S[] }[] {
  const days = new Map<string, S[]>();
  for (const s of [...sessions].sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id))) {
    const k = dayKey(s.startsAt);
    let list = days.get(k);
    if (!list) days.set(k, (list = []));
    list.push(s);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, list]) => ({ day, sessions: list }));
}

export const isOn = (s: Timed, now: number) => s.startsAt <= now && now < s.endsAt;

/** What a hall's panel shows: on now, the next one to start, and what follows it (not ended yet). */
export function nowAndNext<S extends Timed>(sessions: readonly S[], now: number): { on: S[]; next: S | null; later: S[] } {
  const sorted = [...sessions].filter((s) => s.endsAt > now).sort((a, b) => a.startsAt - b.startsAt);
  const on = sorted.filter((s) => isOn(s, now));
  const coming = sorted.filter((s) => s.startsAt > now);
  return { on, next: coming[0] ?? null, later: coming.slice(1) };
}

/** Where the "now" line goes in a day's list: before the first session that starts after now (-1: not this day). */
export function nowLineIndex(day: string, sessions: readonly Timed[], now: number): number {
  if (dayKey(now) !== day) return -1;
  const i = sessions.findIndex((s) => s.startsAt > now);
  return i === -1 ? sessions.length : i;
}
