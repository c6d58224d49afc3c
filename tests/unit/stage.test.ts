/**
 * The stage keeper (server/rooms/stage.ts): which session is on or next, the boundaries it wakes
 * at, and that it follows the agenda's changes, on fake time with an in-memory AgendaSource.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { AgendaSource } from '../../server/agenda/source';
import { Stage } from '../../shared/schema/Stage';
import { applyStageSession, nextStageBoundary, pickStageSession, STAGE_RETRY_MS, StageKeeper } from '../../server/rooms/stage';
import { clockReply } from '../../server/rooms/handlers/clock';

const MIN = 60_000;
function session(id: string, startsAt: number, endsAt: number, extra: Partial<AgendaSessionView> = {}): AgendaSessionView {
  return {
    id,
    hallId: 'gulangyu',
    kind: 'premiere',
    title: { zh: `场次${id}`, en: `Session ${id}` },
    description: { zh: '', en: '' },
    speakers: [],
    tags: [],
    startsAt,
    endsAt,
    videoUrl: '/media/demo.mp4',
    captionsUrl: null,
    liveUrl: null,
    updatedAt: 1,
    ...extra,
  };
}

/** An agenda in memory that filters like the real one (not ended by `now`) and counts its reads. */
function memoryAgenda(list: AgendaSessionView[]) {
  const listeners = new Set<() => void>();
  const src = {
    list,
    reads: 0,
    fail: false,
    async upcoming(hallId: string, now: number) {
      src.reads++;
      if (src.fail) throw new Error('database away');
      return src.list.filter((s) => s.hallId === hallId && s.endsAt > now).sort((a, b) => a.startsAt - b.startsAt);
    },
    onChange(_hallId: string, l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    change() {
      for (const l of listeners) l();
    },
    listeners,
  };
  return src satisfies AgendaSource;
}

describe('which session is on the stage', () => {
  const a = session('a', 10 * MIN, 20 * MIN);
  const b = session('b', 30 * MIN, 40 * MIN);
  it('shows the next one before anything starts, the one on while it runs, then the next', () => {
    expect(pickStageSession([a, b], 0)?.id).toBe('a');
    expect(pickStageSession([a, b], 10 * MIN)?.id).toBe('a'); // the start is inclusive
    expect(pickStageSession([a, b], 20 * MIN)?.id).toBe('b'); // the end is not
    expect(pickStageSession([b, a], 25 * MIN)?.id).toBe('b'); // order of the list does not matter
    expect(pickStageSession([a, b], 40 * MIN)).toBeNull();
    expect(pickStageSession([], 0)).toBeNull();
  });
  it('gives the screen to the session that started last when two overlap', () => {
    const long = session('long', 0, 60 * MIN);
    const inner = session('inner', 10 * MIN, 15 * MIN);
    expect(pickStageSession([long, inner], 12 * MIN)?.id).toBe('inner');
    expect(pickStageSession([long, inner], 16 * MIN)?.id).toBe('long');
  });
  it('wakes at the first start or end still ahead', () => {
    expect(nextStageBoundary([a, b], 0)).toBe(10 * MIN);
    expect(nextStageBoundary([a, b], 10 * MIN)).toBe(20 * MIN);
    expect(nextStageBoundary([a, b], 20 * MIN)).toBe(30 * MIN);
    expect(nextStageBoundary([a, b], 40 * MIN)).toBeNull();
  });
  it('copies a session into the schema and touches nothing when it is unchanged', () => {
    const stage = new Stage();
    expect(applyStageSession(stage, a)).toBe(true);
    expect([stage.sessionId, stage.kind, stage.titleZh, stage.titleEn, stage.startsAt, stage.videoUrl, stage.captionsUrl]).toEqual([
      'a',
      'premiere',
      '场次a',
      'Session a',
      10 * MIN,
      '/media/demo.mp4',
      '',
    ]);
    expect(applyStageSession(stage, a)).toBe(false);
    expect(applyStageSession(stage, null)).toBe(true);
    expect(stage.sessionId).toBe('');
  });
});

describe('StageKeeper', () => {
  function keeper(list: AgendaSessionView[], t0 = 0) {
    vi.useFakeTimers({ now: t0 });
    const src = memoryAgenda(list);
    const stage = new Stage();
    const log = { warn: vi.fn() };
    const k = new StageKeeper({ source: src, hallId: 'gulangyu', stage, log });
    return { src, stage, k, log };
  }

  it('follows start and end boundaries with one timer, not a polling loop', async () => {
    const { src, stage, k } = keeper([session('a', 10 * MIN, 20 * MIN), session('b', 30 * MIN, 40 * MIN)]);
    await k.open();
    expect(stage.sessionId).toBe('a');
    expect(src.reads).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * MIN + 10); // a starts: read once more, same session
    expect(src.reads).toBe(2);
    expect(stage.sessionId).toBe('a');
    await vi.advanceTimersByTimeAsync(10 * MIN); // a ends: b is next
    expect(stage.sessionId).toBe('b');
    expect(src.reads).toBe(3);
    await vi.advanceTimersByTimeAsync(20 * MIN); // b starts and ends: nothing left
    expect(stage.sessionId).toBe('');
    expect(src.reads).toBe(5);
    expect(vi.getTimerCount()).toBe(0);
    k.close();
    vi.useRealTimers();
  });

  it('leaves a group tour session off the stage (the tour walks the hall)', async () => {
    const { stage, k } = keeper([session('walk', 0, 20 * MIN, { kind: 'tour' }), session('talk', 30 * MIN, 40 * MIN)]);
    await k.open();
    expect(stage.sessionId).toBe('talk');
    k.close();
    vi.useRealTimers();
  });

  it('re-reads when the agenda changes, and folds changes during a read into one more read', async () => {
    const { src, stage, k } = keeper([session('a', 10 * MIN, 20 * MIN)]);
    await k.open();
    src.list.push(session('early', 5 * MIN, 8 * MIN));
    src.change();
    src.change();
    src.change();
    await vi.advanceTimersByTimeAsync(0);
    expect(stage.sessionId).toBe('early');
    expect(src.reads).toBeLessThanOrEqual(3);
    // an edit of the same session (moved) reaches the state
    src.list[0] = session('a', 10 * MIN, 25 * MIN, { updatedAt: 2 });
    src.list.pop();
    src.change();
    await vi.advanceTimersByTimeAsync(0);
    expect([stage.sessionId, stage.endsAt, stage.updatedAt]).toEqual(['a', 25 * MIN, 2]);
    k.close();
    expect(src.listeners.size).toBe(0);
    src.change();
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('keeps what it shows when a read fails, and tries again later', async () => {
    const { src, stage, k, log } = keeper([session('a', 10 * MIN, 20 * MIN)]);
    await k.open();
    src.fail = true;
    src.change();
    await vi.advanceTimersByTimeAsync(0);
    expect(stage.sessionId).toBe('a');
    expect(log.warn).toHaveBeenCalledTimes(1);
    src.fail = false;
    src.list[0] = session('a2', 10 * MIN, 20 * MIN);
    await vi.advanceTimersByTimeAsync(STAGE_RETRY_MS + 10);
    expect(stage.sessionId).toBe('a2');
    k.close();
    vi.useRealTimers();
  });
});

describe('the clock message', () => {
  it('echoes the client time with the server time', () => {
    expect(clockReply({ t0: 123.5 }, 1_700_000_000_000)).toEqual({ t0: 123.5, server: 1_700_000_000_000 });
  });
});
