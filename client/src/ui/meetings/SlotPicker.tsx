/**
 * Free slots of a booth, grouped by day, as a list of buttons: one press picks a slot. Used to book
 * (the hall) and to move a meeting (hall, privacy centre, console).
 */
import { useTranslation } from 'react-i18next';
import type { SlotView } from '../../../../shared/api/meetings';
import { meetingClock, meetingDay } from './meetingTime';

export function SlotPicker({
  slots,
  selected,
  onPick,
  disabled,
}: {
  slots: SlotView[];
  selected?: string | null;
  onPick: (s: SlotView) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!slots.length)
    return (
      <p className="visitor-muted" data-testid="meeting-no-slots">
        {t('meetings.noSlots')}
      </p>
    );
  const days = new Map<string, SlotView[]>();
  for (const s of slots) {
    const d = meetingDay(s.startsAt, lang);
    days.set(d, [...(days.get(d) ?? []), s]);
  }
  return (
    <div className="slot-picker" role="list" data-testid="meeting-slots">
      {[...days].map(([day, list]) => (
        <section key={day} role="listitem" className="slot-day">
          <h3>{day}</h3>
          <div className="slot-buttons">
            {list.map((s) => (
              <button
                key={s.id}
                type="button"
                className={selected === s.id ? 'primary' : ''}
                aria-pressed={selected === s.id}
                disabled={disabled}
                onClick={() => onPick(s)}
                data-testid="meeting-slot"
                data-slot={s.id}
              >
                <span className="slot-time">
                  {meetingClock(s.startsAt, lang)}–{meetingClock(s.endsAt, lang)}
                </span>
                <span className="slot-meta">
                  {s.mode === 'video' ? t('meetings.video') : t('meetings.atBooth')} · {s.staffName}
                </span>
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
