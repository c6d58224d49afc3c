/**
 * The stage through the real server (issue #11): with one seat per instance, two visitors in two
 * instances of a hall see the same session in HallState.stage; when the agenda changes (a new
 * session before it, an edit, a removal) both states follow; at the session's end the stage moves
 * on by itself. The clock message answers its sender only, with the server's time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../fixtures/server';
import { joinHall, leaveAll, type TestVisitor } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { AgendaSource } from '../../server/agenda/source';
import type { ServerPayload } from '../../shared/messages';

const sessions: AgendaSessionView[] = [];
const listeners = new Set<() => void>();
const agenda: AgendaSource = {
  async upcoming(hallId, now) {
    return sessions.filter((s) => s.hallId === hallId && s.endsAt > now).sort((a, b) => a.startsAt - b.startsAt);
  },
  onChange(_hallId, l) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
const changed = () => listeners.forEach((l) => l());

function session(id: string, startsAt: number, endsAt: number, title = id): AgendaSessionView {
  return {
    id,
    hallId: 'gulangyu',
    kind: 'premiere',
    title: { zh: `首映${title}`, en: `Premiere ${title}` },
    description: { zh: '', en: '' },
    speakers: [],
    tags: [],
    startsAt,
    endsAt,
    videoUrl: '/media/demo-premiere.mp4',
    captionsUrl: '/media/demo-premiere.vtt',
    liveUrl: null,
    updatedAt: 1,
  };
}

let server: TestServer;
const visitors: TestVisitor[] = [];
beforeAll(async () => {
  server = await startServer({ HALL_CAPACITY: '1' }, { app: { agenda } });
});
afterAll(async () => {
  await leaveAll(...visitors);
  await server?.stop();
});

const stageOf = (v: TestVisitor) => ({ id: v.room.state.stage?.sessionId, title: v.room.state.stage?.titleZh, startsAt: v.room.state.stage?.startsAt });

describe('the stage in every instance', () => {
  it('shows the same session in two instances and follows the agenda', async () => {
    const now = Date.now();
    sessions.push(session('later', now + 3600_000, now + 7200_000));
    const one = await joinHall(server.wsUrl, { name: '一号' });
    const two = await joinHall(server.wsUrl, { name: '二号' });
    visitors.push(one, two);
    expect(one.room.roomId).not.toBe(two.room.roomId);
    for (const v of [one, two]) {
      await waitFor(() => (stageOf(v).id === 'later' ? true : null), 3000, `${v.room.roomId}: the next session`);
    }
    expect(stageOf(one)).toEqual(stageOf(two));
    expect(stageOf(one).startsAt).toBe(now + 3600_000); // ms since epoch survive the wire (float64)

    // a premiere scheduled a moment from now takes the stage in both instances
    sessions.push(session('soon', now + 1500, now + 2500));
    changed();
    for (const v of [one, two]) await waitFor(() => (stageOf(v).id === 'soon' ? true : null), 3000, 'the new premiere');
    // an edit (a new title) reaches both
    sessions[1] = { ...sessions[1], title: { zh: '首映改名', en: 'Renamed' }, updatedAt: 2 };
    changed();
    for (const v of [one, two]) await waitFor(() => (stageOf(v).title === '首映改名' ? true : null), 3000, 'the edit');
    expect(two.room.state.stage.updatedAt).toBe(2);
    // it ends by itself (a timer at the boundary, no change signal): the later session is back
    for (const v of [one, two]) await waitFor(() => (stageOf(v).id === 'later' ? true : null), 5000, 'after the end');
    expect(Date.now()).toBeGreaterThanOrEqual(now + 2500);
    // removed: the stage is empty
    sessions.length = 0;
    changed();
    for (const v of [one, two]) await waitFor(() => (stageOf(v).id === '' ? true : null), 3000, 'an empty stage');
  });

  it('answers a clock sample to its sender only, with the server time', async () => {
    const [one, two] = visitors;
    const toOne: ServerPayload<'clock'>[] = [];
    const toTwo: ServerPayload<'clock'>[] = [];
    one.room.onMessage('clock', (m: ServerPayload<'clock'>) => toOne.push(m));
    two.room.onMessage('clock', (m: ServerPayload<'clock'>) => toTwo.push(m));
    const t0 = Date.now();
    one.room.send('clock', { t0 });
    const answer = await waitFor(() => toOne[0] ?? null, 3000, 'the clock answer');
    const t1 = Date.now();
    expect(answer.t0).toBe(t0);
    // same machine, same clock: the server's time lies within the round trip
    expect(answer.server).toBeGreaterThanOrEqual(t0);
    expect(answer.server).toBeLessThanOrEqual(t1);
    expect(toTwo).toEqual([]);
    // a malformed sample is refused like any bad message
    one.room.send('clock', { t0: 'soon' });
    await waitFor(() => (one.inbox.notices.some((n) => n.code === 'invalid_message') ? true : null), 3000, 'the refusal notice');
  });
});
