/**
 * Group tours through the real server (issue #12, item 4), with real colyseus.js clients and the
 * real agenda: an organizer starts the guide's tour on the spot and two visitors of the instance get
 * the same snapshot; a late joiner gets it too, with the stop the host moved on to and its start on
 * the server's clock; a visitor cannot start or move a tour on (struck), and staff who did not
 * start it cannot either (refused); booth staff lead one themselves and their "gather here" reaches
 * everyone else with the host's own place; an agenda session of kind `tour` starts the guide's
 * looping tour in the instance and its removal ends it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { NoticeCode, ROOM_HALL } from '../../shared/protocol';
import { HallState } from '../../shared/schema/HallState';
import { getLayout } from '../../shared/halls';
import type { TourMessage, TourSnapshot } from '../../shared/api/tour';
import { homeSpot, legSeconds, planLeg } from '../../shared/tourTimeline';
import { joinOptions, leaveAll, positionOf, record, sendMove, type TestVisitor } from '../fixtures/visitor';
import { sleep, waitFor } from '../fixtures/wait';
import { startHarness, type Harness } from './apiHarness';
import { sessionBody } from './agendaCases';

let h: Harness;
const layout = getLayout('gulangyu');
const open: TestVisitor[] = [];

interface TourVisitor extends TestVisitor {
  tours: TourMessage[];
}

beforeAll(async () => {
  h = await startHarness();
  for (const [role, boothId] of [
    ['exhibitorA', h.a.boothId],
    ['exhibitorB', h.b.boothId],
  ] as const) {
    expect((await h.call(role, 'setDuty', { params: { boothId }, body: { onDuty: true } })).status).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  await leaveAll(...open);
  await h?.stop();
});

/** Joins like the browser: the `tour` listener is in place before the join's own messages arrive. */
async function join(name: string, cookie?: string): Promise<TourVisitor> {
  const client = new Client(h.server.wsUrl);
  if (cookie) client.http.headers = { ...client.http.headers, cookie };
  const room = await client.joinOrCreate<HallState>(ROOM_HALL, joinOptions({ name }), HallState);
  const tours: TourMessage[] = [];
  room.onMessage('tour', (m: TourMessage) => tours.push(m));
  const v: TourVisitor = {
    client,
    room,
    inbox: record(room),
    tours,
    get id() {
      return room.sessionId;
    },
  };
  open.push(v);
  await waitFor(() => room.state.visitors?.get(room.sessionId), 5000, 'own visitor in state');
  return v;
}

/** The last tour state a visitor was sent (undefined: none yet). */
const lastState = (v: TourVisitor): TourSnapshot | null | undefined => {
  for (let i = v.tours.length - 1; i >= 0; i--) {
    const m = v.tours[i];
    if (m.kind === 'state') return m.tour;
  }
  return undefined;
};

const waitState = (v: TourVisitor, ok: (t: TourSnapshot | null) => boolean, what: string) =>
  waitFor(
    () => {
      const t = lastState(v);
      return t !== undefined && ok(t) ? { t } : null;
    },
    5000,
    what,
  ).then((r) => r.t);

/** Sends a clock sample after `send` and waits for its answer: everything sent before it has been read. */
async function settled(v: TourVisitor, send: () => void): Promise<void> {
  const t0 = Math.random();
  let got = false;
  v.room.onMessage('clock', (m: { t0: number }) => {
    if (m.t0 === t0) got = true;
  });
  send();
  v.room.send('clock', { t0 });
  await waitFor(() => got, 5000, 'the clock answer');
}

