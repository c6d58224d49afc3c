/**
 * The signed-in visitor's meetings, shared by the hall's booking dialog, its reminders and the
 * privacy centre: loaded once, then kept live from the visitor's event stream (`meeting` events on
 * /api/me/events, the same stream as "ask staff" answers, opened once per page).
 */
import { create } from 'zustand';
import { meetingEvents, type MeetingView } from '../../../../shared/api/meetings';
import { parseSse } from '../../../../shared/api/sse';
import { api, ApiRequestError, routeUrl } from '../../net/api';
import { followStream } from '../../net/sharedStream';

type Status = 'idle' | 'loading' | 'ready' | 'signed-out' | 'error';

interface MyMeetings {
  status: Status;
  meetings: Record<string, MeetingView>;
  /** Loads the list and follows the stream; again after a sign-in. Harmless to call twice. */
  start(): Promise<void>;
  upsert(m: MeetingView): void;
  /** after sign-out or account deletion */
  stop(): void;
}

let unfollow: (() => void) | null = null;

export const useMyMeetings = create<MyMeetings>((set, get) => {
  const load = async () => {
    try {
      const { meetings } = await api('myMeetings');
      set({ status: 'ready', meetings: Object.fromEntries(meetings.map((m) => [m.id, m])) });
      return true;
    } catch (err) {
      set({ status: err instanceof ApiRequestError && (err.status === 401 || err.status === 403) ? 'signed-out' : 'error' });
      return false;
    }
  };
  return {
    status: 'idle',
    meetings: {},
    async start() {
      if (get().status === 'loading' || (get().status === 'ready' && unfollow)) return;
      set({ status: 'loading' });
      if (!(await load()) || unfollow) return;
      unfollow = followStream(routeUrl('myEvents'), {
        events: {
          meeting: (data) => {
            const m = parseSse(meetingEvents, 'meeting', data);
            if (m) get().upsert(m);
          },
        },
        // events sent while the stream was down were not delivered: read the list again
        onStatus: (up, reconnected) => {
          if (up && reconnected) void load();
        },
      });
    },
    upsert(m) {
      set((s) => ({ meetings: { ...s.meetings, [m.id]: m } }));
    },
    stop() {
      unfollow?.();
      unfollow = null;
      set({ status: 'idle', meetings: {} });
    },
  };
});

/** The live meeting at one booth, if any (one per visitor and booth). */
export const liveAt = (meetings: Record<string, MeetingView>, boothId: string) =>
  Object.values(meetings).find((m) => m.boothId === boothId && m.status === 'booked') ?? null;
