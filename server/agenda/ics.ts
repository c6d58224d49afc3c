/**
 * Agenda sessions as an iCalendar file (RFC 5545) through ical-generator: one session, or every
 * session a visitor starred. Each event's UID is `<session id>@ludao-agenda`, fixed for life, and
 * SEQUENCE is the session's edit count, so a calendar that imported an earlier file updates the
 * same entry after an edit and marks it cancelled after a removal.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { AgendaSessionView } from '../../shared/api/agenda';

const HALL_NAMES: Record<string, { zh: string; en: string }> = {
  gulangyu: { zh: '鼓浪屿', en: 'Gulangyu' },
  shapowei: { zh: '沙坡尾', en: 'Shapowei' },
};

const KIND_NAMES: Record<AgendaSessionView['kind'], { zh: string; en: string }> = {
  talk: { zh: '演讲', en: 'Talk' },
  premiere: { zh: '首映', en: 'Premiere' },
  live: { zh: '直播', en: 'Live' },
  tour: { zh: '导览', en: 'Guided tour' },
  auction: { zh: '拍卖', en: 'Auction' },
};

export interface IcsSession {
  view: AgendaSessionView;
  sequence: number;
  cancelled: boolean;
}

export const sessionUid = (id: string) => `${id}@ludao-agenda`;

/** `origin` is where the visitor's browser reached us (for the links back to the hall and the agenda). */
export function agendaIcs(list: IcsSession[], origin: string): string {
  const single = list.length === 1;
  const cal = ical({
    prodId: { company: 'Ludao', product: 'Ludao Cloud Expo Agenda', language: 'ZH' },
    name: '鹭岛云展日程 Ludao agenda',
    // one removed session: CANCEL, so the calendar drops it; a list is published as it stands
    method: single && list[0].cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  for (const { view: s, sequence, cancelled } of list) {
    const hall = HALL_NAMES[s.hallId] ?? { zh: s.hallId, en: s.hallId };
    const kind = KIND_NAMES[s.kind];
    const hallUrl = `${origin}/hall/${encodeURIComponent(s.hallId)}`;
    const speakers = s.speakers.map((p) => [p.name, p.title.zh, p.title.en].filter(Boolean).join(' · '));
    cal.createEvent({
      id: sessionUid(s.id),
      sequence,
      stamp: new Date(s.updatedAt),
      start: new Date(s.startsAt),
      end: new Date(s.endsAt),
      summary: s.title.en && s.title.en !== s.title.zh ? `${s.title.zh} · ${s.title.en}` : s.title.zh,
      description: [
        `${kind.zh} ${kind.en} · ${hall.zh}展厅 ${hall.en} hall`,
        s.description.zh,
        s.description.en,
        speakers.length ? `嘉宾 Speakers: ${speakers.join('; ')}` : '',
        `日程 Agenda: ${origin}/agenda`,
        `展厅 Hall: ${hallUrl}`,
      ]
        .filter(Boolean)
        .join('\n'),
      location: `鹭岛云展 ${hall.zh}展厅 · Ludao ${hall.en} hall`,
      url: hallUrl,
      categories: s.tags.map((name) => ({ name })),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
