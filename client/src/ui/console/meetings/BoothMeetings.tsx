/**
 * A booth's meetings in the exhibitor console: publish slots, see which are free and who booked
 * the others, cancel or move a booking, take a slot back, download a booking's .ics. Live over the
 * booth's stream (a booking, move or cancellation from a visitor shows without a reload), with the
 * in-app reminder 15 minutes before each meeting.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingEvents, type BoothMeetings as Data, type MeetingView } from '../../../../../shared/api/meetings';
import { parseSse } from '../../../../../shared/api/sse';
import { api, routeUrl } from '../../../net/api';
import { followStream } from '../../../net/sharedStream';
import { meetingClock, meetingWhen } from '../../meetings/meetingTime';
import { useDueReminders } from '../../meetings/useDueReminders';
import { errorText } from '../session';
import { SlotForm } from './SlotForm';
import '../../meetings/meetings.css';

export function BoothMeetings({ boothId, me }: { boothId: string; me: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [data, setData] = useState<Data | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [news, setNews] = useState<MeetingView | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await api('boothMeetings', { params: { boothId } }));
      setProblem(null);
    } catch (err) {
      setProblem(t('boothMeetings.loadFailed', { message: errorText(err) }));
    }
  }, [boothId, t]);
  useEffect(() => void load(), [load]);
  // a change from a visitor (or a colleague) reloads the list: slots and bookings move together
  useEffect(
    () =>
      followStream(routeUrl('boothInboxEvents', { params: { boothId } }), {
        events: {
          meeting: (raw) => {
            const m = parseSse(meetingEvents, 'meeting', raw);
            if (!m) return;
            setNews(m);
            void load();
          },
        },
        onStatus: (up, reconnected) => {
          if (up && reconnected) void load();
        },
      }),
    [boothId, load],
  );

  const booked = useMemo(() => (data?.meetings ?? []).filter((m) => m.status === 'booked'), [data]);
  const { due, dismiss, now } = useDueReminders(booked);
  const bySlot = new Map(booked.map((m) => [m.slotId, m]));
  const freeSlots = (data?.slots ?? []).filter((s) => s.free && s.startsAt > now);

  async function act(key: string, run: () => Promise<unknown>) {
    setBusy(key);
    setProblem(null);
    try {
      await run();
      setMoving(null);
      await load();
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="console-card booth-meetings" aria-labelledby={`meetings-${boothId}`} data-testid="booth-meetings" data-booth={boothId}>
      <h2 id={`meetings-${boothId}`}>{t('boothMeetings.title')}</h2>
      {due.map((m) => (
        <div key={m.id} className="announcement meeting-reminder" role="alert" data-testid="console-meeting-reminder" data-meeting={m.id}>
          <strong>{t('meetings.reminderTitle')}</strong>
          <span>
            {t('boothMeetings.reminderText', {
              minutes: Math.max(1, Math.ceil((m.startsAt - now) / 60_000)),
              time: meetingClock(m.startsAt, lang),
              visitor: m.visitorName,
              staff: m.staffName,
            })}
          </span>
          <button type="button" className="ghost" aria-label={t('hud.dismiss')} onClick={() => dismiss(m)}>
            ×
          </button>
        </div>
      ))}
      {news && (
        <p role="status" className="console-ok" data-testid="booth-meetings-news">
          {t(news.status === 'booked' ? (news.sequence ? 'boothMeetings.newsMoved' : 'boothMeetings.newsBooked') : 'boothMeetings.newsCancelled', {
            visitor: news.visitorName || t('boothMeetings.deletedVisitor'),
            when: meetingWhen(news.startsAt, news.endsAt, lang),
          })}
        </p>
      )}
      {problem && (
        <p className="form-problem" role="alert">
          {problem}{' '}
          <button type="button" onClick={() => void load()}>
            {t('visitor.retry')}
          </button>
        </p>
      )}
      {!data ? (
        !problem && <p>{t('console.loading')}</p>
      ) : (
        <>
          <details className="slot-form-box">
            <summary>{t('boothMeetings.publish')}</summary>
            <SlotForm boothId={boothId} staff={data.staff} me={me} onAdded={() => void load()} />
          </details>
          {!data.slots.length ? (
            <p className="visitor-muted">{t('boothMeetings.none')}</p>
          ) : (
            <ul className="booth-slot-list" data-testid="booth-slot-list">
              {data.slots.map((s) => {
                const m = bySlot.get(s.id);
                const past = s.endsAt <= now;
                return (
                  <li key={s.id} data-testid="booth-slot" data-slot={s.id} data-state={m ? 'booked' : 'free'} className={past ? 'past' : ''}>
                    <span className="meeting-when">{meetingWhen(s.startsAt, s.endsAt, lang)}</span>
                    <span className="visitor-muted">
                      {s.mode === 'video' ? t('meetings.video') : t('meetings.atBooth')} · {s.staffName}
                    </span>
                    {m ? (
                      <span className="slot-booked" data-testid="booth-slot-visitor">
                        {t('boothMeetings.bookedBy', { name: m.visitorName })}
                      </span>
                    ) : (
                      <span className="visitor-muted">{t('boothMeetings.free')}</span>
                    )}
                    <span className="booth-slot-actions">
                      {m && (
                        <>
                          <a
                            className="button"
                            href={routeUrl('boothMeetingIcs', { params: { boothId, meetingId: m.id } })}
                            download
                            data-testid="booth-meeting-ics"
                          >
                            .ics
                          </a>
                          {!past && (
                            <>
                              <button
                                type="button"
                                disabled={!!busy || !freeSlots.length}
                                onClick={() => setMoving(moving === m.id ? null : m.id)}
                                data-testid="booth-meeting-move"
                              >
                                {t('meetings.reschedule')}
                              </button>
                              <button
                                type="button"
                                className="danger"
                                disabled={!!busy}
                                onClick={() => {
                                  if (window.confirm(t('boothMeetings.cancelConfirm', { name: m.visitorName })))
                                    void act(m.id, () => api('staffCancelMeeting', { params: { boothId, meetingId: m.id } }));
                                }}
                                data-testid="booth-meeting-cancel"
                              >
                                {t('meetings.cancel')}
                              </button>
                            </>
                          )}
                        </>
                      )}
                      {!past && (
                        <button
                          type="button"
                          className="ghost"
                          disabled={!!busy}
                          onClick={() => {
                            if (!m || window.confirm(t('boothMeetings.withdrawConfirm', { name: m.visitorName })))
                              void act(s.id, () => api('withdrawMeetingSlot', { params: { boothId, slotId: s.id } }));
                          }}
                          data-testid="booth-slot-withdraw"
                        >
                          {t('boothMeetings.withdraw')}
                        </button>
                      )}
                    </span>
                    {m && moving === m.id && (
                      <select
                        aria-label={t('meetings.pickNew')}
                        defaultValue=""
                        onChange={(e) => {
                          const slotId = e.target.value;
                          if (slotId) void act(m.id, () => api('staffRescheduleMeeting', { params: { boothId, meetingId: m.id }, body: { slotId } }));
                        }}
                        data-testid="booth-meeting-move-to"
                      >
                        <option value="">{t('meetings.pickNew')}</option>
                        {freeSlots.map((f) => (
                          <option key={f.id} value={f.id}>
                            {meetingWhen(f.startsAt, f.endsAt, lang)} · {f.staffName}
                          </option>
                        ))}
                      </select>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {data.meetings.some((m) => m.status === 'cancelled') && (
            <details>
              <summary>{t('boothMeetings.cancelledList')}</summary>
              <ul className="booth-slot-list">
                {data.meetings
                  .filter((m) => m.status === 'cancelled')
                  .map((m) => (
                    <li key={m.id} className="past" data-testid="booth-meeting-cancelled">
                      <span className="meeting-when">{meetingWhen(m.startsAt, m.endsAt, lang)}</span>
                      <span>{m.visitorName || t('boothMeetings.deletedVisitor')}</span>
                      <span className="meeting-status">{t(`meetings.cancelledBy.${m.cancelledBy ?? 'staff'}`)}</span>
                    </li>
                  ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
