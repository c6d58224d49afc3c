/**
 * Instance numbers per hall (1, 2, 3...), unique across every process that shares the presence
 * (LocalPresence in one process, RedisPresence across many). A number is claimed with an atomic
 * INCR on its own key (the claimer that sees 1 owns it), held with a lease the room refreshes, and
 * released when the room closes; a crashed process's numbers come free when their lease runs out.
 * The lowest free number is taken, so numbers are reused as instances close.
 */
import { LocalPresence, type Presence } from '@colyseus/core';

/** Seconds a claim lives without a refresh. */
export const INSTANCE_LEASE_S = 60;
/** Highest instance number tried before giving up (no hall needs this many). */
const MAX_INSTANCE = 999;

export const instanceKey = (prefix: string, hallId: string, n: number): string => `${prefix}inst:${hallId}:${n}`;

export interface InstanceClaim {
  n: number;
  /** keeps the lease alive; call every INSTANCE_LEASE_S / 3 */
  refresh(): Promise<void>;
  release(): Promise<void>;
}

export async function claimInstance(presence: Presence, prefix: string, hallId: string): Promise<InstanceClaim> {
  for (let n = 1; n <= MAX_INSTANCE; n++) {
    const key = instanceKey(prefix, hallId, n);
    const holders = await presence.incr(key);
    if (holders !== 1) continue;
    // In one process the claims die with it; a lease only matters when presence outlives us.
    const leased = !(presence instanceof LocalPresence);
    if (leased) await presence.expire(key, INSTANCE_LEASE_S);
    return {
      n,
      refresh: async () => {
        if (leased) await presence.expire(key, INSTANCE_LEASE_S);
      },
      release: async () => {
        await presence.del(key);
      },
    };
  }
  throw new Error(`no free instance number for hall ${hallId}`);
}
