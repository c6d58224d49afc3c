/**
 * Booth interactions through the hall room, against the real server (issue #10): with one seat
 * per instance, visitors in different instances see the same hall-wide count at a booth within a
 * second and each other's reactions; a reaction from afar is dropped. A signed-in staff member on
 * duty is marked at their booth in the roster, and only the booth id is there (the room state
 * holds display names, never accounts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './apiHarness';
import { joinHall, type TestVisitor } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';
import { getLayout } from '../../shared/halls';
import { SLOT_RADIUS } from '../../shared/layout';
import { liveRooms } from '../../server/rooms/HallRoom';
import type { ServerPayload } from '../../shared/messages';

let h: Harness;
const visitors: TestVisitor[] = [];
beforeAll(async () => {
  h = await startHarness({ HALL_CAPACITY: '1' });
}, 60_000);
afterAll(async () => {
  for (const v of visitors) if (v.room.connection.isOpen) await v.room.leave().catch(() => {});
  await h?.stop();
});

const slot = getLayout('gulangyu').boothSlots[0];
async function join(name: string, headers?: Record<string, string>) {
  const v = await joinHall(h.server.wsUrl, { name }, headers);
  visitors.push(v);
  return v;
}
function placeAtBooth(v: TestVisitor, turn = 0) {
  const room = [...liveRooms].find((r) => r.roomId === v.room.roomId)!;
  // just outside the booth's footprint, on walkable ground: try around it
  const d = SLOT_RADIUS[slot.size] + 1;
  for (let i = 0; i < 16; i++) {
    const a = ((i + turn) / 16) * Math.PI * 2;
    if (room.place(v.id, slot.x + Math.cos(a) * d, slot.z + Math.sin(a) * d)) return;
  }
  throw new Error('no walkable spot at the booth');
}

describe('booth interactions across instances', () => {
  it('counts the booth hall-wide and shares reactions between instances', async () => {
    const one = await join('一号');
    const two = await join('二号');
    expect(one.room.roomId).not.toBe(two.room.roomId); // one seat per instance
    // the hall-wide count is in each instance's state
    const at = (v: TestVisitor) => v.room.state.booths.get(slot.id) ?? 0;
    const reactions: ServerPayload<'reaction'>[] = [];
    two.room.onMessage('reaction', (m: ServerPayload<'reaction'>) => reactions.push(m));
    one.room.onMessage('reaction', () => {});

    // from afar, a reaction is dropped
    one.room.send('react', { slotId: slot.id, kind: 'like' });
    // messages are handled in order: once this chat line is back, the reaction was handled
    one.room.send('chat', { text: '到了吗' });
    await waitFor(() => one.inbox.chats.find((c) => c.text === '到了吗') ?? null, 3000, 'the chat echo');
    placeAtBooth(one);
    placeAtBooth(two, 1);
    const t0 = Date.now();
    await waitFor(
      () => (at(two) === 2 && at(one) === 2 ? true : new Error(`${at(one)} / ${at(two)}`)),
      3000,
      'both visitors counted at the booth, in both instances',
    );
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(reactions).toEqual([]);

    one.room.send('react', { slotId: slot.id, kind: 'question' });
    await waitFor(() => reactions.find((r) => r.kind === 'question') ?? null, 3000, 'the reaction in the other instance');
    expect(reactions.every((r) => r.slotId === slot.id)).toBe(true);
    expect(reactions.filter((r) => r.kind === 'like')).toHaveLength(0);

    await one.room.leave();
    await waitFor(() => (at(two) === 1 ? true : new Error(String(at(two)))), 6000, 'the count after one left');
  });

  it('marks a signed-in staff member on duty at their booth, and nobody else', async () => {
    expect((await h.call('exhibitorA', 'setDuty', { params: { boothId: h.a.boothId }, body: { onDuty: true } })).status).toBe(200);
    const staff = await join('展商小王', { cookie: h.cookies.exhibitorA });
    const member = await join('访客小林', { cookie: h.cookies.member });
    const guest = await join('游客');
    // each sees their own roster entry (one seat per instance)
    expect(staff.room.state.visitors.get(staff.id)?.staff).toBe(h.a.boothId);
    expect(staff.room.state.visitors.get(staff.id)?.name).toBe('展商小王');
    expect(member.room.state.visitors.get(member.id)?.staff).toBe('');
    expect(guest.room.state.visitors.get(guest.id)?.staff).toBe('');
    // staff present at their booth: a visitor in another instance sees it, a late joiner too; a
    // visitor cannot present (struck), nor staff at another booth (ignored)
    const seen: ServerPayload<'presenting'>[] = [];
    member.room.onMessage('presenting', (m: ServerPayload<'presenting'>) => seen.push(m));
    guest.room.send('present', { slotId: slot.id, item: { kind: 'brochure', page: 9 } });
    staff.room.send('present', { slotId: getLayout('gulangyu').boothSlots[1].id, item: { kind: 'brochure', page: 8 } });
    staff.room.send('present', { slotId: slot.id, item: { kind: 'brochure', page: 2 } });
    await waitFor(() => seen.find((m) => m.item?.kind === 'brochure') ?? null, 3000, 'the presentation in another instance');
    expect(seen.map((m) => [m.slotId, m.item, m.by])).toEqual([[slot.id, { kind: 'brochure', page: 2 }, '展商小王']]);
    await waitFor(() => (guest.inbox.notices.length ? true : null), 3000, "the guest's strike notice");
    const late: ServerPayload<'presenting'>[] = [];
    const lateJoiner = new (await import('colyseus.js')).Client(h.server.wsUrl);
    const { joinOptions } = await import('../fixtures/visitor');
    const lateRoom = await lateJoiner.joinOrCreate('hall', joinOptions({ name: '后来的' }));
    lateRoom.onMessage('presenting', (m: ServerPayload<'presenting'>) => late.push(m));
    lateRoom.onMessage('*', () => {});
    await waitFor(() => late[0] ?? null, 3000, 'the presentation sent to a late joiner');
    expect(late[0]).toMatchObject({ slotId: slot.id, item: { kind: 'brochure', page: 2 } });
    // the presenter leaves: it ends everywhere
    await staff.room.leave();
    await waitFor(() => (seen.at(-1)?.item === null ? true : null), 3000, 'the end of the presentation');
    await lateRoom.leave();

    // off duty: not marked
    await h.call('exhibitorA', 'setDuty', { params: { boothId: h.a.boothId }, body: { onDuty: false } });
    const offDuty = await join('下班的小王', { cookie: h.cookies.exhibitorA });
    expect(offDuty.room.state.visitors.get(offDuty.id)?.staff).toBe('');
    // the server knows whose connection it is; the state does not carry it
    const room = [...liveRooms].find((r) => r.roomId === member.room.roomId)!;
    const session = (room as unknown as { clients: { sessionId: string; userData?: { userId: string | null } }[] }).clients.find(
      (c) => c.sessionId === member.id,
    );
    expect(session?.userData?.userId).toEqual(expect.any(String));
    expect(JSON.stringify(member.room.state.toJSON())).not.toContain(session!.userData!.userId!);
  });

  it('re-marks staff in the hall live when they go on or off duty in the console', async () => {
    await h.call('exhibitorA', 'setDuty', { params: { boothId: h.a.boothId }, body: { onDuty: false } });
    const staff = await join('在场的小王', { cookie: h.cookies.exhibitorA });
    const mark = () => staff.room.state.visitors.get(staff.id)?.staff;
    expect(mark()).toBe('');
    // off duty, presenting is not theirs: struck like any visitor
    staff.room.send('present', { slotId: slot.id, item: { kind: 'brochure', page: 3 } });
    await waitFor(() => (staff.inbox.notices.length ? true : null), 3000, 'the strike for presenting off duty');
    const struck = staff.inbox.notices.length;

    expect((await h.call('exhibitorA', 'setDuty', { params: { boothId: h.a.boothId }, body: { onDuty: true } })).status).toBe(200);
    await waitFor(() => (mark() === h.a.boothId ? true : new Error(String(mark()))), 3000, 'marked at the booth without rejoining');
    staff.room.send('present', { slotId: slot.id, item: { kind: 'brochure', page: 4 } });
    staff.room.send('chat', { text: '现在在岗' });
    await waitFor(() => staff.inbox.chats.find((c) => c.text === '现在在岗') ?? null, 3000, 'the chat echo');
    expect(staff.inbox.notices.length).toBe(struck);

    await h.call('exhibitorA', 'setDuty', { params: { boothId: h.a.boothId }, body: { onDuty: false } });
    await waitFor(() => (mark() === '' ? true : new Error(String(mark()))), 3000, 'unmarked when off duty');
    await staff.room.leave();
  });
});
