/**
 * Moderation in the hall (issue #11): the hall's chat mode, one's own mute, whether this
 * connection may moderate, and the chat line or person the moderation dialog is open for. Its own
 * small store, fed by bindRoom's `moderation` messages.
 */
import { create } from 'zustand';
import { OPEN_CHAT, type HallChatMode } from '../../../../shared/api/moderationTerms';
import type { ServerPayload } from '../../../../shared/messages';

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

export const useModeration = create<ModerationState>((set) => ({
  mode: OPEN_CHAT,
  mutedUntil: undefined,
  moderator: false,
  subject: null,
  apply(m) {
    if (m.kind === 'mode') set({ mode: m.mode });
    else if (m.kind === 'muted') set({ mutedUntil: m.until });
    else if (m.kind === 'unmuted') set({ mutedUntil: undefined });
    else set({ moderator: true });
  },
  reset: () => set({ mode: OPEN_CHAT, mutedUntil: undefined, moderator: false, subject: null }),
  open: (subject) => set({ subject }),
  close: () => set({ subject: null }),
}));
