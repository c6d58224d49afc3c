/**
 * Meetings against the real server and database (issue #10): staff publish slots (validated),
 * 20 visitors book one slot at once over HTTP and exactly one wins, both sides hear of every change
 * live, the .ics keeps its UID while SEQUENCE counts changes, and deleting the account cancels the
 * meeting and tells the exhibitor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISITOR_PASSWORD, registerVisitor, startHarness, type Harness } from './apiHarness';
import { waitFor } from '../fixtures/wait';
import { listenSse } from '../fixtures/sse';

let h: Harness;
beforeAll(async () => {
  // 20 accounts register from one address in this file: give the sign-up throttle room
  h = await startHarness({ LOGIN_IP_BURST: '100' });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const listen = (path: string, cookie: string) => listenSse(`${h.server.httpUrl}${path}`, cookie);
let hour = 100;
const start = () => Date.now() + ++hour * 3600_000;

const register = (name: string) => registerVisitor(h, name);
const send = (method: string, path: string, cookie: string, body?: unknown) =>
  fetch(`${h.server.httpUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
async function addSlot(body: Record<string, unknown> = {}) {
  const r = await h.call('exhibitorA', 'addMeetingSlot', {
    params: { boothId: h.a.boothId },
    body: { startsAt: start(), minutes: 30, mode: 'booth', ...body },
  });
  expect(r.status, r.text).toBe(201);
  return r.json as { id: string; startsAt: number; endsAt: number };
}
/** The lines of one VEVENT property, unfolded. */
const prop = (ics: string, name: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((l) => l.slice(l.indexOf(':') + 1));

describe('meeting slots', () => {
  it('publishes valid slots only', async () => {
    const bad = async (body: Record<string, unknown>, status = 400) => {
      const r = await h.call('exhibitorA', 'addMeetingSlot', {
        params: { boothId: h.a.boothId },
        body: { startsAt: start(), minutes: 30, mode: 'booth', ...body },
      });
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.json.message).toEqual(expect.any(String));
    };
    await bad({ minutes: 10 });
    await bad({ minutes: 61 });
    await bad({ startsAt: Date.now() - 1000 });
    await bad({ startsAt: Date.now() + 400 * 24 * 3600_000 });
    await bad({ mode: 'video' }); // no link
    await bad({ mode: 'video', videoUrl: 'javascript:alert(1)' });
    await bad({ mode: 'video', videoUrl: 'http://meet.example/x' }); // https only
    await bad({ mode: 'booth', videoUrl: 'https://meet.example/x' });
    const staffOfB = (await h.call('exhibitorB', 'boothMeetings', { params: { boothId: h.b.boothId } })).json.staff[0].id;
    await bad({ staffId: staffOfB }); // not this booth's staff
    const s = await addSlot({ mode: 'video', videoUrl: 'https://meet.alpha.example/room-1' });
    await bad({ startsAt: s.startsAt + 10 * 60_000 }, 409); // the same host twice at once

    // visitors see free, future slots without the video link
    const open = (await h.call('visitor', 'meetingSlots', { params: { boothId: h.a.boothId } })).json.slots;
    expect(open.find((x: { id: string }) => x.id === s.id)).toEqual({
      id: s.id,
      boothId: h.a.boothId,
      startsAt: s.startsAt,
      endsAt: s.startsAt + 30 * 60_000,
      mode: 'video',
      staffName: 'A',
      free: true,
    });
    // another exhibitor cannot take it back
    expect((await h.call('exhibitorB', 'withdrawMeetingSlot', { params: { boothId: h.a.boothId, slotId: s.id } })).status).toBe(403);
    expect((await h.call('exhibitorB', 'withdrawMeetingSlot', { params: { boothId: h.b.boothId, slotId: s.id } })).status).toBe(404);
  });
});

