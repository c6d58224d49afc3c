/**
 * "预约会面 / Book a meeting" at one booth, in three steps: the dialog opens on the booth's free
 * slots, a press picks one, "confirm" books it (signing in first if needed). A visitor with a live
 * meeting at the booth sees it instead, to add to a calendar, move or cancel. A slot someone else
 * took meanwhile answers 409: the list reloads and says so.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView, SlotView } from '../../../../shared/api/meetings';
import { api, ApiRequestError, routeUrl } from '../../net/api';
import { useSession } from '../console/session';
import { AccountPanel } from '../visitor/AccountPanel';
import { VisitorDialog } from '../visitor/VisitorDialog';
import { problemText } from '../visitor/problem';
import { MeetingCard } from './MeetingCard';
import { meetingWhen } from './meetingTime';
import { liveAt, useMyMeetings } from './myMeetingsStore';
import { SlotPicker } from './SlotPicker';
import './meetings.css';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export default function MeetingDialog({ boothId, exhibitor, onClose }: { boothId: string; exhibitor: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { state: session, setUser, signOut, refresh } = useSession();
  const [slots, setSlots] = useState<Loaded<SlotView[]>>({ status: 'loading' });
  const [picked, setPicked] = useState<SlotView | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [booked, setBooked] = useState<MeetingView | null>(null);
  const mine = useMyMeetings();
  const visitorId = session.status === 'signed-in' && session.user.role === 'visitor' ? session.user.id : null;

  const loadSlots = useCallback(() => {
    setSlots({ status: 'loading' });
    api('meetingSlots', { params: { boothId } }).then(
      ({ slots }) => setSlots({ status: 'ready', value: slots }),
      (err: unknown) => setSlots({ status: 'error', message: problemText(err, t) }),
    );
  }, [boothId, t]);
  useEffect(loadSlots, [loadSlots]);
  useEffect(() => {
    if (visitorId) void mine.start();
  }, [visitorId, mine]);

  const existing = visitorId ? liveAt(mine.meetings, boothId) : null;

  async function confirm() {
    if (!picked) return;
    setBusy(true);
    setProblem(null);
    try {
      const m = await api('bookMeeting', { body: { slotId: picked.id } });
      mine.upsert(m);
      setBooked(m);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 409) {
        setProblem(err.message.includes('already have') ? t('meetings.alreadyHere') : t('meetings.taken'));
        setPicked(null);
        loadSlots();
      } else setProblem(problemText(err, t));
    } finally {
      setBusy(false);
    }
  }

  function account() {
    return (
      <AccountPanel
        state={session}
        why={t('meetings.why')}
        onSignedIn={setUser}
        onSignOut={() => {
          mine.stop();
          void signOut();
        }}
        onRetry={() => void refresh()}
      />
    );
  }

  function body() {
    if (booked) {
      return (
        <div className="consent-done" role="status" data-testid="meeting-booked" data-meeting={booked.id}>
          <p className="consent-done-title">✓ {t('meetings.booked')}</p>
          <p>{meetingWhen(booked.startsAt, booked.endsAt, i18n.language)}</p>
          <p className="visitor-muted">{t('meetings.bookedDetail')}</p>
          <div className="visitor-actions">
            <a className="button" href={routeUrl('myMeetingIcs', { params: { meetingId: booked.id } })} download data-testid="meeting-booked-ics">
              {t('meetings.addToCalendar')}
            </a>
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('consent.done')}
            </button>
          </div>
        </div>
      );
    }
    if (existing)
      return (
        <>
          <p data-testid="meeting-existing">{t('meetings.youHaveOne')}</p>
          <MeetingCard meeting={existing} onChanged={mine.upsert} showExhibitor={false} />
        </>
      );
    if (slots.status === 'loading') return <p className="visitor-muted">{t('visitor.loading')}</p>;
    if (slots.status === 'error')
      return (
        <p className="form-problem" role="alert">
          {slots.message}{' '}
          <button type="button" onClick={loadSlots}>
            {t('visitor.retry')}
          </button>
        </p>
      );
    return (
      <>
        <p className="meeting-step">{t('meetings.step1')}</p>
        <SlotPicker slots={slots.value} selected={picked?.id} onPick={setPicked} disabled={busy} />
        {picked && (
          <div className="meeting-confirm" data-testid="meeting-confirm-box">
            <p className="meeting-step">{t('meetings.step2', { when: meetingWhen(picked.startsAt, picked.endsAt, i18n.language) })}</p>
            {/* an account is asked for only now, once there is something to book */}
            {!visitorId && account()}
            <button type="button" className="primary" disabled={busy || !visitorId} onClick={() => void confirm()} data-testid="meeting-confirm">
              {busy ? t('meetings.booking') : t('meetings.confirm')}
            </button>
            {!visitorId && <p className="visitor-muted">{t('meetings.signInFirst')}</p>}
          </div>
        )}
      </>
    );
  }

  return (
    <VisitorDialog
      title={t('meetings.title')}
      exhibitor={exhibitor}
      className="meeting-dialog"
      testId="meeting-dialog"
      closeTestId="meeting-close"
      boothId={boothId}
      onClose={onClose}
    >
      {/* signed in: who, and sign-out, on top; signed out: the forms come with step 2 */}
      {!booked && visitorId && account()}
      {problem && (
        <p className="form-problem" role="alert" data-testid="meeting-problem">
          {problem}
        </p>
      )}
      {body()}
    </VisitorDialog>
  );
}
