/**
 * A duty that lapses says so (issue #10 item 4): staff on duty renew every two minutes from the
 * console, and a duty not renewed ends DUTY_TTL_MS after the last renewal. Nothing is written when
 * it ends, so without this the booth kept its "staff on duty" badge (and the avatar its staff mark)
 * until the booth next changed. Each renewal sets one timer per account for just after the expiry,
 * which publishes a booth event: every page and hall room re-reads the booth and finds it unstaffed.
 * A renewal that reaches another process leaves this one's timer to fire harmlessly (the booth is
 * read again and is still staffed).
 */
import type { BoothEvents } from './events';

/** after the expiry, so the re-read sees the duty over */
const AFTER_MS = 500;

export interface DutyExpiry {
  /** staff `userId` is on duty at the booth until `until` (ms); null: off duty now (no timer) */
  renewed(userId: string, hallId: string, boothId: string, until: number | null): void;
  close(): void;
}

export function dutyExpiry(events: Pick<BoothEvents, 'boothChanged'>, now: () => number = Date.now): DutyExpiry {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    renewed(userId, hallId, boothId, until) {
      clearTimeout(timers.get(userId));
      timers.delete(userId);
      if (until == null) return;
      const t = setTimeout(
        () => {
          timers.delete(userId);
          events.boothChanged(hallId, boothId);
        },
        Math.max(0, until - now()) + AFTER_MS,
      );
      t.unref?.();
      timers.set(userId, t);
    },
    close() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
