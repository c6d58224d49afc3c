/**
 * What the room's passport keeps in the database (issue #12 items 5 and 6): an account's stamps,
 * and its souvenir when a set is complete — signed and written to the ledger by the souvenir
 * repository, with the account's display name and the running expo's name printed on it.
 */
import type { PlacedBooth } from '../../shared/passport';
import type { Repositories } from '../db/repositories';

export interface PassportStore {
  stamps(userId: string): Promise<string[]>;
  add(userId: string, stampId: string, now: number): Promise<void>;
  souvenirs(userId: string): Promise<{ set: string; id: string }[]>;
  /** Issues (or finds) the account's souvenir for a completed set. */
  issue(userId: string, setId: string, now: number): Promise<{ set: string; id: string }>;
  /** The running expo's booths placed in this hall: each carries a stamp. */
  booths(hallId: string): Promise<PlacedBooth[]>;
}

export function passportStore(repos: () => Repositories): PassportStore {
  return {
    async stamps(userId) {
      return (await repos().passport.stamps(userId)).map((s) => s.stampId);
    },
    add: (userId, stampId, now) => repos().passport.add(userId, stampId, now),
    async souvenirs(userId) {
      return (await repos().souvenirs.forUser(userId)).map((s) => ({ set: s.setId, id: s.id }));
    },
    async issue(userId, setId, now) {
      const r = repos();
      const [user, expo] = await Promise.all([r.users.get(userId), r.expos.getActive()]);
      const name = user?.display_name?.trim() || '鹭岛访客';
      const { souvenir } = await r.souvenirs.issue({ userId, setId, expo: expo ? expo.name.zh : '鹭岛云展', name, design: setId, now });
      return { set: souvenir.setId, id: souvenir.id };
    },
    async booths(hallId) {
      const r = repos();
      const expo = await r.expos.getActive();
      if (!expo) return [];
      return (await r.booths.occupiedSlots(expo.id))
        .filter((b) => b.hall_id === hallId)
        .map((b) => ({ boothId: b.booth_id, slotId: b.slot_id, name: { zh: b.name_zh, en: b.name_en } }));
    },
  };
}