describe('booking', () => {
  it('lets exactly one of 20 concurrent visitors book a slot', async () => {
    const s = await addSlot();
    const visitors = await Promise.all(Array.from({ length: 20 }, (_, i) => register(`抢约${i}`)));
    const answers = await Promise.all(visitors.map((c) => send('POST', '/api/me/meetings', c, { slotId: s.id })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(19);
    const booked = (await h.call('exhibitorA', 'boothMeetings', { params: { boothId: h.a.boothId } })).json.meetings.filter(
      (m: { slotId: string; status: string }) => m.slotId === s.id && m.status === 'booked',
    );
    expect(booked).toHaveLength(1);
    expect((await h.call('visitor', 'meetingSlots', { params: { boothId: h.a.boothId } })).json.slots.map((x: { id: string }) => x.id)).not.toContain(s.id);
  });

  it('tells both sides live; the .ics keeps its UID and counts SEQUENCE through reschedule and cancel', async () => {
    const visitor = await register('约见的人');
    const [s1, s2] = [await addSlot({ mode: 'video', videoUrl: 'https://meet.alpha.example/r2' }), await addSlot()];
    const booth = listen(`/api/booths/${h.a.boothId}/conversations/events`, h.cookies.exhibitorA);
    const mine = listen('/api/me/events', visitor);
    expect(await booth.ready).toBe(200);
    expect(await mine.ready).toBe(200);
    await waitFor(() => h.server.app.expo.meetingEvents.listeners() >= 2 || null, 5000, 'both streams to subscribe');

    const booked = await send('POST', '/api/me/meetings', visitor, { slotId: s1.id });
    expect(booked.status).toBe(201);
    const m = await booked.json();
    expect(m).toMatchObject({
      status: 'booked',
      sequence: 0,
      visitorName: '约见的人',
      staffName: 'A',
      mode: 'video',
      videoUrl: 'https://meet.alpha.example/r2',
    });
    await waitFor(() => booth.text().includes(`"id":"${m.id}"`) || null, 5000, 'the booking in the booth stream');
    // a double click is the same booking
    expect((await (await send('POST', '/api/me/meetings', visitor, { slotId: s1.id })).json()).id).toBe(m.id);

    const ics0 = await send('GET', `/api/me/meetings/${m.id}/calendar.ics`, visitor);
    expect(ics0.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics0.headers.get('content-disposition')).toMatch(/attachment; filename=".*\.ics"/);
    const t0 = await ics0.text();
    expect(prop(t0, 'UID')).toEqual([`${m.id}@ludao`]);
    expect(prop(t0, 'SEQUENCE')).toEqual(['0']);
    expect(prop(t0, 'METHOD')).toEqual(['REQUEST']);
    expect(prop(t0, 'DTSTART')[0]).toBe(
      new Date(s1.startsAt)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, ''),
    );
    expect(prop(t0, 'LOCATION')).toEqual(['https://meet.alpha.example/r2']);

    // the exhibitor moves it: the visitor hears, the file is the same event one revision on
    const moved = await h.call('exhibitorA', 'staffRescheduleMeeting', { params: { boothId: h.a.boothId, meetingId: m.id }, body: { slotId: s2.id } });
    expect(moved.json).toMatchObject({ id: m.id, slotId: s2.id, sequence: 1, startsAt: s2.startsAt });
    await waitFor(() => mine.text().includes(`"sequence":1`) || null, 5000, 'the reschedule in the visitor stream');
    const t1 = await (await h.raw('GET', `/api/booths/${h.a.boothId}/meetings/${m.id}/calendar.ics`, { role: 'exhibitorA' })).text;
    expect([prop(t1, 'UID')[0], prop(t1, 'SEQUENCE')[0]]).toEqual([`${m.id}@ludao`, '1']);

    // the visitor cancels: the booth hears, the file says CANCEL one revision on
    const cancelled = await send('POST', `/api/me/meetings/${m.id}/cancel`, visitor);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancelledBy: 'visitor', sequence: 2 });
    await waitFor(() => booth.text().includes('"cancelledBy":"visitor"') || null, 5000, 'the cancellation in the booth stream');
    const t2 = await (await send('GET', `/api/me/meetings/${m.id}/calendar.ics`, visitor)).text();
    expect([prop(t2, 'UID')[0], prop(t2, 'SEQUENCE')[0], prop(t2, 'METHOD')[0], prop(t2, 'STATUS')[0]]).toEqual([`${m.id}@ludao`, '2', 'CANCEL', 'CANCELLED']);
    booth.close();
    mine.close();

    // nobody else's: another visitor and another booth's staff get not found
    const other = await register('别人');
    expect((await send('GET', `/api/me/meetings/${m.id}/calendar.ics`, other)).status).toBe(404);
    expect((await send('POST', `/api/me/meetings/${m.id}/cancel`, other)).status).toBe(404);
    expect((await h.call('exhibitorB', 'staffCancelMeeting', { params: { boothId: h.b.boothId, meetingId: m.id } })).status).toBe(404);
    expect((await h.call('exhibitorB', 'boothMeetingIcs', { params: { boothId: h.b.boothId, meetingId: m.id } })).status).toBe(404);
  });

  it('withdrawing a slot cancels its booking and tells the visitor', async () => {
    const visitor = await register('被取消的人');
    const s = await addSlot();
    const mine = listen('/api/me/events', visitor);
    expect(await mine.ready).toBe(200);
    const m = await (await send('POST', '/api/me/meetings', visitor, { slotId: s.id })).json();
    expect((await h.call('exhibitorA', 'withdrawMeetingSlot', { params: { boothId: h.a.boothId, slotId: s.id } })).status).toBe(200);
    await waitFor(() => mine.text().includes('"cancelledBy":"slot_withdrawn"') || null, 5000, 'the cancellation in the visitor stream');
    const list = await (await send('GET', '/api/me/meetings', visitor)).json();
    expect(list.meetings.find((x: { id: string }) => x.id === m.id)).toMatchObject({ status: 'cancelled', sequence: 1 });
    mine.close();
  });

  it('deleting the account cancels its meetings, erases the name and tells the exhibitor', async () => {
    const visitor = await register('要走的人');
    const s = await addSlot();
    const m = await (await send('POST', '/api/me/meetings', visitor, { slotId: s.id })).json();
    const data = await (await send('GET', '/api/me/data', visitor)).json();
    expect(data.meetings.map((x: { id: string }) => x.id)).toContain(m.id);
    const booth = listen(`/api/booths/${h.a.boothId}/conversations/events`, h.cookies.exhibitorA);
    expect(await booth.ready).toBe(200);
    await waitFor(() => h.server.app.expo.meetingEvents.listeners() >= 1 || null, 5000, 'the booth stream to subscribe');
    expect((await send('POST', '/api/me/delete', visitor, { password: VISITOR_PASSWORD })).status).toBe(200);
    await waitFor(() => booth.text().includes('"cancelledBy":"account_deleted"') || null, 5000, 'the cancellation in the booth stream');
    const kept = (await h.call('exhibitorA', 'boothMeetings', { params: { boothId: h.a.boothId } })).json.meetings.find((x: { id: string }) => x.id === m.id);
    expect(kept).toMatchObject({ status: 'cancelled', cancelledBy: 'account_deleted', visitorName: '' });
    expect((await h.call('visitor', 'meetingSlots', { params: { boothId: h.a.boothId } })).json.slots.map((x: { id: string }) => x.id)).toContain(s.id);
    booth.close();
  });
});
