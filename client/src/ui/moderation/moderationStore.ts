/**
 * Moderation in the hall (issue #11): the hall's chat mode, one's own mute, whether this
 * connection may moderate, and the chat line or person the moderation dialog is open for. Its own
 * small store, fed by bindRoom's `moderation` messages.
 */
import { create } from 'zustand';
import { OPEN_CHAT, type HallChatMode } from '../../../../shared/api/moderationTerms';
import type { ServerPayload } from '../../../../shared/messages';
import { serverClock } from '../../net/clock';

/** What the dialog acts on: a chat line (its id) or a person (their session id), with what to show. */
export type ModerationSubject = { kind: 'line'; lineId: number; name: string; text: string } | { kind: 'person'; sessionId: string; name: string };

export interface ModerationState {
  mode: HallChatMode;
  /** undefined: not muted; a time (ms) or null (until lifted): muted */
  mutedUntil: number | null | undefined;
  moderator: boolean;
  subject: ModerationSubject | null;
  apply(m: ServerPayload<'moderation'>): void;
  reset(): void;
  open(subject: ModerationSubject): void;
  close(): void;
}

/** setTimeout's longest wait (about 24.8 days); a 30-day mute waits in rounds. */
const MAX_WAIT_MS = 2 ** 31 - 1;
let muteEnd: ReturnType<typeof setTimeout> | null = null;

/**
 * The server says "unmuted" when a mute is lifted, but nothing when a timed one runs out (the next
 * line is simply let through): the page ends it itself at `until`, on the server's clock.
 */
function endMuteAt(until: number | null | undefined): void {
  if (muteEnd) clearTimeout(muteEnd);
  muteEnd = null;
  if (typeof until !== 'number') return;
  const left = until - serverClock.now();
  muteEnd = setTimeout(
    () => {
      muteEnd = null;
      if (useModeration.getState().mutedUntil !== until) return;
      if (serverClock.now() < until) endMuteAt(until);
      else useModeration.setState({ mutedUntil: undefined });
    },
    Math.min(Math.max(left, 0), MAX_WAIT_MS),
  );
}

export const useModeration = create<ModerationState>((set) => ({
  mode: OPEN_CHAT,
  mutedUntil: undefined,
  moderator: false,
  subject: null,
  apply(m) {
    if (m.kind === 'mode') set({ mode: m.mode });
    else if (m.kind === 'muted') {
      set({ mutedUntil: m.until });
      endMuteAt(m.until);
    } else if (m.kind === 'unmuted') {
      set({ mutedUntil: undefined });
      endMuteAt(undefined);
    } else set({ moderator: true });
  },
  reset: () => {
    endMuteAt(undefined);
    set({ mode: OPEN_CHAT, mutedUntil: undefined, moderator: false, subject: null });
  },
  open: (subject) => set({ subject }),
  close: () => set({ subject: null }),
}));
