/**
 * The visitor's meetings in the privacy centre: upcoming ones first, each with its calendar file,
 * reschedule and cancel; cancelled and past ones stay listed as records. Live from the visitor's
 * event stream (an exhibitor's change shows without a reload).
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingCard } from '../meetings/MeetingCard';
import { useMyMeetings } from '../meetings/myMeetingsStore';
import { useNow } from '../meetings/useNow';
import '../meetings/meetings.css';

export function MyMeetings() {
  const { t } = useTranslation();
  const { status, meetings: byId, start, upsert, stop } = useMyMeetings();
  useEffect(() => {
    void start();
    return stop;
  }, [start, stop]);
  const now = useNow(60_000, byId);
  const meetings = useMemo(() => {
    const rank = (m: { status: string; endsAt: number }) => (m.status === 'booked' && m.endsAt > now ? 0 : 1);
    return Object.values(byId).sort((a, b) => rank(a) - rank(b) || a.startsAt - b.startsAt);
  }, [byId, now]);
  if (status === 'loading' || status === 'idle') return <p className="visitor-muted">{t('visitor.loading')}</p>;
  if (status === 'error')
    return (
      <p className="form-problem" role="alert">
        {t('privacy.loadFailed', { message: '' })}{' '}
        <button type="button" onClick={() => void start()}>
          {t('visitor.retry')}
        </button>
      </p>
    );
  if (!meetings.length) return <p className="visitor-muted">{t('meetings.privacyNone')}</p>;
  return (
    <div data-testid="my-meetings">
      {meetings.map((m) => (
        <MeetingCard key={m.id} meeting={m} onChanged={upsert} />
      ))}
    </div>
  );
}
