/**
 * The live auction's rules (issue #12 item 7), on the server's clock: a bid is accepted only while
 * the lot is open and only at or above the next price (the start price, then the current price plus
 * one increment); an accepted bid in the last `softCloseMs` moves the close to `softCloseMs` after
 * that bid ("soft close": nobody can snipe at the last second). A rejected bid changes nothing,
 * least of all the close. The same function answers the server and the tests.
 */

/** Highest bid the product takes, in yuan: far above any charity lot, far below overflow. */
export const AUCTION_MAX_AMOUNT = 100_000_000;

export interface LotClock {
  opensAt: number;
  closesAt: number;
  softCloseMs: number;
  startPrice: number;
  increment: number;
  /** the leading bid, or null before the first */
  price: number | null;
}

export type BidRefusal = 'not_open' | 'closed' | 'too_low' | 'too_high';

export type BidVerdict = { ok: true; closesAt: number; extended: boolean } | { ok: false; reason: BidRefusal };

export const nextPrice = (lot: Pick<LotClock, 'price' | 'startPrice' | 'increment'>): number =>
  lot.price === null ? lot.startPrice : lot.price + lot.increment;

export function judgeBid(lot: LotClock, amount: number, now: number): BidVerdict {
  if (now < lot.opensAt) return { ok: false, reason: 'not_open' };
  if (now >= lot.closesAt) return { ok: false, reason: 'closed' };
  if (!Number.isSafeInteger(amount) || amount > AUCTION_MAX_AMOUNT) return { ok: false, reason: 'too_high' };
  if (amount < nextPrice(lot)) return { ok: false, reason: 'too_low' };
  const soft = now + lot.softCloseMs;
  return soft > lot.closesAt ? { ok: true, closesAt: soft, extended: true } : { ok: true, closesAt: lot.closesAt, extended: false };
}
