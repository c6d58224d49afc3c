/**
 * "Ask staff": private visitor ↔ booth conversations (issue #10). Stored, so they cross hall
 * instances and processes (staff may answer from the console) and stay in the visitor's account;
 * each new message reaches the other side's event stream live. Lengths and text rules are hall
 * chat's (schemas); the rate is hall chat's too, per account.
 */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { CHAT_BURST, CHAT_REFILL_MS } from '../../shared/constants';
import { conversationEvents, type ConversationView } from '../../shared/api/conversations';
import { formatSse } from '../../shared/api/sse';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import type { ConversationRecord } from '../db/repositories/conversations';
import { TokenBucket } from '../lib/tokenBucket';
import { openSse } from './sse';
import { meetingStream } from './meetingRoutes';

/** The view from one side: unread counts the other side's messages after this side's read mark. */
export function conversationView(c: ConversationRecord, side: 'visitor' | 'staff'): ConversationView {
  const readAt = side === 'staff' ? c.row.staff_read_at : c.row.visitor_read_at;
  return {
    id: c.row.id,
    boothId: c.row.booth_id,
    exhibitorName: { zh: c.row.name_zh, en: c.row.name_en },
    visitorName: c.row.visitor_name,
    unread: c.messages.filter((m) => (side === 'staff' ? m.from_staff === 0 : m.from_staff === 1) && m.created_at > readAt).length,
    updatedAt: c.row.updated_at,
    messages: c.messages.map((m) => ({ id: m.id, from: m.from_staff ? 'staff' : 'visitor', staffName: m.staff_name, text: m.text, at: m.created_at })),
  };
}

const sseFrame = (v: ConversationView) => formatSse('conversation' satisfies keyof typeof conversationEvents, v);

export function conversationRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  // hall chat's budget, per account and process (most accounts write from one process at a time)
  const buckets = new Map<string, TokenBucket>();
  const spend = (userId: string) => {
    const now = Date.now();
    let b = buckets.get(userId);
    if (!b) {
      if (buckets.size > 10_000) buckets.clear(); // a bound, not an LRU: a cleared bucket is a full one
      buckets.set(userId, (b = new TokenBucket(CHAT_BURST, CHAT_REFILL_MS, now)));
    }
    if (!b.take(now)) throw new HttpError(429, 'slow_down', 'You are writing too fast; wait a moment');
  };
  const tell = (c: ConversationRecord) => {
    s.conversationEvents.publish({ key: `booth:${c.row.booth_id}`, conversationId: c.row.id, side: 'staff' });
    s.conversationEvents.publish({ key: `visitor:${c.row.visitor_id}`, conversationId: c.row.id, side: 'visitor' });
  };

  bind(router, routes.askStaff, deps, async ({ user, body }) => {
    if (!(await s.repos.booths.get(body.boothId))) throw new HttpError(404, 'not_found', 'No such booth');
    spend(user.id);
    const c = await s.repos.conversations.ask(user.id, body.boothId, body.text);
    tell(c);
    return conversationView(c, 'visitor');
  });

  bind(router, routes.myConversations, deps, async ({ user }) => ({
    conversations: (await s.repos.conversations.forVisitor(user.id)).map((c) => conversationView(c, 'visitor')),
  }));

  bind(router, routes.visitorReply, deps, async ({ user, params, body }) => {
    await s.repos.conversations.ofVisitor(user.id, params.conversationId);
    spend(user.id);
    const c = await s.repos.conversations.post(params.conversationId, { staff: null }, body.text);
    tell(c);
    return conversationView(c, 'visitor');
  });

  bind(router, routes.visitorRead, deps, async ({ user, params }) => {
    await s.repos.conversations.ofVisitor(user.id, params.conversationId);
    await s.repos.conversations.markRead(params.conversationId, 'visitor');
    return conversationView((await s.repos.conversations.get(params.conversationId))!, 'visitor');
  });

  bind(router, routes.boothConversations, deps, async ({ params }) => ({
    conversations: (await s.repos.conversations.forBooth(params.boothId)).map((c) => conversationView(c, 'staff')),
  }));

  bind(router, routes.staffReply, deps, async ({ user, params, body }) => {
    await s.repos.conversations.ofBooth(params.boothId, params.conversationId);
    spend(user.id);
    const c = await s.repos.conversations.post(params.conversationId, { staff: { id: user.id, name: user.displayName } }, body.text);
    tell(c);
    return conversationView(c, 'staff');
  });

  bind(router, routes.staffRead, deps, async ({ params }) => {
    await s.repos.conversations.ofBooth(params.boothId, params.conversationId);
    await s.repos.conversations.markRead(params.conversationId, 'staff');
    return conversationView((await s.repos.conversations.get(params.conversationId))!, 'staff');
  });

  // Streams carry the whole conversation as that side sees it, read fresh from the database.
  const stream = (key: string) => (write: (frame: string) => void) =>
    s.conversationEvents.subscribe(key, (e) => {
      void s.repos.conversations
        .get(e.conversationId)
        .then((c) => c && write(sseFrame(conversationView(c, e.side))))
        .catch((err: unknown) => s.logger.warn({ err }, 'conversation event'));
    });

  // One stream per side carries conversations and meetings (a browser allows few connections per origin).
  const both = (key: string) => (write: (frame: string) => void) => {
    const offConversations = stream(key)(write);
    const offMeetings = meetingStream(s, key)(write);
    return () => {
      offConversations();
      offMeetings();
    };
  };
  bind(router, routes.myEvents, deps, async ({ user, req, res }) => openSse(s, req, res, both(`visitor:${user.id}`)));
  bind(router, routes.boothInboxEvents, deps, async ({ params, req, res }) => openSse(s, req, res, both(`booth:${params.boothId}`)));
}
