/**
 * Login throttling: a token bucket per client address and one per email address, so neither one
 * machine guessing many accounts nor many machines guessing one account gets far.
 */

/** A token bucket that can also be looked at without taking a token. */
class Bucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }
  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) / this.refillMs);
      this.last = now;
    }
  }
  peek(now: number): boolean {
    this.refill(now);
    return this.tokens >= 1;
  }
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

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
  private ips = new Map<string, Bucket>();
  private emails = new Map<string, Bucket>();

  constructor(private readonly o: ThrottleOptions = DEFAULT_THROTTLE) {}

  private bucket(map: Map<string, Bucket>, key: string, burst: number, refill: number, now: number): Bucket {
    let b = map.get(key);
    if (!b) {
      // Bounded memory: a flood of distinct keys resets the table rather than growing it.
      if (map.size >= MAX_KEYS) map.clear();
      b = new Bucket(burst, refill, now);
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
