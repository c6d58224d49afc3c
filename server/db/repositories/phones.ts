/** A visitor's phone and its verification code (only a hash of the code is stored). */
import type { Kdb, VisitorPhoneTable } from '../types';

export type PhoneRow = VisitorPhoneTable;

export function phoneRepository(db: Kdb) {
  return {
    get: (userId: string) => db.selectFrom('visitor_phones').selectAll().where('user_id', '=', userId).executeTakeFirst(),

    /** A new pending code for this number; a verified number stays verified only if it is the same number. */
    async setCode(userId: string, phone: string, codeHash: string, now: number): Promise<void> {
      const row = { phone, code_hash: codeHash, code_sent_at: now, attempts: 0 };
      await db
        .insertInto('visitor_phones')
        .values({ user_id: userId, ...row, verified_at: null })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
        .execute();
    },

    async countAttempt(userId: string): Promise<void> {
      await db
        .updateTable('visitor_phones')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('user_id', '=', userId)
        .execute();
    },

    async markVerified(userId: string, now: number): Promise<void> {
      await db.updateTable('visitor_phones').set({ verified_at: now, code_hash: null }).where('user_id', '=', userId).execute();
    },
  };
}
