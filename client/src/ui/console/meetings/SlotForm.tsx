/**
 * Publishing meeting slots: a start (local date and time), 15 to 60 minutes, who holds it, at the
 * booth or by video link, and how many in a row (a morning of 30-minute slots in one go). The
 * server checks everything again; its message is shown as it is.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_MAX_MINUTES, MEETING_MIN_MINUTES, type MeetingMode } from '../../../../../shared/api/meetings';
import { api } from '../../../net/api';
import { errorText } from '../session';

const DURATIONS = [15, 30, 45, 60].filter((m) => m >= MEETING_MIN_MINUTES && m <= MEETING_MAX_MINUTES);

/** The next full hour, as a datetime-local value in the browser's own time zone. */
function nextHourLocal(): string {
  const d = new Date(Date.now() + 3600_000);
  d.setMinutes(0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function SlotForm({ boothId, staff, me, onAdded }: { boothId: string; staff: { id: string; name: string }[]; me: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [start, setStart] = useState(nextHourLocal);
  const [minutes, setMinutes] = useState(30);
  const [staffId, setStaffId] = useState(staff.some((s) => s.id === me) ? me : (staff[0]?.id ?? ''));
  const [mode, setMode] = useState<MeetingMode>('booth');
  const [videoUrl, setVideoUrl] = useState('');
  const [count, setCount] = useState(1);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const first = new Date(start).getTime();
    if (!Number.isFinite(first)) return setProblem(t('boothMeetings.badTime'));
    setBusy(true);
    setProblem(null);
    setDone(null);
    let added = 0;
    try {
      for (let i = 0; i < count; i++) {
        await api('addMeetingSlot', {
          params: { boothId },
          body: {
            startsAt: first + i * minutes * 60_000,
            minutes,
            staffId: staffId || undefined,
            mode,
            videoUrl: mode === 'video' ? videoUrl.trim() : undefined,
          },
        });
        added++;
      }
      setDone(t('boothMeetings.added', { count: added }));
    } catch (err) {
      setProblem(added ? t('boothMeetings.addedSome', { count: added, message: errorText(err) }) : errorText(err));
    } finally {
      setBusy(false);
      if (added) onAdded();
    }
  }

  return (
    <form className="console-form slot-form" onSubmit={(e) => void submit(e)} data-testid="slot-form">
      <label>
        {t('boothMeetings.start')}
        <input type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} data-testid="slot-start" />
      </label>
      <label>
        {t('boothMeetings.minutes')}
        <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} data-testid="slot-minutes">
          {DURATIONS.map((m) => (
            <option key={m} value={m}>
              {t('boothMeetings.minutesN', { n: m })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('boothMeetings.count')}
        <select value={count} onChange={(e) => setCount(Number(e.target.value))} data-testid="slot-count">
          {[1, 2, 3, 4, 6, 8].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('boothMeetings.host')}
        <select value={staffId} onChange={(e) => setStaffId(e.target.value)} data-testid="slot-staff">
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="slot-mode">
        <legend>{t('boothMeetings.where')}</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'booth'} onChange={() => setMode('booth')} /> {t('meetings.atBooth')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'video'} onChange={() => setMode('video')} data-testid="slot-mode-video" /> {t('meetings.video')}
        </label>
      </fieldset>
      {mode === 'video' && (
        <label>
          {t('boothMeetings.videoUrl')}
          <input
            type="url"
            required
            placeholder="https://"
            value={videoUrl}
            onChange={(e) => setVideoUrl(e.target.value)}
            maxLength={500}
            data-testid="slot-video-url"
          />
        </label>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="slot-add">
        {busy ? t('boothMeetings.adding') : t('boothMeetings.add')}
      </button>
      {problem && (
        <p className="form-problem" role="alert" data-testid="slot-problem">
          {problem}
        </p>
      )}
      {done && (
        <p role="status" className="console-ok">
          {done}
        </p>
      )}
    </form>
  );
}
