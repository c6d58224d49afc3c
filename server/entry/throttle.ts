/**
 * Entry-code guessing is throttled like logins (server/auth/throttle.ts): a token bucket per
 * device token and one per client address. Only wrong codes cost tokens, so a visitor with the
 * right code reconnects as often as the network needs. The address bucket is larger, because a
 * whole venue can share one address; the device bucket stops one browser cycling through codes.
 * Per process: with several processes a guesser gets each process's allowance, still a few per minute.
 */
import { TokenBucket } from '../lib/tokenBucket';

export interface EntryThrottleOptions {
  deviceBurst: number;
  deviceRefillMs: number;
  addressBurst: number;
  addressRefillMs: number;
}

export const DEFAULT_ENTRY_THROTTLE: EntryThrottleOptions = { deviceBurst: 5, deviceRefillMs: 30_000, addressBurst: 30, addressRefillMs: 2_000 };

const MAX_KEYS = 50_000;

export class EntryThrottle {
  private buckets = new Map<string, TokenBucket>();

  constructor(private readonly o: EntryThrottleOptions = DEFAULT_ENTRY_THROTTLE) {}

  private bucketsOf(who: { device: string | null; address: string }, now: number): TokenBucket[] {
    const out: TokenBucket[] = [];
    const keys: [string, number, number][] = [[`a:${who.address}`, this.o.addressBurst, this.o.addressRefillMs]];
    if (who.device) keys.push([`d:${who.device}`, this.o.deviceBurst, this.o.deviceRefillMs]);
    for (const [key, burst, refill] of keys) {
      let b = this.buckets.get(key);
      if (!b) {
        // bounded memory: a flood of distinct keys resets the table rather than growing it
        if (this.buckets.size >= MAX_KEYS) this.buckets.clear();
        b = new TokenBucket(burst, refill, now);
        this.buckets.set(key, b);
      }
      out.push(b);
    }
    return out;
  }

  /** Seconds to wait before this device or address may try a code again; 0 when it may now. */
  wait(who: { device: string | null; address: string }, now = Date.now()): number {
    const empty = this.bucketsOf(who, now).some((b) => !b.peek(now));
    return empty ? Math.ceil((who.device ? this.o.deviceRefillMs : this.o.addressRefillMs) / 1000) : 0;
  }

  /** A wrong code costs the device and the address a token each. */
  failed(who: { device: string | null; address: string }, now = Date.now()): void {
    for (const b of this.bucketsOf(who, now)) b.take(now);
  }
}
