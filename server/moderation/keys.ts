/**
 * What a sanction is bound to, as keys: an account ('a:'), a device token ('d:', its SHA-256, so
 * the database never holds the token itself) and one connection ('s:', for a guest without a
 * device token). A visitor's connection carries all of its keys; a sanction holds if any matches.
 */
import crypto from 'node:crypto';
import { DEVICE_PATTERN } from '../../shared/api/moderationTerms';

export const accountKey = (userId: string): string => `a:${userId}`;
export const sessionKey = (sessionId: string): string => `s:${sessionId}`;
export function deviceKey(token: string): string {
  return `d:${crypto.createHash('sha256').update(token).digest('hex').slice(0, 40)}`;
}

/** The keys of one join: the account, the device cookie and the device the page sent (both are checked). */
export function joinKeys(p: { userId?: string | null; cookieDevice?: string | null; optionDevice?: string | null }): string[] {
  const keys = new Set<string>();
  if (p.userId) keys.add(accountKey(p.userId));
  for (const d of [p.cookieDevice, p.optionDevice]) if (d && DEVICE_PATTERN.test(d)) keys.add(deviceKey(d));
  return [...keys];
}

export function boundTo(keys: readonly string[]): ('account' | 'device' | 'session')[] {
  const out = new Set<'account' | 'device' | 'session'>();
  for (const k of keys) out.add(k.startsWith('a:') ? 'account' : k.startsWith('d:') ? 'device' : 'session');
  return [...out];
}

export const accountOf = (keys: readonly string[]): string | null => keys.find((k) => k.startsWith('a:'))?.slice(2) ?? null;
export const sessionOf = (keys: readonly string[]): string | null => keys.find((k) => k.startsWith('s:'))?.slice(2) ?? null;
