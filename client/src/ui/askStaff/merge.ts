/** Conversation views that cross on the wire (an answer, an event, a read mark): the newer one wins. Pure; see tests/unit/askStaffMerge.test.ts. */
import type { ConversationView, MessageView } from '../../../../shared/api/conversations';

/** Whether `next` may replace `cur`: not older, and not fewer messages at the same time. */
export function isNewer(cur: ConversationView | undefined, next: ConversationView): boolean {
  if (!cur) return true;
  if (next.updatedAt !== cur.updatedAt) return next.updatedAt > cur.updatedAt;
  // a read mark does not move updatedAt: same time, same messages, the later answer's unread count
  return next.messages.length >= cur.messages.length;
}

/** `list` with `c` in (or kept out when older), newest conversation first. */
export function mergeConversation(list: ConversationView[], c: ConversationView): ConversationView[] {
  const cur = list.find((x) => x.id === c.id);
  if (!isNewer(cur, c)) return list;
  return [c, ...list.filter((x) => x.id !== c.id)].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Messages from one side in `next` that `prev` did not hold: what is new from them. */
export function newMessagesFrom(prev: ConversationView | undefined, next: ConversationView, from: MessageView['from']): number {
  const known = new Set(prev?.messages.map((m) => m.id));
  return next.messages.filter((m) => m.from === from && !known.has(m.id)).length;
}
