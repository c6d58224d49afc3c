/**
 * The one path every client message takes, whatever its name: the general budget, a seated
 * visitor, the sender rule, the schema, the entry's own budget, then its handler. Anything refused
 * on the way is a strike (flooding or junk: harmless, but not free) except a spent extra budget,
 * which is a polite "slow down" notice. HallRoom registers this for every clientMessages entry.
 */
import { MAX_STRIKES } from '../../shared/constants';
import { clientMessages, type ClientMessageName, type ClientPayload } from '../../shared/messages';
import { CloseCode, NoticeCode } from '../../shared/protocol';
import type { Visitor } from '../../shared/schema/Visitor';
import type { Logger } from '../lib/logger';
import type { HallContext, HallHandlers } from './handlers';
import { sendTo, type MessageTarget } from './messageSend';
import type { Session } from './session';

/** The parts of a Colyseus client the dispatcher uses (a stub in tests). */
export interface DispatchClient extends MessageTarget {
  sessionId: string;
  userData?: Session;
  leave(code?: number): void;
}

export interface MessageRouter {
  hall: HallContext;
  handlers: HallHandlers;
  visitorOf(sessionId: string): Visitor | undefined;
  log: Pick<Logger, 'warn'>;
  now(): number;
}

export type DispatchOutcome = 'handled' | 'ignored' | 'over_budget' | 'not_seated' | 'forbidden' | 'malformed' | 'rate_limited' | 'unknown';

export function dispatchMessage<N extends ClientMessageName>(r: MessageRouter, name: N, client: DispatchClient, raw: unknown): DispatchOutcome {
  const s = client.userData;
  if (!s || s.kicked) return 'ignored';
  const now = r.now();
  if (!s.buckets.messages.take(now)) return strike(r, client, s, 'over_budget');
  const visitor = r.visitorOf(client.sessionId);
  if (!visitor) return strike(r, client, s, 'not_seated');
  const def = clientMessages[name];
  if (!def.senders.some((role) => s.roles.has(role))) return strike(r, client, s, 'forbidden');
  const parsed = def.schema.safeParse(raw);
  if (!parsed.success) return strike(r, client, s, 'malformed');
  const extra = def.budget as string;
  if (extra !== 'messages' && !s.buckets[def.budget].take(now)) {
    sendTo(client, 'notice', { code: NoticeCode.rateLimited });
    return 'rate_limited';
  }
  r.handlers[name]({ hall: r.hall, sessionId: client.sessionId, session: s, visitor, now }, parsed.data as ClientPayload<N>);
  return 'handled';
}

/** A message type that is in no registry: counted like a malformed one. */
export function unknownMessage(r: MessageRouter, client: DispatchClient): DispatchOutcome {
  const s = client.userData;
  if (!s || s.kicked) return 'ignored';
  if (!s.buckets.messages.take(r.now())) return strike(r, client, s, 'over_budget');
  return strike(r, client, s, 'unknown');
}

function strike(r: MessageRouter, client: DispatchClient, s: Session, outcome: DispatchOutcome): DispatchOutcome {
  s.strikes++;
  if (s.strikes === 1 || s.strikes % 10 === 0) sendTo(client, 'notice', { code: NoticeCode.invalidMessage });
  if (s.strikes >= MAX_STRIKES && !s.kicked) {
    s.kicked = true;
    r.log.warn({ session: client.sessionId }, 'dropping a flooding client');
    client.leave(CloseCode.flooding);
  }
  return outcome;
}
