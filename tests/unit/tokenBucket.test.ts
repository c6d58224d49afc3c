import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/lib/tokenBucket';

describe('TokenBucket', () => {
  it('allows a burst of `capacity`, then refuses', () => {
    const b = new TokenBucket(3, 1000, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
  });

  it('refills one token per refill interval, fractions included', () => {
    const b = new TokenBucket(2, 1000, 0);
    b.take(0);
    b.take(0);
    expect(b.take(500)).toBe(false);
    expect(b.take(999)).toBe(false);
    expect(b.take(1000)).toBe(true);
    expect(b.take(1000)).toBe(false);
    // Half a token at 1500 plus half at 2000 make one.
    expect(b.take(1500)).toBe(false);
    expect(b.take(2000)).toBe(true);
  });

  it('never holds more than its capacity, however long it rests', () => {
    const b = new TokenBucket(2, 100, 0);
    let n = 0;
    while (b.take(1_000_000)) n++;
    expect(n).toBe(2);
  });

  it('gains nothing when the clock goes backwards', () => {
    const b = new TokenBucket(1, 1000, 10_000);
    expect(b.take(10_000)).toBe(true);
    expect(b.take(0)).toBe(false);
    expect(b.take(10_999)).toBe(false);
    expect(b.take(11_000)).toBe(true);
  });

  it('sustains exactly the refill rate under steady pressure', () => {
    const b = new TokenBucket(5, 40, 0); // 25 per second
    let ok = 0;
    for (let t = 0; t <= 10_000; t += 10) if (b.take(t)) ok++;
    // 5 burst + 250 refilled over 10 s
    expect(ok).toBe(255);
  });
});
