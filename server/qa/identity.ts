/**
 * Who asks and votes (issue #11): a visitor's moderation keys (server/moderation/keys.ts), the same
 * ones bans and mutes are bound to. A question or vote is stored under the strongest key — the
 * account when signed in, else the device token (hashed), else the connection — and the limit and
 * the one-vote rule look at all of them, so signing in after asking as a guest on the same device
 * does not grant new questions. A guest whose browser keeps no device token is known by the
 * connection only: a reload makes a new visitor, as it does for chat.
 */
export function primaryKey(keys: readonly string[]): string | null {
  return keys.find((k) => k.startsWith('a:')) ?? keys.find((k) => k.startsWith('d:')) ?? keys.find((k) => k.startsWith('s:')) ?? null;
}
