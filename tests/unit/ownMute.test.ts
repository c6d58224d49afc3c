/**
 * One's own mute in the hall (client/src/ui/moderation/moderationStore.ts): the server says when a
 * mute starts and when it is lifted, but nothing when a timed one runs out; the page ends it itself
 * at its end on the server's clock, so the chat box opens again (ui/Chat.tsx).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useModeration } from '../../client/src/ui/moderation/moderationStore';

const state = () => useModeration.getState();

describe('own mute', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    state().reset();
  });
  afterEach(() => {
    state().reset();
    vi.useRealTimers();
  });

  it('ends a timed mute at its end, not before', async () => {
    state().apply({ kind: 'muted', until: Date.now() + 10 * 60_000 });
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1000);
    expect(state().mutedUntil).not.toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(state().mutedUntil).toBeUndefined();
  });

  it('waits out a 30-day mute (longer than one timer) and keeps one until lifted', async () => {
    state().apply({ kind: 'muted', until: Date.now() + 30 * 24 * 3600_000 });
    await vi.advanceTimersByTimeAsync(29 * 24 * 3600_000);
    expect(state().mutedUntil).not.toBeUndefined();
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(state().mutedUntil).toBeUndefined();

    state().apply({ kind: 'muted', until: null });
    await vi.advanceTimersByTimeAsync(60 * 24 * 3600_000);
    expect(state().mutedUntil).toBeNull();
    state().apply({ kind: 'unmuted' });
    expect(state().mutedUntil).toBeUndefined();
  });

  it('follows the newest word: a longer mute replaces a shorter one, a lift cancels the end', async () => {
    const t0 = Date.now();
    state().apply({ kind: 'muted', until: t0 + 60_000 });
    state().apply({ kind: 'muted', until: t0 + 3600_000 });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(state().mutedUntil).toBe(t0 + 3600_000);
    state().apply({ kind: 'unmuted' });
    state().apply({ kind: 'muted', until: null });
    await vi.advanceTimersByTimeAsync(3600_000);
    expect(state().mutedUntil).toBeNull();
  });
});
