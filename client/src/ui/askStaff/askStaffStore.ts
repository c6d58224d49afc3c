/**
 * "Ask staff" in the hall (issue #10): who is signed in, the visitor's conversations with booths
 * (one per booth, kept fresh by the visitor's event stream), which booth's conversation the panel
 * holds and whether it is on screen. Its own small store: the hall's combined store (store/) is
 * loaded with the first frame, and none of this is needed before a booth panel is.
 */
import { create } from 'zustand';
import type { ConversationView } from '../../../../shared/api/conversations';
import type { UserView } from '../../../../shared/api/schemas';
import { api, ApiRequestError } from '../../net/api';
import type { SessionState } from '../console/session';
import { isNewer } from './merge';

export interface AskStaffState {
  session: SessionState;
  /** the signed-in visitor's conversations, by booth id; null until loaded */
  conversations: Record<string, ConversationView> | null;
  loadProblem: string | null;
  /** the booth whose conversation the panel holds (the panel is open while set) */
  boothId: string | null;
  /** the panel is open and on screen (not folded to the dock) */
  shown: boolean;
  refreshSession(): Promise<void>;
  setUser(user: UserView): void;
  signOut(): Promise<void>;
  load(): Promise<void>;
  upsert(c: ConversationView): void;
  open(boothId: string): void;
  close(): void;
  setShown(shown: boolean): void;
}

/** The account that may ask: a signed-in visitor (staff and organizers use the console). */
export function visitorOf(s: SessionState): UserView | null {
  return s.status === 'signed-in' && s.user.role === 'visitor' ? s.user : null;
}

/** Total unread replies over the visitor's conversations. */
export function unreadTotal(conversations: Record<string, ConversationView> | null): number {
  let n = 0;
  for (const c of Object.values(conversations ?? {})) n += c.unread;
  return n;
}

let loadSeq = 0;

export const useAskStaff = create<AskStaffState>((set, get) => ({
  session: { status: 'loading' },
  conversations: null,
  loadProblem: null,
  boothId: null,
  shown: false,

  async refreshSession() {
    try {
      const { user } = await api('me');
      get().setUser(user);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 401) set({ session: { status: 'signed-out' }, conversations: null });
      else set({ session: { status: 'error', message: (err as Error).message } });
    }
  },
  setUser(user) {
    const before = visitorOf(get().session);
    set({ session: { status: 'signed-in', user } });
    if (before?.id !== user.id) set({ conversations: null });
  },
  async signOut() {
    await api('logout').catch(() => {});
    set({ session: { status: 'signed-out' }, conversations: null });
  },

  async load() {
    const mine = ++loadSeq;
    set({ loadProblem: null });
    try {
      const { conversations } = await api('myConversations');
      if (mine !== loadSeq || !visitorOf(get().session)) return;
      // an event that arrived during the request may be newer than the list: keep the newer of the two
      const cur = get().conversations ?? {};
      const next: Record<string, ConversationView> = {};
      for (const c of conversations) next[c.boothId] = isNewer(cur[c.boothId], c) ? c : cur[c.boothId];
      set({ conversations: next });
    } catch (err) {
      if (mine !== loadSeq) return;
      if (err instanceof ApiRequestError && err.status === 401) set({ session: { status: 'signed-out' }, conversations: null });
      else set({ loadProblem: (err as Error).message });
    }
  },
  upsert(c) {
    const cur = get().conversations;
    // answers and events can cross on the wire: an older view never replaces a newer one
    if (isNewer(cur?.[c.boothId], c)) set({ conversations: { ...cur, [c.boothId]: c } });
  },

  open: (boothId) => set({ boothId }),
  close: () => set({ boothId: null, shown: false }),
  setShown: (shown) => set({ shown }),
}));
