/**
 * The hall's in-app meeting reminder: 15 minutes before a signed-in visitor's meeting a banner
 * names the exhibitor and the time, with "go to the booth" (or the video link) and "got it".
 * Loaded after the hall is up; for an anonymous visitor it costs one 401.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../../shared/api/meetings';
import { isSafeLink } from '../../../../shared/api/terms';
import type { HallId } from '../../../../shared/halls';
import { pick } from '../../i18n';
import { api } from '../../net/api';
import { goToBooth } from '../booth/goTo';
import { Slot } from '../layout/Overlay';
import { meetingClock } from './meetingTime';
import { useMyMeetings } from './myMeetingsStore';
import { useDueReminders } from './useDueReminders';
import './meetings.css';

export default function MeetingReminders({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation();
  const start = useMyMeetings((s) => s.start);
  const byId = useMyMeetings((s) => s.meetings);
  const meetings = useMemo(() => Object.values(byId), [byId]);
  useEffect(() => void start(), [start]);
  const { due, dismiss, now } = useDueReminders(meetings);
  const m = due[0];
  if (!m) return null;
  const minutes = Math.max(1, Math.ceil((m.startsAt - now) / 60_000));
  const goThere = async (meeting: MeetingView) => {
    const booth = await api('booth', { params: { boothId: meeting.boothId } }).catch(() => null);
    if (booth) goToBooth(hallId, { hallId: booth.hallId, slotId: booth.slotId, boothId: booth.id });
  };
  return (
    <Slot id="meetingReminder" onClose={() => dismiss(m)}>
      <div className="announcement meeting-reminder" role="alert" data-testid="meeting-reminder" data-meeting={m.id}>
        <strong>{t('meetings.reminderTitle')}</strong>
        <span>{t('meetings.reminderText', { minutes, name: pick(m.exhibitorName, i18n.language), time: meetingClock(m.startsAt, i18n.language) })}</span>
        {m.mode === 'video' && m.videoUrl && isSafeLink(m.videoUrl) ? (
          <a className="button" href={m.videoUrl} target="_blank" rel="noopener noreferrer nofollow">
            {t('meetings.joinVideo')}
          </a>
        ) : (
          <button type="button" onClick={() => void goThere(m)} data-testid="meeting-reminder-go">
            {t('meetings.goToBooth')}
          </button>
        )}
        <button type="button" className="ghost" aria-label={t('hud.dismiss')} onClick={() => dismiss(m)} data-testid="meeting-reminder-dismiss">
          ×
        </button>
      </div>
    </Slot>
  );
}
