/** The visitor's stamp passport as the server last sent it (issue #12): stamps held, souvenirs, guest or account. */
import { create } from 'zustand';
import type { ServerPayload } from '../../../../shared/messages';

type Passport = ServerPayload<'passport'>;

interface PassportState extends Passport {
  /** the server has sent the passport for this connection */
  known: boolean;
  /** the stamp earned last, for the "stamp earned" line; cleared when shown */
  fresh: string | null;
  /** the panel is open */
  open: boolean;
  setOpen(open: boolean): void;
  set(p: Passport): void;
  clearFresh(): void;
  reset(): void;
}

const empty: Passport = { earned: [], souvenirs: [], guest: true };

export const usePassport = create<PassportState>((set, get) => ({
  ...empty,
  known: false,
  fresh: null,
  open: false,
  setOpen: (open) => set({ open }),
  set: (p) => {
    const before = new Set(get().earned);
    // the first snapshot of a connection is what one holds already, not news
    const fresh = get().known ? (p.earned.find((s) => !before.has(s)) ?? get().fresh) : null;
    set({ ...p, known: true, fresh });
  },
  clearFresh: () => set({ fresh: null }),
  reset: () => set({ ...empty, known: false, fresh: null, open: false }),
}));
