/**
 * "Ask staff" against the real server and database (issue #10): a visitor asks, the booth's inbox
 * stream shows it with an unread count, staff answer, the visitor's stream shows the answer; other
 * exhibitors are refused; hall chat's length and rate rules apply; deleting the account removes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerVisitor, startHarness, type Harness } from './apiHarness';
import { waitFor } from '../fixtures/wait';
import { listenSse } from '../fixtures/sse';
import { CHAT_BURST, CHAT_MAX } from '../../shared/constants';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const listen = (path: string, cookie: string) => listenSse(`${h.server.httpUrl}${path}`, cookie);

const register = (name: string) => registerVisitor(h, name);

const post = (path: string, cookie: string, body?: unknown) =>
  fetch(`${h.server.httpUrl}${path}`, {
    method: 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('ask staff', () => {
  it('reaches the booth inbox live, and the answer reaches the visitor live', async () => {
    const visitor = await register('问问题的人');
    const bus = h.server.app.expo.conversationEvents;
    const inbox = listen(`/api/booths/${h.a.boothId}/conversations/events`, h.cookies.exhibitorA);
    const mine = listen('/api/me/events', visitor);
    expect(await inbox.ready).toBe(200);
    expect(await mine.ready).toBe(200);
    await waitFor(() => bus.listeners() >= 2 || null, 5000, 'both streams to subscribe');

    const asked = await post('/api/me/conversations', visitor, { boothId: h.a.boothId, text: '  请问\n有样品吗？ ' }); // folded and trimmed as in hall chat
    expect(asked.status).toBe(201);
    const conv = await asked.json();
    expect(conv.messages).toEqual([expect.objectContaining({ from: 'visitor', text: '请问 有样品吗？' })]);
    await waitFor(() => inbox.text().includes('有样品吗') || null, 5000, 'the question in the inbox stream');

    const list = await h.call('exhibitorA', 'boothConversations', { params: { boothId: h.a.boothId } });
    const inInbox = list.json.conversations.find((c: { id: string }) => c.id === conv.id);
    expect(inInbox).toMatchObject({ visitorName: '问问题的人', unread: 1 });
    // staff of another booth cannot read or answer it
    expect((await h.call('exhibitorB', 'boothConversations', { params: { boothId: h.a.boothId } })).status).toBe(403);
    expect((await h.call('exhibitorB', 'staffReply', { params: { boothId: h.b.boothId, conversationId: conv.id }, body: { text: 'x' } })).status).toBe(404);

    const reply = await h.call('exhibitorA', 'staffReply', { params: { boothId: h.a.boothId, conversationId: conv.id }, body: { text: '有的，欢迎来展位' } });
    expect(reply.status).toBe(201);
    expect(reply.json.unread).toBe(0); // answering reads it
    await waitFor(() => mine.text().includes('欢迎来展位') || null, 5000, 'the answer in the visitor stream');
    const frames = mine
      .text()
      .split('\n\n')
      .filter((f) => f.includes('欢迎来展位'));
    const seenByVisitor = JSON.parse(/^data: (.*)$/m.exec(frames.at(-1)!)![1]);
    expect(seenByVisitor.unread).toBe(1);
    expect(seenByVisitor.messages.at(-1)).toMatchObject({ from: 'staff', staffName: 'A' });
    inbox.close();
    mine.close();

    // later, in the account
    const again = await fetch(`${h.server.httpUrl}/api/me/conversations`, { headers: { cookie: visitor } }).then((r) => r.json());
    expect(again.conversations[0].messages.map((m: { text: string }) => m.text)).toEqual(['请问 有样品吗？', '有的，欢迎来展位']);
    const read = await post(`/api/me/conversations/${conv.id}/read`, visitor);
    expect((await read.json()).unread).toBe(0);
  });

  it("follows hall chat's rules: length, one line of text, rate; another visitor's conversation is not reachable", async () => {
    const visitor = await register('限速');
    expect((await post('/api/me/conversations', visitor, { boothId: h.a.boothId, text: 'x'.repeat(CHAT_MAX + 1) })).status).toBe(400);
    expect((await post('/api/me/conversations', visitor, { boothId: h.a.boothId, text: '   ' })).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < CHAT_BURST + 2; i++) statuses.push((await post('/api/me/conversations', visitor, { boothId: h.a.boothId, text: `第 ${i} 条` })).status);
    expect(statuses.slice(0, CHAT_BURST)).toEqual(Array(CHAT_BURST).fill(201));
    expect(statuses.at(-1)).toBe(429);

    const other = await register('别人');
    const id = (await fetch(`${h.server.httpUrl}/api/me/conversations`, { headers: { cookie: visitor } }).then((r) => r.json())).conversations[0].id;
    expect((await post(`/api/me/conversations/${id}/messages`, other, { text: '偷看' })).status).toBe(404);
  });

  it('goes with the account when it is deleted', async () => {
    const visitor = await register('将删除');
    const asked = await (await post('/api/me/conversations', visitor, { boothId: h.b.boothId, text: '你好' })).json();
    expect((await post('/api/me/delete', visitor, { password: 'long-enough-pass' })).status).toBe(200);
    const list = await h.call('exhibitorB', 'boothConversations', { params: { boothId: h.b.boothId } });
    expect(list.json.conversations.map((c: { id: string }) => c.id)).not.toContain(asked.id);
  });
});
