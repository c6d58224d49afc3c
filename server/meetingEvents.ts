/**
 * "A meeting changed" across processes, to the booth's streams (key `booth:<id>`) and to the
 * visitor's own stream (key `visitor:<id>`). The event names the booking; each stream reads it fresh.
 */
import type { Presence } from '@colyseus/core';
import { createTopicBus, type TopicBus } from './pubsub';

export interface MeetingEvent {
  key: string;
  meetingId: string;
}
export type MeetingEvents = TopicBus<MeetingEvent>;

export function createMeetingEvents(presence: () => Presence | undefined, prefix: string, onError?: (err: unknown) => void): MeetingEvents {
  return createTopicBus<MeetingEvent>(
    presence,
    `${prefix}meetings`,
    (raw) => {
      const e = raw as MeetingEvent;
      return e && typeof e.key === 'string' && typeof e.meetingId === 'string' ? e.key : null;
    },
    onError,
  );
}
