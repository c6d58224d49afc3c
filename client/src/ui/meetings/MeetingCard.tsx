/**
 * One meeting as its visitor sees it: when, where (booth or video link), with whom, its state, and
 * what they can do: add it to a calendar (.ics), move it to another free slot, or cancel it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView, SlotView } from '../../../../shared/api/meetings';
import { isSafeLink } from '../../../../shared/api/terms';
import { pick } from '../../i18n';
import { api, routeUrl } from '../../net/api';
import { problemText } from '../visitor/problem';
import { meetingWhen } from './meetingTime';
import { SlotPicker } from './SlotPicker';

export function MeetingCard({
  meeting: m,
  onChanged,
  showExhibitor = true,
}: {
  meeting: MeetingView;
  onChanged: (m: MeetingView) => void;
  showExhibitor?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [moving, setMoving] = useState<SlotView[] | null>(null);
  const live = m.status === 'booked';

  async function act(run: () => Promise<MeetingView>) {
    setBusy(true);
    setProblem(null);
    try {
      onChanged(await run());
      setMoving(null);
    } catch (err) {
      setProblem(problemText(err, t));
    } finally {
      setBusy(false);
    }
  }

  async function startMoving() {
    setProblem(null);
    try {
      setMoving((await api('meetingSlots', { params: { boothId: m.boothId } })).slots);
    } catch (err) {
      setProblem(problemText(err, t));
    }
  }

  return (
    <article className={`meeting-card${live ? '' : ' cancelled'}`} data-testid="meeting-card" data-meeting={m.id} data-status={m.status}>
      {showExhibitor && <h3>{pick(m.exhibitorName, i18n.language)}</h3>}
      <p className="meeting-when">{meetingWhen(m.startsAt, m.endsAt, i18n.language)}</p>
      <p className="visitor-muted">
        {m.mode === 'video' ? t('meetings.video') : t('meetings.atBooth')} · {t('meetings.with', { name: m.staffName })}
      </p>
      {live && m.mode === 'video' && m.videoUrl && isSafeLink(m.videoUrl) && (
        <p>
          <a href={m.videoUrl} target="_blank" rel="noopener noreferrer nofollow" data-testid="meeting-video-link">
            {t('meetings.joinVideo')}
          </a>
        </p>
      )}
      {!live && (
        <p className="meeting-status" data-testid="meeting-cancelled">
          {t(`meetings.cancelledBy.${m.cancelledBy ?? 'staff'}`)}
        </p>
      )}
      <div className="visitor-actions">
        <a className="button" href={routeUrl('myMeetingIcs', { params: { meetingId: m.id } })} download data-testid="meeting-ics">
          {t('meetings.addToCalendar')}
        </a>
        {live && (
          <>
            <button type="button" disabled={busy} onClick={() => void startMoving()} data-testid="meeting-reschedule">
              {t('meetings.reschedule')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t('meetings.cancelConfirm'))) void act(() => api('cancelMyMeeting', { params: { meetingId: m.id } }));
              }}
              data-testid="meeting-cancel"
            >
              {t('meetings.cancel')}
            </button>
          </>
        )}
      </div>
      {moving && (
        <div className="meeting-move" data-testid="meeting-move">
          <p>{t('meetings.pickNew')}</p>
          <SlotPicker
            slots={moving}
            disabled={busy}
            onPick={(s) => void act(() => api('rescheduleMyMeeting', { params: { meetingId: m.id }, body: { slotId: s.id } }))}
          />
          <button type="button" className="ghost" onClick={() => setMoving(null)}>
            {t('meetings.keep')}
          </button>
        </div>
      )}
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </article>
  );
}
