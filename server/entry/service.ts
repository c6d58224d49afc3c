/**
 * Entry rules (issue #11 item 5): which rule applies to a hall, and whether one join meets it.
 * HallRoom.onAuth calls `admit` before any seat exists; the landing page's check route calls
 * `check` with the same logic (without counting a pass's use), so what the page says is what the
 * join does. Deny by default: an unknown rule, a missing code, a wrong code, an unusable pass or a
 * missing account are all refusals, and a rule that cannot be read (database down) refuses too,
 * unless this process has read it before: then the last rule read holds.
 *
 * The rules are read at most once a second per process (RULES_TTL_MS), so a change made on any
 * process applies to every process's joins within about a second.
 */
import { ENTRY_RULES, EntryRefusal, HALL_ENTRY_SETTINGS, type EntryRule, type HallEntrySetting } from '../../shared/api/entry';
import { hashToken } from '../auth/tokens';
import type { Repositories } from '../db/repositories';
import { EXPO_SCOPE, type EntryRuleRow } from '../db/repositories/entryRules';
import type { Logger } from '../lib/logger';
import { accountKey, deviceKey } from '../moderation/keys';
import type { HallAccount } from '../rooms/account';
import { verifyEntryCode } from './codes';
import { EntryThrottle } from './throttle';

const RULES_TTL_MS = 1_000;

export interface EffectiveRule {
  expoId: string | null;
  rule: EntryRule;
  /** the hash of the code that applies (the hall's own, or the expo's when the hall follows it) */
  codeHash: string | null;
}

export interface EntryAttempt {
  hallId: string;
  account: Pick<HallAccount, 'userId' | 'role' | 'staffBoothId'> | null;
  code?: string | null;
  pass?: string | null;
  device: string | null;
  address: string;
}

export type EntryVerdict = { ok: true; rule: EntryRule } | { ok: false; refusal: EntryRefusal; rule: EntryRule; retryAfterS?: number };

export class EntryUnavailable extends Error {
  constructor() {
    super('entry rules unavailable');
  }
}

/** SQLite's "no such table", PostgreSQL's undefined_table (42P01). */
export function isMissingTable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === '42P01' || (typeof e?.message === 'string' && /no such table/i.test(e.message));
}

const isRule = (r: string): r is EntryRule => (ENTRY_RULES as readonly string[]).includes(r);
export const isHallSetting = (r: string): r is HallEntrySetting => (HALL_ENTRY_SETTINGS as readonly string[]).includes(r);

/** The hall's own rule unless it follows the expo; the expo's rule, or open. An unreadable stored rule counts as invite-only (deny). */
export function effectiveRule(expo: EntryRuleRow | null, hall: EntryRuleRow | null): { rule: EntryRule; codeHash: string | null } {
  const own = hall && hall.rule !== 'inherit' ? hall : null;
  const from = own ?? expo;
  if (!from) return { rule: 'open', codeHash: null };
  if (from.rule === 'inherit') return { rule: 'open', codeHash: null };
  if (!isRule(from.rule)) return { rule: 'invite', codeHash: null };
  return { rule: from.rule, codeHash: from.codeHash };
}

export interface EntryService {
  ruleFor(hallId: string): Promise<EffectiveRule>;
  /** Checks one join; `countUse`: a pass's use is counted (the join), or only checked (the landing page). */
  decide(a: EntryAttempt, countUse: boolean): Promise<EntryVerdict>;
  /** Forget the cached rules (this process; others see a change within RULES_TTL_MS). */
  changed(): void;
  readonly throttle: EntryThrottle;
}

export function createEntryService(repos: () => Repositories, log: Pick<Logger, 'warn'>, throttle = new EntryThrottle()): EntryService {
  const cache = new Map<string, { at: number; value: EffectiveRule }>();

  async function read(hallId: string): Promise<EffectiveRule> {
    const r = repos();
    const expo = await r.expos.getActive();
    if (!expo) return { expoId: null, rule: 'open', codeHash: null };
    const rows = await r.entry.forHall(expo.id, hallId);
    return { expoId: expo.id, ...effectiveRule(rows.expo, rows.hall) };
  }

  async function ruleFor(hallId: string): Promise<EffectiveRule> {
    const now = Date.now();
    const hit = cache.get(hallId);
    if (hit && now - hit.at < RULES_TTL_MS) return hit.value;
    try {
      const value = await read(hallId);
      cache.set(hallId, { at: now, value });
      return value;
    } catch (err) {
      // a server whose expo database was never set up (no tables: a bare hall server, most room
      // tests) has no expo and so no rules to enforce; the same as no active expo
      if (isMissingTable(err)) return { expoId: null, rule: 'open', codeHash: null };
      log.warn({ err, hallId }, 'entry rules could not be read');
      // the database is away: the last rule read on this process holds; never read: nobody enters
      if (hit) return hit.value;
      throw new EntryUnavailable();
    }
  }

  const staff = (a: EntryAttempt['account']): boolean => a?.role === 'organizer' || a?.role === 'moderator' || !!a?.staffBoothId;

  async function decide(a: EntryAttempt, countUse: boolean): Promise<EntryVerdict> {
    const { rule, codeHash, expoId } = await ruleFor(a.hallId);
    if (rule === 'open' || staff(a.account)) return { ok: true, rule };
    if (rule === 'account') return a.account?.role === 'visitor' ? { ok: true, rule } : { ok: false, refusal: EntryRefusal.accountNeeded, rule };
    if (rule === 'code') {
      if (!a.code) return { ok: false, refusal: EntryRefusal.codeNeeded, rule };
      const wait = throttle.wait(a);
      if (wait) return { ok: false, refusal: EntryRefusal.throttled, rule, retryAfterS: wait };
      // no code stored (should not happen: the route insists on one): nobody gets in
      const right = !!codeHash && (await verifyEntryCode(a.code, codeHash));
      if (right) return { ok: true, rule };
      throttle.failed(a);
      return { ok: false, refusal: EntryRefusal.codeWrong, rule };
    }
    // invite-only
    if (!a.pass || !expoId) return { ok: false, refusal: EntryRefusal.inviteNeeded, rule };
    const hash = hashToken(a.pass);
    const r = repos();
    const holder = a.account ? accountKey(a.account.userId) : a.device ? deviceKey(a.device) : null;
    const ok = countUse ? await r.entry.useInvite(expoId, a.hallId, hash, holder) : await r.entry.inviteValid(expoId, a.hallId, hash, holder);
    return ok ? { ok: true, rule } : { ok: false, refusal: EntryRefusal.inviteNeeded, rule };
  }

  return {
    ruleFor,
    decide,
    changed: () => {
      // read again next time; the old value stays as the fallback while the database is away
      for (const v of cache.values()) v.at = 0;
    },
    throttle,
  };
}

const perServices = new WeakMap<object, EntryService>();

/** One entry service per set of expo services, shared by its HTTP routes and its hall rooms. */
export function entryFor(s: { repos: Repositories; logger: Logger }): EntryService {
  let e = perServices.get(s);
  if (!e) {
    e = createEntryService(() => s.repos, s.logger);
    perServices.set(s, e);
  }
  return e;
}

export { EXPO_SCOPE };
