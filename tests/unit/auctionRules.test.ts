/** The auction's rules (issue #12 item 7): open/closed on the server's clock, the next price, the soft close. */
import { describe, expect, it } from 'vitest';
import { AUCTION_MAX_AMOUNT, judgeBid, nextPrice, type LotClock } from '../../shared/auctionRules';

const lot = (o: Partial<LotClock> = {}): LotClock => ({
  opensAt: 1000,
  closesAt: 61_000,
  softCloseMs: 10_000,
  startPrice: 100,
  increment: 10,
  price: null,
  ...o,
});

describe('judgeBid', () => {
  it('takes bids only while the lot is open', () => {
    expect(judgeBid(lot(), 100, 999)).toEqual({ ok: false, reason: 'not_open' });
    expect(judgeBid(lot(), 100, 61_000)).toEqual({ ok: false, reason: 'closed' });
    expect(judgeBid(lot(), 100, 1000)).toMatchObject({ ok: true });
  });

  it('asks the start price first, then one increment over the leading bid', () => {
    expect(nextPrice(lot())).toBe(100);
    expect(judgeBid(lot(), 99, 2000)).toEqual({ ok: false, reason: 'too_low' });
    expect(nextPrice(lot({ price: 150 }))).toBe(160);
    expect(judgeBid(lot({ price: 150 }), 159, 2000)).toEqual({ ok: false, reason: 'too_low' });
    expect(judgeBid(lot({ price: 150 }), 160, 2000)).toMatchObject({ ok: true });
    expect(judgeBid(lot(), AUCTION_MAX_AMOUNT + 1, 2000)).toEqual({ ok: false, reason: 'too_high' });
    expect(judgeBid(lot(), 100.5, 2000)).toEqual({ ok: false, reason: 'too_high' });
  });

  it('an accepted bid in the last softClose moves the close to softClose after it; earlier bids and refusals do not', () => {
    expect(judgeBid(lot(), 100, 50_999)).toEqual({ ok: true, closesAt: 61_000, extended: false });
    expect(judgeBid(lot(), 100, 51_000)).toEqual({ ok: true, closesAt: 61_000, extended: false });
    expect(judgeBid(lot(), 100, 55_000)).toEqual({ ok: true, closesAt: 65_000, extended: true });
    expect(judgeBid(lot({ closesAt: 65_000 }), 100, 64_999)).toEqual({ ok: true, closesAt: 74_999, extended: true });
    // a refused bid in the last seconds changes nothing
    expect(judgeBid(lot({ price: 500 }), 100, 60_000)).toEqual({ ok: false, reason: 'too_low' });
  });
});
