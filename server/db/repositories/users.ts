import type { Kdb, UserTable } from '../types';
import { RepoError, isUniqueViolation, newId } from './ids';

export type UserRow = UserTable;

export interface NewUser {
  email: string;
  passwordHash: string;
  role: 'organizer' | 'exhibitor' | 'visitor' | 'moderator';
  exhibitorId: string | null;
  displayName: string;
}

export function userRepository(db: Kdb) {
  return {
    async create(u: NewUser): Promise<UserRow> {
      const row: UserRow = {
        id: newId(),
        email: u.email,
        password_hash: u.passwordHash,
        role: u.role,
        exhibitor_id: u.exhibitorId,
        display_name: u.displayName,
        on_duty_until: null,
        created_at: Date.now(),
        last_login_at: null,
      };
      try {
        await db.insertInto('users').values(row).execute();
      } catch (err) {
        if (isUniqueViolation(err)) throw new RepoError('conflict', 'An account with this email exists');
        throw err;
      }
      return row;
    },
    findByEmail: (email: string) => db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
    get: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
    async touchLogin(id: string): Promise<void> {
      await db.updateTable('users').set({ last_login_at: Date.now() }).where('id', '=', id).execute();
    },
    async countByRole(role: 'organizer' | 'exhibitor'): Promise<number> {
      const r = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', role)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Booths a user may edit: its exhibitor's booth. Organizers may edit every booth (checked elsewhere). */
    async boothIds(user: Pick<UserRow, 'exhibitor_id'>): Promise<string[]> {
      if (!user.exhibitor_id) return [];
      const rows = await db.selectFrom('booths').select('id').where('exhibitor_id', '=', user.exhibitor_id).execute();
      return rows.map((r) => r.id);
    },
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
