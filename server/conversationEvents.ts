/**
 * "A conversation changed" across processes, to the booth's inbox streams (key `booth:<id>`) and
 * to the visitor's own stream (key `visitor:<id>`).
 */
import type { Presence } from '@colyseus/core';
import { createTopicBus, type TopicBus } from './pubsub';

export interface ConversationEvent {
  key: string;
  conversationId: string;
  /** whom the event is for: the booth's staff see the staff view, the visitor the visitor's */
  side: 'staff' | 'visitor';
}
export type ConversationEvents = TopicBus<ConversationEvent>;

export function createConversationEvents(presence: () => Presence | undefined, prefix: string, onError?: (err: unknown) => void): ConversationEvents {
  return createTopicBus<ConversationEvent>(
    presence,
    `${prefix}conversations`,
    (raw) => {
      const e = raw as ConversationEvent;
      return e && typeof e.key === 'string' && typeof e.conversationId === 'string' ? e.key : null;
    },
    onError,
  );
}
