/** Meeting times in the reader's language and time zone: "12月3日 周四 14:30–15:00". */
export function meetingWhen(startsAt: number, endsAt: number, lang: string): string {
  const day = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', weekday: 'short' }).format(startsAt);
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${day} ${time.format(startsAt)}–${time.format(endsAt)}`;
}

/** The day a slot falls on, for grouping a list ("12月3日 周四"). */
export function meetingDay(at: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', weekday: 'short' }).format(at);
}

export function meetingClock(at: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}
