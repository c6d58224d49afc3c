/** What the server remembers about one connection; never sent to anyone. */
import { BUDGETS, type BudgetName, type SenderRole } from '../../shared/messages';
import { TokenBucket } from '../lib/tokenBucket';
import type { MoveClock } from './handlers/move';

export interface Session extends MoveClock {
  /** one token bucket per entry of BUDGETS */
  buckets: Record<BudgetName, TokenBucket>;
  /** what this connection may send (see clientMessages' `senders`) */
  roles: ReadonlySet<SenderRole>;
  strikes: number;
  kicked: boolean;
  /** the signed-in account behind this connection (server-side only), or null for a guest */
  userId: string | null;
  /** that account's role (server-side only): exhibitor accounts are re-read when duty changes (./staffDuty.ts) */
  accountRole: string | null;
  /** for staff on duty: their booth's slot, the only one they may present at */
  staffSlotId: string | null;
  /** what a mute or ban of this connection is bound to: account, device tokens, the session (server/moderation/keys.ts) */
  moderationKeys: string[];
  /** when this connection's last chat line went out (slow mode) */
  lastChatAt: number;
}

export function newSession(now: number, roles: readonly SenderRole[] = ['visitor']): Session {
  const buckets = {} as Record<BudgetName, TokenBucket>;
  for (const [name, b] of Object.entries(BUDGETS) as [BudgetName, (typeof BUDGETS)[BudgetName]][]) buckets[name] = new TokenBucket(b.burst, b.refillMs, now);
  return {
    lastMoveAt: now,
    buckets,
    roles: new Set(roles),
    strikes: 0,
    kicked: false,
    userId: null,
    accountRole: null,
    staffSlotId: null,
    moderationKeys: [],
    lastChatAt: 0,
  };
}
