/** The first organizer: from ORGANIZER_EMAIL/ORGANIZER_PASSWORD on start, or `server/cli.ts create-organizer`. */
import { emailSchema, passwordSchema } from '../../shared/api/common';
import type { Repositories } from '../db/repositories';
import { hashPassword, verifyPassword } from './password';

export type EnsureResult = 'created' | 'password_updated' | 'unchanged';

/** Creates the organizer, or sets its password when it differs. Refuses an exhibitor's email. */
export async function ensureOrganizer(repos: Repositories, rawEmail: string, password: string, retried = false): Promise<EnsureResult> {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) throw new Error(`Organizer email is not valid: ${rawEmail}`);
  const pw = passwordSchema.safeParse(password);
  if (!pw.success) throw new Error(pw.error.issues[0]?.message ?? 'Organizer password is not valid');
  const existing = await repos.users.findByEmail(email.data);
  if (!existing) {
    try {
      await repos.users.create({
        email: email.data,
        passwordHash: await hashPassword(password),
        role: 'organizer',
        exhibitorId: null,
        displayName: email.data.split('@')[0],
      });
      return 'created';
    } catch (err) {
      // another process starting at the same moment created it first (SQLite has no startup lock): use theirs
      if ((err as { code?: string }).code !== 'conflict' || retried) throw err;
      return ensureOrganizer(repos, rawEmail, password, true);
    }
  }
  if (existing.role !== 'organizer') throw new Error(`${email.data} is an exhibitor account, not an organizer`);
  if (await verifyPassword(password, existing.password_hash)) return 'unchanged';
  await repos.users.setPassword(existing.id, await hashPassword(password));
  await repos.sessions.deleteForUser(existing.id);
  return 'password_updated';
}
