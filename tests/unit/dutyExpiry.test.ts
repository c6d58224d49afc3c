import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dutyExpiry } from '../../server/dutyExpiry';

describe('a lapsed duty publishes a booth event', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once, just after the last renewal’s expiry, and not after going off duty', () => {
    const changed: string[] = [];
    const d = dutyExpiry({ boothChanged: (hall, booth) => changed.push(`${hall}/${booth}`) }, () => Date.now());
    const t0 = Date.now();
    d.renewed('u1', 'gulangyu', 'b1', t0 + 300_000);
    vi.advanceTimersByTime(120_000);
    // renewed: the first timer is gone, the new one runs from now
    d.renewed('u1', 'gulangyu', 'b1', Date.now() + 300_000);
    vi.advanceTimersByTime(299_000);
    expect(changed).toEqual([]);
    vi.advanceTimersByTime(2_000);
    expect(changed).toEqual(['gulangyu/b1']);
    vi.advanceTimersByTime(600_000);
    expect(changed).toEqual(['gulangyu/b1']);

    d.renewed('u2', 'shapowei', 'b2', Date.now() + 300_000);
    d.renewed('u2', 'shapowei', 'b2', null);
    vi.advanceTimersByTime(600_000);
    expect(changed).toEqual(['gulangyu/b1']);
    d.close();
  });
});
