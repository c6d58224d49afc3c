/** The stamps visitor accounts have earned (issue #12 item 5): one row per account and stamp. */
import type { Kdb } from '../types';

export interface EarnedStamp {
  stampId: string;
  earnedAt: number;
}

export function passportRepository(db: Kdb) {
  return {
    async stamps(userId: string): Promise<EarnedStamp[]> {
      const rows = await db.selectFrom('passport_stamps').select(['stamp_id', 'earned_at']).where('user_id', '=', userId).orderBy('earned_at').execute();
      return rows.map((r) => ({ stampId: r.stamp_id, earnedAt: Number(r.earned_at) }));
    },

    /** Records a stamp; earning it again (another instance, a second tab) changes nothing. */
    async add(userId: string, stampId: string, now = Date.now()): Promise<void> {
      await db
        .insertInto('passport_stamps')
        .values({ user_id: userId, stamp_id: stampId, earned_at: now })
        .onConflict((oc) => oc.columns(['user_id', 'stamp_id']).doNothing())
        .execute();
    },
  };
}

export type PassportRepository = ReturnType<typeof passportRepository>;
