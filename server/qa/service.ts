/**
 * The Q&A service (issue #11): the repository the rooms and the console use, and the one bus every
 * Q&A change travels on. A question asked, voted or decided on any process is stored first, then
 * published through the Colyseus presence (pubsub.ts: LocalPresence in one process, RedisPresence
 * across many), so every instance of the hall on every process reads the session's questions again
 * and sends them to its visitors. The event names the hall and session only; listeners read fresh.
 */
import type { Presence } from '@colyseus/core';
import type { Repositories } from '../db/repositories';
import type { QaRepository } from '../db/repositories/qa';
import { createTopicBus } from '../pubsub';

export interface QaEvent {
  hallId: string;
  sessionId: string;
  at: number;
}

export interface QaService {
  repo(): QaRepository;
  /** Tells every instance of the hall, on every process, that this session's questions changed. */
  changed(hallId: string, sessionId: string): void;
  /** The changes of one hall. Returns the unsubscribe function. */
  onChange(hallId: string, listener: (e: QaEvent) => void): () => void;
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
    changed: (hallId, sessionId) => bus.publish({ hallId, sessionId, at: Date.now() }),
    onChange: (hallId, listener) => bus.subscribe(hallId, listener),
    listeners: () => bus.listeners(),
    close: () => bus.close(),
  };
}
