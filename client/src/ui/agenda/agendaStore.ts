/**
 * The agenda as the page, the hall's panel and the reminders see it: loaded once, then read again
 * whenever the server says a session changed (`agenda` events on GET /api/agenda/events, one
 * EventSource per page through sharedStream) and after the stream comes back from a drop. No polling.
 */
import { create } from 'zustand';
import type { AgendaSessionView } from '../../../../shared/api/agenda';
import { api, routeUrl } from '../../net/api';
import { followStream } from '../../net/sharedStream';
import { errorText } from '../console/session';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface AgendaState {
  status: Status;
  problem: string | null;
  halls: string[];
  sessions: AgendaSessionView[];
  /** how many times the list was read (tests and the page's "live" hint) */
  loads: number;
  /** Loads and follows the stream; returns the function that stops following. Harmless to call twice. */
  follow(): () => void;
  reload(): Promise<void>;
}

let followers = 0;
let unfollow: (() => void) | null = null;
let pending: ReturnType<typeof setTimeout> | null = null;

export const useAgenda = create<AgendaState>((set, get) => ({
  status: 'idle',
  problem: null,
  halls: [],
  sessions: [],
  loads: 0,
  async reload() {
    if (get().status !== 'ready') set({ status: 'loading' });
    try {
      const r = await api('agenda');
      set((s) => ({ status: 'ready', problem: null, halls: r.halls, sessions: r.sessions, loads: s.loads + 1 }));
    } catch (err) {
      // a list already shown stays; the problem is said beside it
      set({ status: get().sessions.length ? 'ready' : 'error', problem: errorText(err) });
    }
  },
  follow() {
    followers++;
    if (!unfollow) {
      void get().reload();
      unfollow = followStream(routeUrl('agendaEvents'), {
        events: {
          // several saves in a row (an editor's burst) are read once
          agenda: () => {
            if (pending) return;
            pending = setTimeout(() => {
              pending = null;
              void get().reload();
            }, 150);
          },
        },
        onStatus: (up, reconnected) => {
          if (up && reconnected) void get().reload();
        },
      });
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      if (--followers === 0) {
        unfollow?.();
        unfollow = null;
      }
    };
  },
}));
