/**
 * Booth change events: "booth X in hall H changed" or "... left the hall". Published through the
 * Colyseus presence (LocalPresence in one process, RedisPresence across many), so a change saved by
 * any process reaches the visitors' event streams on every process (pubsub.ts).
 */
import type { Presence } from '@colyseus/core';
import type { HallEventName } from '../shared/api/events';
import { createTopicBus } from './pubsub';

export interface BoothEvent {
  type: HallEventName;
  hallId: string;
  boothId: string;
  /** ms; the booth's updatedAt for 'booth' */
  at: number;
}

export interface BoothEvents {
  boothChanged(hallId: string, boothId: string, at?: number): void;
  boothRemoved(hallId: string, boothId: string): void;
  /** Listens to one hall's events; returns the unsubscribe function. */
  subscribe(hallId: string, listener: (e: BoothEvent) => void): () => void;
  listeners(): number;
  close(): void;
}

export function createBoothEvents(presence: () => Presence | undefined, prefix: string, onError: (err: unknown) => void = () => {}): BoothEvents {
  const bus = createTopicBus<BoothEvent>(
    presence,
    `${prefix}booths`,
    (raw) => {
      const e = raw as BoothEvent;
      return e && typeof e.hallId === 'string' && typeof e.boothId === 'string' ? e.hallId : null;
    },
    onError,
  );
  return {
    boothChanged: (hallId, boothId, at = Date.now()) => bus.publish({ type: 'booth', hallId, boothId, at }),
    boothRemoved: (hallId, boothId) => bus.publish({ type: 'removed', hallId, boothId, at: Date.now() }),
    subscribe: (hallId, listener) => bus.subscribe(hallId, listener),
    listeners: () => bus.listeners(),
    close: () => bus.close(),
  };
}
