/** Lead events per booth (a card left, a card withdrawn), across processes like booth events. */
import type { Presence } from '@colyseus/core';
import type { LeadEventData, LeadEventName } from '../shared/api/leadEvents';
import { createTopicBus, type TopicBus } from './pubsub';

export type LeadEvent = { [N in LeadEventName]: { boothId: string; name: N; data: LeadEventData<N> } }[LeadEventName];
export type LeadEvents = TopicBus<LeadEvent>;

export function createLeadEvents(presence: () => Presence | undefined, prefix: string, onError?: (err: unknown) => void): LeadEvents {
  return createTopicBus<LeadEvent>(
    presence,
    `${prefix}leads`,
    (raw) => {
      const e = raw as LeadEvent;
      return e && typeof e.boothId === 'string' && typeof e.name === 'string' ? e.boothId : null;
    },
    onError,
  );
}
