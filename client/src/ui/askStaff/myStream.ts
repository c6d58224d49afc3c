/**
 * Follows the signed-in visitor's own event stream (route myEvents): each `conversation` event is
 * one of their conversations as they see it, sent when a booth's staff answer (or the visitor
 * writes from another tab). The stream also carries meetings; one EventSource serves both
 * (net/sharedStream.ts). After a drop the caller reloads the list: events sent meanwhile were not
 * delivered. Loaded with the booth panel, which already carries zod, so events are checked here.
 */
import { conversationEvents, type ConversationView } from '../../../../shared/api/conversations';
import { parseSse } from '../../../../shared/api/sse';
import { routeUrl } from '../../net/api';
import { followStream } from '../../net/sharedStream';

export interface MyStreamHandlers {
  onConversation: (c: ConversationView) => void;
  /** up: connected; `reconnected` after a drop (the caller reloads) */
  onStatus: (up: boolean, reconnected: boolean) => void;
}

export function followMyConversations(h: MyStreamHandlers): () => void {
  return followStream(routeUrl('myEvents'), {
    events: {
      conversation: (raw) => {
        const c = parseSse(conversationEvents, 'conversation', raw);
        if (c) h.onConversation(c);
      },
    },
    onStatus: h.onStatus,
  });
}
