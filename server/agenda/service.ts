/**
 * The agenda service (issue #11): the AgendaSource the stage reads (a hall's coming sessions, and
 * word when they change), and the one bus every agenda change travels on. A change saved on any
 * process is published through the Colyseus presence (pubsub.ts: LocalPresence in one process,
 * RedisPresence across many), so the stage of every instance and every open /agenda page on every
 * process hear it. The event names the session and the halls it touched; listeners read fresh.
 */
import type { Presence } from '@colyseus/core';
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { Repositories } from '../db/repositories';
import { createTopicBus } from '../pubsub';
import type { AgendaSource } from './source';
import { sessionView } from './views';

export interface AgendaEvent {
  sessionId: string;
  /** the hall it is in, and the one it left when it moved */
  halls: string[];
  at: number;
}

export interface AgendaService extends AgendaSource {
  /** Tells every process that this session was created, edited or removed. */
  changed(sessionId: string, halls: string[]): void;
  /** Every change, whatever the hall (the pages' event stream). Returns the unsubscribe function. */
  subscribe(listener: (e: AgendaEvent) => void): () => void;
  listeners(): number;
  close(): void;
}

// One key for the whole bus: the pages follow every hall, the stage filters by its own.
const ALL = 'agenda';

export function createAgendaService(
  repos: () => Repositories,
  presence: () => Presence | undefined,
  prefix: string,
  onError: (err: unknown) => void = () => {},
): AgendaService {
  const bus = createTopicBus<AgendaEvent>(
    presence,
    `${prefix}agenda`,
    (raw) => {
      const e = raw as AgendaEvent;
      return e && typeof e.sessionId === 'string' && Array.isArray(e.halls) ? ALL : null;
    },
    onError,
  );

  return {
    async upcoming(hallId: string, now: number): Promise<AgendaSessionView[]> {
      const r = repos();
      const expo = await r.expos.getActive();
      if (!expo) return [];
      return (await r.agenda.list(expo.id, { hallId, endedAfter: now })).map(sessionView);
    },
    onChange(hallId, listener) {
      return bus.subscribe(ALL, (e) => {
        if (e.halls.includes(hallId)) listener();
      });
    },
    changed(sessionId, halls) {
      bus.publish({ sessionId, halls: [...new Set(halls)], at: Date.now() });
    },
    subscribe: (listener) => bus.subscribe(ALL, listener),
    listeners: () => bus.listeners(),
    close: () => bus.close(),
  };
}
