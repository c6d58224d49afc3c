/**
 * Follows one booth's conversation stream (route boothInboxEvents): each `conversation` event is a
 * conversation as the booth sees it, sent when a visitor writes (or another staff member answers).
 * The stream also carries the booth's meetings; one EventSource serves both (net/sharedStream.ts).
 * After a drop the inbox refetches, as the leads inbox does. The console carries zod, so events
 * are checked here.
 */
import { conversationEvents, type ConversationView } from '../../../../../shared/api/conversations';
import { parseSse } from '../../../../../shared/api/sse';
import { routeUrl } from '../../../net/api';
import { followStream } from '../../../net/sharedStream';

export interface InboxStreamHandlers {
  onConversation: (c: ConversationView) => void;
  /** up: connected; after a drop the caller reloads (`reconnected` is true) */
  onStatus: (up: boolean, reconnected: boolean) => void;
}

export function followInbox(boothId: string, h: InboxStreamHandlers): () => void {
  return followStream(routeUrl('boothInboxEvents', { params: { boothId } }), {
    events: {
      conversation: (raw) => {
        const c = parseSse(conversationEvents, 'conversation', raw);
        if (c) h.onConversation(c);
      },
    },
    onStatus: h.onStatus,
  });
}