describe('the public tour of an instance', () => {
  it('an organizer starts the guide’s tour: everyone sees the same, a late joiner catches up; visitors cannot lead', async () => {
    const org = await join('主办方', h.cookies.organizer);
    const one = await join('游客甲');
    const two = await join('游客乙');
    expect(new Set([org, one, two].map((v) => v.room.roomId)).size).toBe(1);
    // nothing on yet; only the organizer is told it may lead
    for (const v of [org, one, two]) await waitState(v, (t) => t === null, 'no tour yet');
    expect(org.tours.some((m) => m.kind === 'lead')).toBe(true);
    expect(one.tours.some((m) => m.kind === 'lead')).toBe(false);

    // a visitor trying to start or move one on is struck, and nothing starts
    await settled(one, () => {
      one.room.send('tour', { action: 'start', mode: 'guide' });
      one.room.send('tour', { action: 'next' });
    });
    expect(one.inbox.notices.filter((n) => n.code === NoticeCode.invalidMessage).length).toBeGreaterThan(0);
    expect(lastState(two)).toBeNull();

    const before = Date.now();
    org.room.send('tour', { action: 'start', mode: 'guide' });
    const seen = await Promise.all([org, one, two].map((v) => waitState(v, (t) => t !== null, 'the tour')));
    const t = seen[1]!;
    expect(seen[2]).toEqual(t);
    expect(seen[0]).toEqual(t);
    expect(t).toMatchObject({ mode: 'guide', hostId: org.id, hostName: '主办方', stop: 0, loop: false, session: null });
    const home = homeSpot(layout);
    expect(t.from).toEqual({ x: home.x, z: home.z });
    expect(t.legStartedAt).toBeGreaterThanOrEqual(before);
    expect(t.legStartedAt).toBeLessThanOrEqual(Date.now());

    // a second start while one is on is refused with a reason, not struck
    await settled(org, () => org.room.send('tour', { action: 'start', mode: 'host' }));
    expect(org.tours.at(-1)).toEqual({ kind: 'refused', reason: 'busy' });

    // on to stop 2: the guide sets off from where it stood (stop 1, the pier: home in Gulangyu)
    const movedAt = Date.now();
    org.room.send('tour', { action: 'next' });
    const moved = await waitState(one, (s) => s?.stop === 1, 'stop 2');
    expect(moved).toMatchObject({ id: t.id, stop: 1, from: { x: layout.tourStops[0].x, z: layout.tourStops[0].z } });
    expect(moved!.legStartedAt).toBeGreaterThanOrEqual(movedAt);

    // a late joiner gets the same snapshot on joining: the stop, and when its leg began on the server's clock
    await sleep(300);
    const late = await join('迟到的游客');
    const caught = await waitState(late, (s) => s !== null, 'the late joiner’s tour');
    expect(caught).toEqual(moved);
    expect(Date.now() - caught!.legStartedAt).toBeGreaterThanOrEqual(300);
    // the leg the late joiner draws is the one the server times: same path, same length
    const leg = planLeg(layout, caught!.from, caught!.stop);
    expect(leg.path.at(-1)).toEqual({ x: layout.tourStops[1].x, z: layout.tourStops[1].z });
    expect(legSeconds(leg)).toBeGreaterThan(10);

    // ended by the organizer: everyone is told
    org.room.send('tour', { action: 'end' });
    for (const v of [one, two, late]) await waitState(v, (s) => s === null, 'the end');
    await leaveAll(org, one, two, late);
  });

  it('staff lead a tour themselves; only they (or an organizer) move it on; "gather here" reaches everyone else with the host’s place', async () => {
    const staff = await join('展商甲', h.cookies.exhibitorA);
    const other = await join('展商乙', h.cookies.exhibitorB);
    const guest = await join('跟团游客');
    expect(staff.tours.some((m) => m.kind === 'lead')).toBe(true);
    expect(other.tours.some((m) => m.kind === 'lead')).toBe(true);
    await waitState(guest, (t) => t === null, 'no tour yet');

    staff.room.send('tour', { action: 'start', mode: 'host' });
    const t = await waitState(guest, (s) => s !== null, 'the host’s tour');
    expect(t).toMatchObject({ mode: 'host', hostId: staff.id, hostName: '展商甲', stop: 0 });

    // staff of another booth cannot move someone else's tour on
    await settled(other, () => other.room.send('tour', { action: 'next' }));
    expect(other.tours.at(-1)).toEqual({ kind: 'refused', reason: 'not_host' });
    expect(lastState(guest)?.stop).toBe(0);
    // the host can: the captions follow the stop they pick
    staff.room.send('tour', { action: 'next' });
    await waitState(guest, (s) => s?.stop === 1, 'the host’s next stop');

    // the host walks a few steps (within the server's movement rules), then calls everyone over
    const start = await waitFor(() => positionOf(staff.room, staff.id), 5000, 'the host placed');
    for (let i = 1; i <= 5; i++) {
      sendMove(staff.room, start.x - i * 0.4, start.z);
      await sleep(120);
    }
    const hostAt = await waitFor(
      () => {
        const p = positionOf(staff.room, staff.id);
        return p && start.x - p.x > 1 ? p : null;
      },
      5000,
      'the host moved',
    );
    staff.room.send('tour', { action: 'gather' });
    const offers = await Promise.all(
      [guest, other].map((v) => waitFor(() => v.tours.find((m) => m.kind === 'gather') ?? null, 5000, `${v.room.sessionId}: the gather offer`)),
    );
    for (const o of offers) {
      expect(o).toMatchObject({ tourId: t!.id, by: '展商甲' });
      if (o.kind !== 'gather') throw new Error('not a gather');
      expect(Math.hypot(o.x - hostAt.x, o.z - hostAt.z)).toBeLessThan(0.6);
    }
    // not to the host, and not twice in a row
    await settled(staff, () => staff.room.send('tour', { action: 'gather' }));
    expect(staff.tours.filter((m) => m.kind === 'gather')).toEqual([]);
    expect(staff.tours.at(-1)).toEqual({ kind: 'refused', reason: 'too_soon' });

    // the host leaves for good: the tour ends with them
    await staff.room.leave(true);
    await waitState(guest, (s) => s === null, 'the tour ends with its host');
    await leaveAll(other, guest);
  });

  it('an agenda session of kind tour starts the guide’s looping tour; its removal ends it', async () => {
    const guest = await join('议程游客');
    await waitState(guest, (t) => t === null, 'no tour yet');
    const startsAt = Date.now() - 5000;
    const r = await h.call('organizer', 'createAgendaSession', {
      body: sessionBody(startsAt, { kind: 'tour', title: { zh: '导游带队游览', en: 'Guided group tour' }, endsAt: startsAt + 30 * 60_000 }),
    });
    expect(r.status).toBe(201);
    const t = await waitState(guest, (s) => s?.session?.id === r.json.id, 'the agenda tour');
    expect(t).toMatchObject({ mode: 'guide', hostId: '', loop: true, stop: 0, session: { title: { zh: '导游带队游览', en: 'Guided group tour' } } });
    // timed from the session's start, so every instance runs the same tour: leg 1 began when the session did
    expect(Math.abs(t!.legStartedAt - startsAt)).toBeLessThan(50);
    // a late joiner gets it too
    const late = await join('议程迟到者');
    expect(await waitState(late, (s) => s !== null, 'the late joiner’s agenda tour')).toEqual(t);

    expect((await h.call('organizer', 'deleteAgendaSession', { params: { sessionId: r.json.id } })).status).toBeLessThan(300);
    for (const v of [guest, late]) await waitState(v, (s) => s === null, 'the tour ends with its session');
    await leaveAll(guest, late);
  });
});
