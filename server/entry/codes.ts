/**
 * Entry codes are short secrets many visitors share, so they are stored like passwords: a salted
 * scrypt hash (server/auth/password.ts), compared in constant time. A lighter cost than accounts'
 * (16 MiB, a few ms), because a code is checked on every join of a code-only hall; a right code
 * is remembered for a while (as a SHA-256 of hash and code, never the code) so a crowd arriving at
 * once costs one scrypt each per process, not one per reconnect.
 */
import crypto from 'node:crypto';
import { normaliseEntryCode } from '../../shared/api/entry';
import { hashPassword, verifyPassword } from '../auth/password';

export const ENTRY_CODE_COST = { N: 1 << 14, r: 8, p: 1 };
const REMEMBER_MAX = 2_000;
const REMEMBER_MS = 10 * 60_000;

export function hashEntryCode(code: string): Promise<string> {
  return hashPassword(normaliseEntryCode(code), ENTRY_CODE_COST);
}

const remembered = new Map<string, number>();
const memoKey = (stored: string, code: string) => crypto.createHash('sha256').update(stored).update('\0').update(code).digest('hex');

/** True when `code` (as typed) is the one `stored` was made from. */
export async function verifyEntryCode(code: string, stored: string, now = Date.now()): Promise<boolean> {
  const c = normaliseEntryCode(code);
  if (!c || c.length > 64) return false;
  const key = memoKey(stored, c);
  const at = remembered.get(key);
  if (at !== undefined && now - at < REMEMBER_MS) return true;
  const ok = await verifyPassword(c, stored);
  if (ok) {
    if (remembered.size >= REMEMBER_MAX) remembered.clear();
    remembered.set(key, now);
  }
  return ok;
}
