/**
 * Booth change events: "booth X in hall H changed" or "... left the hall". Published through the
 * Colyseus presence (LocalPresence in one process, RedisPresence across many), so a change saved by
 * any process reaches the visitors' event streams on every process. Subscribers are local listeners
 * (the SSE endpoint); the one presence subscription per process is made on first use.
 */
import type { Presence } from '@colyseus/core';
import type { HallEventName } from '../shared/api/events';

export interface BoothEvent {
  type: HallEventName;
  hallId: string;
  boothId: string;
  /** ms; the booth's updatedAt for 'booth' */
  at: number;
}

type Listener = (e: BoothEvent) => void;

export interface BoothEvents {
  boothChanged(hallId: string, boothId: string, at?: number): void;
  boothRemoved(hallId: string, boothId: string): void;
  /** Listens to one hall's events; returns the unsubscribe function. */
  subscribe(hallId: string, listener: Listener): () => void;
  listeners(): number;
  close(): void;
}

export function createBoothEvents(presence: () => Presence | undefined, prefix: string, onError: (err: unknown) => void = () => {}): BoothEvents {
  const channel = `${prefix}booths`;
  const byHall = new Map<string, Set<Listener>>();
  let subscribed: Presence | null = null;
  let count = 0;

  const deliver = (raw: unknown) => {
    const e = raw as BoothEvent;
    if (!e || typeof e.hallId !== 'string' || typeof e.boothId !== 'string') return;
    for (const l of byHall.get(e.hallId) ?? []) {
      try {
        l(e);
      } catch (err) {
        onError(err);
      }
    }
  };

  const ensureSubscribed = () => {
    const p = presence();
    if (!p || subscribed === p) return p;
    subscribed = p;
    Promise.resolve(p.subscribe(channel, deliver)).catch(onError);
    return p;
  };

  const publish = (e: BoothEvent) => {
    const p = ensureSubscribed();
    if (!p) {
      deliver(e);
      return;
    }
    Promise.resolve(p.publish(channel, e)).catch(onError);
  };

  return {
    boothChanged: (hallId, boothId, at = Date.now()) => publish({ type: 'booth', hallId, boothId, at }),
    boothRemoved: (hallId, boothId) => publish({ type: 'removed', hallId, boothId, at: Date.now() }),
    subscribe(hallId, listener) {
      ensureSubscribed();
      let set = byHall.get(hallId);
      if (!set) byHall.set(hallId, (set = new Set()));
      set.add(listener);
      count++;
      return () => {
        if (set.delete(listener)) count--;
      };
    },
    listeners: () => count,
    close() {
      if (subscribed) {
        try {
          subscribed.unsubscribe(channel, deliver);
        } catch {
          /* the presence may be gone already */
        }
      }
      subscribed = null;
      byHall.clear();
      count = 0;
    },
  };
}
