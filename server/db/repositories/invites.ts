import type { Kdb } from '../types';
import { RepoError, isUniqueViolation, newId } from './ids';
import type { NewUser, UserRow } from './users';

export function inviteRepository(db: Kdb) {
  return {
    async create(i: { tokenHash: string; exhibitorId: string; email: string | null; createdBy: string | null; expiresAt: number }): Promise<void> {
      await db
        .insertInto('invites')
        .values({
          token_hash: i.tokenHash,
          exhibitor_id: i.exhibitorId,
          email: i.email,
          created_by: i.createdBy,
          expires_at: i.expiresAt,
          used_at: null,
          created_at: Date.now(),
        })
        .execute();
    },

    /** An unused, unexpired invitation with its exhibitor's name. */
    async findValid(tokenHash: string, now = Date.now()) {
      return db
        .selectFrom('invites')
        .innerJoin('exhibitors', 'exhibitors.id', 'invites.exhibitor_id')
        .select(['invites.token_hash', 'invites.exhibitor_id', 'invites.email', 'invites.expires_at', 'exhibitors.name_zh', 'exhibitors.name_en'])
        .where('invites.token_hash', '=', tokenHash)
        .where('invites.used_at', 'is', null)
        .where('invites.expires_at', '>', now)
        .executeTakeFirst();
    },

    /**
     * Uses an invitation and creates the staff account in one transaction: the conditional update
     * makes a second, concurrent use of the same link fail instead of creating two accounts.
     */
    async accept(tokenHash: string, user: Omit<NewUser, 'exhibitorId' | 'role'>, now = Date.now()): Promise<UserRow> {
      try {
        return await db.transaction().execute(async (trx) => {
          const inv = await trx
            .selectFrom('invites')
            .select(['exhibitor_id', 'email'])
            .where('token_hash', '=', tokenHash)
            .where('used_at', 'is', null)
            .where('expires_at', '>', now)
            .executeTakeFirst();
          if (!inv) throw new RepoError('not_found', 'This invitation is not valid any more');
          if (inv.email && inv.email !== user.email) throw new RepoError('conflict', 'This invitation is for another email address');
          const upd = await trx
            .updateTable('invites')
            .set({ used_at: now })
            .where('token_hash', '=', tokenHash)
            .where('used_at', 'is', null)
            .executeTakeFirst();
          if (Number(upd.numUpdatedRows) !== 1) throw new RepoError('not_found', 'This invitation is not valid any more');
          const row: UserRow = {
            id: newId(),
            email: user.email,
            password_hash: user.passwordHash,
            role: 'exhibitor',
            exhibitor_id: inv.exhibitor_id,
            display_name: user.displayName,
            on_duty_until: null,
            created_at: now,
            last_login_at: now,
          };
          await trx.insertInto('users').values(row).execute();
          return row;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new RepoError('conflict', 'An account with this email exists');
        throw err;
      }
    },
  };
}

export type InviteRepository = ReturnType<typeof inviteRepository>;
