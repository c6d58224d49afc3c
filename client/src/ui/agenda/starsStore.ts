/**
 * The visitor's starred sessions. A guest's stars live in this browser (localStorage); a signed-in
 * visitor account keeps them on the server (GET/PUT/DELETE /api/me/agenda/stars...). When a visitor
 * signs in, the browser's stars are merged into the account once and the browser's copy is cleared,
 * so a star taken off in the account does not come back from an old browser.
 */
import { create } from 'zustand';
import { api, ApiRequestError } from '../../net/api';
import { errorText } from '../console/session';

const KEY = 'ludao.agenda.stars';

type Account = 'unknown' | 'guest' | 'member';

interface StarsState {
  account: Account;
  ids: readonly string[];
  problem: string | null;
  /** Finds out who is here (one GET /api/auth/me) and loads the stars. Harmless to call twice. */
  init(): Promise<void>;
  toggle(sessionId: string): Promise<void>;
  /** after a sign-in on this page: merge the browser's stars into the account */
  signedIn(): Promise<void>;
  signedOut(): void;
}

function readLocal(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && /^[a-z0-9]{6,32}$/.test(x)).slice(0, 200) : [];
  } catch {
    return [];
  }
}

function writeLocal(ids: readonly string[]): void {
  try {
    if (ids.length) localStorage.setItem(KEY, JSON.stringify(ids));
    else localStorage.removeItem(KEY);
  } catch {
    /* private mode: kept for this page only */
  }
}

let starting: Promise<void> | null = null;

export const useStars = create<StarsState>((set, get) => {
  const asMember = async () => {
    const local = readLocal();
    const r = local.length ? await api('mergeStars', { body: { sessionIds: local } }) : await api('myStars');
    writeLocal([]);
    set({ account: 'member', ids: r.sessionIds, problem: null });
  };
  const asGuest = () => set({ account: 'guest', ids: readLocal(), problem: null });

  return {
    account: 'unknown',
    ids: [],
    problem: null,
    init() {
      starting ??= (async () => {
        try {
          const { user } = await api('me');
          if (user.role === 'visitor') await asMember();
          else asGuest(); // staff and organizers star as guests: their accounts hold no stars
        } catch (err) {
          if (!(err instanceof ApiRequestError && err.status === 401)) set({ problem: errorText(err) });
          asGuest();
        }
      })();
      return starting;
    },
    async toggle(sessionId) {
      const before = get().ids;
      const on = !before.includes(sessionId);
      const optimistic = on ? [...before, sessionId] : before.filter((x) => x !== sessionId);
      set({ ids: optimistic, problem: null });
      if (get().account !== 'member') {
        writeLocal(optimistic);
        return;
      }
      try {
        const r = on ? await api('starSession', { params: { sessionId } }) : await api('unstarSession', { params: { sessionId } });
        set({ ids: r.sessionIds });
      } catch (err) {
        set({ ids: before, problem: errorText(err) });
      }
    },
    async signedIn() {
      try {
        await asMember();
      } catch (err) {
        set({ problem: errorText(err) });
      }
    },
    signedOut() {
      starting = null;
      set({ account: 'guest', ids: [], problem: null });
    },
  };
});
