/** The Q&A queue's reads on stream events (client/src/ui/console/qa/coalescedReader.ts): settled, one at a time, none lost. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalescedReader } from '../../client/src/ui/console/qa/coalescedReader';

/** A read that stays open until `finish()`; counts the reads started. */
function slowRead() {
  const state = { started: 0, finish: () => {} };
  const read = () => {
    state.started++;
    return new Promise<void>((resolve) => (state.finish = resolve));
  };
  return { state, read };
}

describe('coalescedReader', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes one read of a burst of requests, after they settle', async () => {
    const { state, read } = slowRead();
    const r = coalescedReader(read, 400);
    for (let i = 0; i < 50; i++) r.request();
    expect(state.started).toBe(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(state.started).toBe(1);
  });

  it('reads at once when asked, and never two reads at a time; a request during a read gets one more', async () => {
    const { state, read } = slowRead();
    const r = coalescedReader(read, 400);
    r.request(true);
    expect(state.started).toBe(1);
    r.request(true);
    r.request();
    r.request();
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.started).toBe(1);
    state.finish();
    await vi.advanceTimersByTimeAsync(400);
    expect(state.started).toBe(2);
    state.finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.started).toBe(2);
  });

  it('goes on after a failed read, and reads nothing once stopped', async () => {
    let n = 0;
    const r = coalescedReader(() => (n++ === 0 ? Promise.reject(new Error('offline')) : Promise.resolve()), 100);
    r.request(true);
    await vi.advanceTimersByTimeAsync(0);
    r.request(true);
    expect(n).toBe(2);
    r.request();
    r.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(n).toBe(2);
  });
});
