/**
 * "Ask staff" views that cross on the wire: an event, the answer to a send and the answer to a read
 * mark can arrive in any order; the newest view wins, and what is new from one side is counted by
 * message id (so a repeated event or a reload never counts a message twice).
 */
import { describe, expect, it } from 'vitest';
import type { ConversationView, MessageView } from '../../shared/api/conversations';
import { isNewer, mergeConversation, newMessagesFrom } from '../../client/src/ui/askStaff/merge';

const msg = (id: string, from: MessageView['from'], at: number): MessageView => ({ id, from, staffName: from === 'staff' ? 'A' : null, text: id, at });
function conv(id: string, messages: MessageView[], unread = 0): ConversationView {
  return {
    id,
    boothId: `booth-${id}`,
    exhibitorName: { zh: '展商', en: 'Exhibitor' },
    visitorName: '访客',
    unread,
    updatedAt: messages.at(-1)?.at ?? 0,
    messages,
  };
}

describe('ask staff: merging conversation views', () => {
  const asked = conv('c1', [msg('m1', 'visitor', 10)]);
  const answered = conv('c1', [msg('m1', 'visitor', 10), msg('m2', 'staff', 20)], 1);

  it('a later view replaces an earlier one, never the other way round', () => {
    expect(isNewer(undefined, asked)).toBe(true);
    expect(isNewer(asked, answered)).toBe(true);
    expect(isNewer(answered, asked)).toBe(false);
    expect(mergeConversation([answered], asked)).toEqual([answered]);
  });

  it('a read mark (same time, same messages) brings its unread count', () => {
    const read = { ...answered, unread: 0 };
    expect(isNewer(answered, read)).toBe(true);
    expect(mergeConversation([answered], read)[0].unread).toBe(0);
  });

  it('keeps the newest conversation first', () => {
    const other = conv('c2', [msg('x1', 'visitor', 15)]);
    expect(mergeConversation([other, asked], answered).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(mergeConversation([answered], other).map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('counts what is new from one side by message id', () => {
    expect(newMessagesFrom(asked, answered, 'staff')).toBe(1);
    expect(newMessagesFrom(asked, answered, 'visitor')).toBe(0);
    expect(newMessagesFrom(answered, answered, 'staff')).toBe(0);
    expect(newMessagesFrom(undefined, asked, 'visitor')).toBe(1);
  });
});
