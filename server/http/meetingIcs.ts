/**
 * A booking as an iCalendar file (RFC 5545) through ical-generator. The event's UID is the
 * booking's id, fixed for life, and SEQUENCE is the booking's change count, so a calendar that
 * imported the first file updates the same entry on a reschedule and removes it on a cancellation.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MeetingView } from '../../shared/api/meetings';

const HALL_NAMES: Record<string, { zh: string; en: string }> = {
  gulangyu: { zh: '鼓浪屿', en: 'Gulangyu' },
  shapowei: { zh: '沙坡尾', en: 'Shapowei' },
};

/** `origin` is where the visitor's browser reached us (for the link back to the hall). */
export function meetingIcs(m: MeetingView, origin: string): string {
  const hall = HALL_NAMES[m.hallId] ?? { zh: m.hallId, en: m.hallId };
  const hallUrl = `${origin}/hall/${encodeURIComponent(m.hallId)}`;
  const cancelled = m.status === 'cancelled';
  const cal = ical({
    prodId: { company: 'Ludao', product: 'Ludao Cloud Expo', language: 'ZH' },
    name: '鹭岛云展 Ludao',
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const where =
    m.mode === 'video' && m.videoUrl
      ? { zh: '视频会议', en: 'Video call', location: m.videoUrl }
      : { zh: `${hall.zh}展厅展位`, en: `Booth in the ${hall.en} hall`, location: hallUrl };
  cal.createEvent({
    id: `${m.id}@ludao`,
    sequence: m.sequence,
    stamp: new Date(m.updatedAt),
    start: new Date(m.startsAt),
    end: new Date(m.endsAt),
    summary: `${m.exhibitorName.zh} 会面 · Meeting with ${m.exhibitorName.en}`,
    description: [
      `${where.zh} · ${where.en}`,
      `展商 Exhibitor: ${m.exhibitorName.zh} / ${m.exhibitorName.en}`,
      `接待 Staff: ${m.staffName}`,
      m.visitorName ? `访客 Visitor: ${m.visitorName}` : '',
      `展厅 Hall: ${hallUrl}`,
    ]
      .filter(Boolean)
      .join('\n'),
    location: where.location,
    url: m.mode === 'video' && m.videoUrl ? m.videoUrl : hallUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}
