/**
 * Login throttling: a token bucket per client address and one per email address, so neither one
 * machine guessing many accounts nor many machines guessing one account gets far.
 */
import { TokenBucket } from '../lib/tokenBucket';

export interface ThrottleOptions {
  /** attempts per address: burst, then one more every refillMs */
  ipBurst: number;
  ipRefillMs: number;
  /** failed attempts per email */
  emailBurst: number;
  emailRefillMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { ipBurst: 10, ipRefillMs: 6_000, emailBurst: 5, emailRefillMs: 60_000 };

const MAX_KEYS = 50_000;

export class LoginThrottle {
  private ips = new Map<string, TokenBucket>();
  private emails = new Map<string, TokenBucket>();

  constructor(private readonly o: ThrottleOptions = DEFAULT_THROTTLE) {}

  private bucket(map: Map<string, TokenBucket>, key: string, burst: number, refill: number, now: number): TokenBucket {
    let b = map.get(key);
    if (!b) {
      // Bounded memory: a flood of distinct keys resets the table rather than growing it.
      if (map.size >= MAX_KEYS) map.clear();
      b = new TokenBucket(burst, refill, now);
      map.set(key, b);
    }
    return b;
  }

  /** Seconds to wait, or 0 when this attempt may go ahead. Every attempt costs the address a token. */
  attempt(ip: string, email: string, now = Date.now()): number {
    if (!this.bucket(this.ips, ip, this.o.ipBurst, this.o.ipRefillMs, now).take(now)) return Math.ceil(this.o.ipRefillMs / 1000);
    const e = this.emails.get(email);
    if (e && !e.peek(now)) return Math.ceil(this.o.emailRefillMs / 1000);
    return 0;
  }

  /** A wrong password costs the email a token. */
  failed(email: string, now = Date.now()): void {
    this.bucket(this.emails, email, this.o.emailBurst, this.o.emailRefillMs, now).take(now);
  }

  succeeded(email: string): void {
    this.emails.delete(email);
  }
}
