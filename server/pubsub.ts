/**
 * A keyed event bus across processes: events are published through the Colyseus presence
 * (LocalPresence in one process, RedisPresence across many), so an event raised on any process
 * reaches the local listeners of its key (an SSE stream) on every process. One presence subscription
 * per bus and process, made on first use.
 */
import type { Presence } from '@colyseus/core';

export interface TopicBus<E> {
  publish(e: E): void;
  /** Listens to one key's events; returns the unsubscribe function. */
  subscribe(key: string, listener: (e: E) => void): () => void;
  listeners(): number;
  close(): void;
}

export function createTopicBus<E>(
  presence: () => Presence | undefined,
  channel: string,
  keyOf: (raw: unknown) => string | null,
  onError: (err: unknown) => void = () => {},
): TopicBus<E> {
  const byKey = new Map<string, Set<(e: E) => void>>();
  let subscribed: Presence | null = null;
  let count = 0;

  const deliver = (raw: unknown) => {
    const key = keyOf(raw);
    if (key === null) return; // not one of ours: the channel is shared infrastructure
    for (const l of byKey.get(key) ?? []) {
      try {
        l(raw as E);
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

  return {
    publish(e) {
      const p = ensureSubscribed();
      if (!p) return deliver(e);
      Promise.resolve(p.publish(channel, e)).catch(onError);
    },
    subscribe(key, listener) {
      ensureSubscribed();
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
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
      byKey.clear();
      count = 0;
    },
  };
}
