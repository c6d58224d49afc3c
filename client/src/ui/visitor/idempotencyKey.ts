/**
 * A fresh key for one attempt at leaving a card: the same key sent twice (a double click, a retry
 * after a lost answer) returns the first lead instead of making a second. Matches the contract's
 * /^[A-Za-z0-9_-]{8,64}$/.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replace(/-/g, '');
  // randomUUID needs a secure context; getRandomValues does not (a venue's plain-http LAN address)
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
