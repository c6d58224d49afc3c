/**
 * The Q&A service (issue #11): the repository the rooms and the console use, and the one bus every
 * Q&A change travels on. A question asked, voted or decided on any process is stored first, then
 * published through the Colyseus presence (pubsub.ts: LocalPresence in one process, RedisPresence
 * across many), so every instance of the hall on every process reads the session's questions again
 * and sends them to its visitors, and the moderators' event stream tells every open console to read
 * its queue again (server/http/moderationRoutes.ts). The event names the hall, the session and what
 * happened only; listeners read fresh.
 */
import type { Presence } from '@colyseus/core';
import type { QaChange } from '../../shared/api/qa';
import { HALL_IDS } from '../../shared/halls';
import type { Repositories } from '../db/repositories';
import type { QaRepository } from '../db/repositories/qa';
import { createTopicBus } from '../pubsub';

export interface QaEvent {
  hallId: string;
  sessionId: string;
  /** what happened: the moderators' console says nothing of it, but their stream carries it */
  change: QaChange;
  at: number;
}

export interface QaService {
  repo(): QaRepository;
  /** Tells every instance of the hall, on every process, that this session's questions changed. */
  changed(hallId: string, sessionId: string, change: QaChange): void;
  /** The changes of one hall. Returns the unsubscribe function. */
  onChange(hallId: string, listener: (e: QaEvent) => void): () => void;
  /** The changes of every hall (the moderators' stream: their queue spans the expo). Returns the unsubscribe function. */
  onAnyChange(listener: (e: QaEvent) => void): () => void;
  listeners(): number;
  close(): void;
}

export function createQaService(
  repos: () => Repositories,
  presence: () => Presence | undefined,
  prefix: string,
  onError: (err: unknown) => void = () => {},
): QaService {
  const bus = createTopicBus<QaEvent>(
    presence,
    `${prefix}qa`,
    (raw) => {
      const e = raw as QaEvent;
      return e && typeof e.hallId === 'string' && typeof e.sessionId === 'string' ? e.hallId : null;
    },
    onError,
  );
  return {
    repo: () => repos().qa,
    changed: (hallId, sessionId, change) => bus.publish({ hallId, sessionId, change, at: Date.now() }),
    onChange: (hallId, listener) => bus.subscribe(hallId, listener),
    onAnyChange: (listener) => {
      const offs = HALL_IDS.map((h) => bus.subscribe(h, listener));
      return () => offs.forEach((off) => off());
    },
    listeners: () => bus.listeners(),
    close: () => bus.close(),
  };
}
