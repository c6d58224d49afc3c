/**
 * Hall-wide booth counts and reactions (server/rooms/boothCrowd.ts) over a real presence: two
 * instances of a hall sum their visitors per booth, a closed instance's counts go stale, a
 * reaction reaches every instance, and only someone standing at the booth can react.
 */
import { describe, expect, it } from 'vitest';
import { LocalPresence } from '@colyseus/core';
import { getLayout } from '../../shared/halls';
import { toCm } from '../../shared/quantize';
import { Visitor } from '../../shared/schema/Visitor';
import { BoothCrowd, countAtBooths } from '../../server/rooms/boothCrowd';
import { isNearSlot } from '../../shared/boothReach';
import { hallHandlers } from '../../server/rooms/handlers';
import { newChatLog } from '../../server/rooms/handlers/chat';
import { newSession } from '../../server/rooms/session';

const layout = getLayout('gulangyu');
const [a, b] = layout.boothSlots;

function visitorAt(x: number, z: number, connected = true): Visitor {
  const v = new Visitor();
  v.x = toCm(x);
  v.z = toCm(z);
  v.connected = connected;
  return v;
}
const flush = () => new Promise((r) => setTimeout(r, 5));

describe('booth crowd', () => {
  it('counts connected visitors standing at each booth', () => {
    const vs = [visitorAt(a.x, a.z), visitorAt(a.x + 0.5, a.z), visitorAt(b.x, b.z), visitorAt(b.x, b.z, false), visitorAt(a.x + 50, a.z + 50)];
    expect(countAtBooths(layout, vs)).toEqual({ [a.id]: 2, [b.id]: 1 });
  });

  it('sums every instance of the hall, drops a silent one, and shares reactions', async () => {
    const presence = new LocalPresence();
    let now = 1000;
    const got: Record<string, Array<{ name: string; payload: unknown }>> = { r1: [], r2: [] };
    const totals: Record<string, Record<string, number>[]> = { r1: [], r2: [] };
    const mk = (room: string, visitors: Visitor[]) =>
      new BoothCrowd({
        presence,
        channel: 'test:booths:gulangyu',
        room,
        layout,
        visitors,
        send: (name, payload) => got[room].push({ name, payload }),
        onTotals: (counts) => totals[room].push(counts),
        onError: (err) => {
          throw err;
        },
        now: () => now,
      });
    const one = mk('r1', [visitorAt(a.x, a.z)]);
    const two = mk('r2', [visitorAt(a.x, a.z), visitorAt(b.x, b.z)]);
    await one.open();
    await two.open();
    one.tick();
    two.tick();
    await flush();
    expect(one.totals()).toEqual({ [a.id]: 2, [b.id]: 1 });
    expect(totals.r2.at(-1)).toEqual({ [a.id]: 2, [b.id]: 1 });
    // nothing new: nothing written again
    const written = totals.r1.length;
    one.tick();
    two.tick();
    await flush();
    expect(totals.r1.length).toBe(written);

    one.react(b.id, 'question');
    await flush();
    expect(got.r2.at(-1)).toEqual({ name: 'reaction', payload: { slotId: b.id, kind: 'question', at: now } });
    expect(got.r1.at(-1)?.name).toBe('reaction');

    // instance two goes quiet (closed, or its process died): its visitors leave the sum
    two.close();
    now += 5000;
    one.tick();
    await flush();
    expect(one.totals()).toEqual({ [a.id]: 1 });
    one.close();
  });

  it('takes a reaction only from someone standing at that booth', () => {
    const reactions: string[] = [];
    const hall = {
      layout,
      chatLog: newChatLog(),
      broadcast: () => {},
      moved: () => {},
      react: (slot: string, kind: string) => reactions.push(`${slot}:${kind}`),
      present: () => {},
    };
    const near = visitorAt(a.x + 1, a.z);
    const far = visitorAt(a.x + 40, a.z + 40);
    expect(isNearSlot(layout, a.id, a.x + 1, a.z)).toBe(true);
    hallHandlers.react({ hall, sessionId: 's', session: newSession(0), visitor: far, now: 0 }, { slotId: a.id, kind: 'like' });
    hallHandlers.react({ hall, sessionId: 's', session: newSession(0), visitor: near, now: 0 }, { slotId: a.id, kind: 'like' });
    hallHandlers.react({ hall, sessionId: 's', session: newSession(0), visitor: near, now: 0 }, { slotId: 'no-such-slot', kind: 'like' });
    expect(reactions).toEqual([`${a.id}:like`]);
  });

  it('shows a presentation in every instance, to late joiners too, and ends it with its presenter or its heartbeat', async () => {
    const presence = new LocalPresence();
    let now = 1000;
    const got: Record<string, Array<{ name: string; payload: unknown }>> = { r1: [], r2: [] };
    const mk = (room: string) =>
      new BoothCrowd({
        presence,
        channel: 'test:booths:present',
        room,
        layout,
        visitors: [],
        send: (name, payload) => got[room].push({ name, payload }),
        onTotals: () => {},
        onError: (err) => {
          throw err;
        },
        now: () => now,
      });
    const one = mk('r1');
    const two = mk('r2');
    await one.open();
    await two.open();
    one.present('staff-session', a.id, { kind: 'brochure', page: 3 }, '小王');
    await flush();
    const shown = { slotId: a.id, item: { kind: 'brochure', page: 3 }, by: '小王', at: 1000 };
    expect(got.r2.filter((m) => m.name === 'presenting')).toEqual([{ name: 'presenting', payload: shown }]);
    // heartbeats repeat it without telling anyone again; a joiner of instance two gets it
    now += 1000;
    one.tick();
    await flush();
    expect(got.r2.filter((m) => m.name === 'presenting')).toHaveLength(1);
    expect(two.presentations()).toEqual([shown]);
    // the presenter leaves: it ends everywhere
    one.stopBy('staff-session');
    await flush();
    expect(got.r2.filter((m) => m.name === 'presenting').at(-1)?.payload).toMatchObject({ slotId: a.id, item: null });
    // a presenter whose instance goes silent (its process died) is dropped after a few seconds
    one.present('s2', a.id, { kind: 'image', id: 'abcdef123456' }, '小李');
    await flush();
    one.close();
    now += 5000;
    two.tick();
    expect(got.r2.filter((m) => m.name === 'presenting').at(-1)?.payload).toMatchObject({ slotId: a.id, item: null });
    expect(two.presentations()).toEqual([]);
    two.close();
  });

  it('lets only staff of that booth present', () => {
    const presented: string[] = [];
    const hall = {
      layout,
      chatLog: newChatLog(),
      broadcast: () => {},
      moved: () => {},
      react: () => {},
      present: (_s: string, slot: string) => presented.push(slot),
    };
    const staff = newSession(0, ['visitor', 'staff']);
    staff.staffSlotId = a.id;
    const v = visitorAt(0, 0);
    hallHandlers.present({ hall, sessionId: 's', session: staff, visitor: v, now: 0 }, { slotId: b.id, item: null });
    hallHandlers.present({ hall, sessionId: 's', session: newSession(0, ['visitor', 'staff']), visitor: v, now: 0 }, { slotId: a.id, item: null });
    hallHandlers.present({ hall, sessionId: 's', session: staff, visitor: v, now: 0 }, { slotId: a.id, item: { kind: 'brochure', page: 1 } });
    expect(presented).toEqual([a.id]);
  });
});
