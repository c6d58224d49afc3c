/** Entry codes (normalised, salted scrypt, constant-time compare), the guess throttle, and which rule applies. */
import { describe, expect, it } from 'vitest';
import { normaliseEntryCode } from '../../shared/api/entry';
import { ENTRY_CODE_COST, hashEntryCode, verifyEntryCode } from '../../server/entry/codes';
import { EntryThrottle } from '../../server/entry/throttle';
import { createEntryService, effectiveRule, EntryUnavailable } from '../../server/entry/service';
import { nowAndNext } from '../../server/entry/summary';

describe('entry codes', () => {
  it('are hashed with a salt and their parameters, never kept in the clear', async () => {
    const a = await hashEntryCode('Egret2026');
    const b = await hashEntryCode('Egret2026');
    expect(a).toMatch(new RegExp(`^scrypt\\$${ENTRY_CODE_COST.N}\\$8\\$1\\$`));
    expect(a).not.toBe(b);
    expect(a.toLowerCase()).not.toContain('egret2026');
  });

  it('match as typed whatever the case, spaces or full-width forms, and nothing else', async () => {
    const stored = await hashEntryCode('Egret 2026');
    expect(normaliseEntryCode('ＥＧＲＥＴ　２０２６')).toBe('egret2026');
    for (const ok of ['egret2026', 'EGRET2026', ' Egret 2026 ', 'ＥＧＲＥＴ２０２６']) expect(await verifyEntryCode(ok, stored), ok).toBe(true);
    for (const bad of ['egret2025', 'egret202', '', 'egret2026x']) expect(await verifyEntryCode(bad, stored), bad).toBe(false);
    expect(await verifyEntryCode('egret2026', 'not-a-hash')).toBe(false);
  });
});

describe('entry throttle', () => {
  it('lets a device make five wrong guesses, then makes it wait; another device on the address goes on', () => {
    const t = new EntryThrottle({ deviceBurst: 5, deviceRefillMs: 30_000, addressBurst: 30, addressRefillMs: 2_000 });
    const me = { device: 'dev-a', address: '10.0.0.1' };
    for (let i = 0; i < 5; i++) {
      expect(t.wait(me, 0)).toBe(0);
      t.failed(me, 0);
    }
    expect(t.wait(me, 0)).toBe(30);
    expect(t.wait({ device: 'dev-b', address: '10.0.0.1' }, 0)).toBe(0);
    // one more guess once a token has come back
    expect(t.wait(me, 30_000)).toBe(0);
  });

  it('holds an address that tries many devices', () => {
    const t = new EntryThrottle({ deviceBurst: 5, deviceRefillMs: 30_000, addressBurst: 3, addressRefillMs: 2_000 });
    for (let i = 0; i < 3; i++) t.failed({ device: `d${i}`, address: '10.0.0.2' }, 0);
    expect(t.wait({ device: 'fresh', address: '10.0.0.2' }, 0)).toBeGreaterThan(0);
    expect(t.wait({ device: null, address: '10.0.0.3' }, 0)).toBe(0);
  });
});

describe('which rule applies', () => {
  const row = (hallId: string, rule: string, codeHash: string | null = null) => ({ hallId, rule, codeHash, updatedAt: 0 });
  it('is open by default, the expo’s when the hall inherits, the hall’s own otherwise; unknown rules deny', () => {
    expect(effectiveRule(null, null)).toEqual({ rule: 'open', codeHash: null });
    expect(effectiveRule(row('', 'code', 'h1'), null)).toEqual({ rule: 'code', codeHash: 'h1' });
    expect(effectiveRule(row('', 'code', 'h1'), row('gulangyu', 'inherit'))).toEqual({ rule: 'code', codeHash: 'h1' });
    expect(effectiveRule(row('', 'account'), row('gulangyu', 'open'))).toEqual({ rule: 'open', codeHash: null });
    expect(effectiveRule(row('', 'open'), row('gulangyu', 'code', 'h2'))).toEqual({ rule: 'code', codeHash: 'h2' });
    expect(effectiveRule(null, row('gulangyu', 'something-new'))).toEqual({ rule: 'invite', codeHash: null });
  });
});

describe('the stage’s now and next', () => {
  it('picks the session on now and the first one after it', () => {
    const s = (id: string, startsAt: number, endsAt: number) => ({ id, startsAt, endsAt }) as never;
    const r = nowAndNext([s('later', 500, 600), s('now', 50, 150), s('next', 200, 300)], 100);
    expect((r.now as { id: string } | null)?.id).toBe('now');
    expect((r.next as { id: string } | null)?.id).toBe('next');
    expect(nowAndNext([], 0)).toEqual({ now: null, next: null });
  });
});

describe('when the database does not answer', () => {
  const attempt = { hallId: 'gulangyu', account: null, device: null, address: '10.0.0.9' };
  const reposThat = (fail: () => Error | null) =>
    (() => ({
      expos: {
        getActive: async () => {
          const e = fail();
          if (e) throw e;
          return { id: 'expo1', halls: ['gulangyu'] };
        },
      },
      entry: { forHall: async () => ({ expo: { hallId: '', rule: 'invite', codeHash: null, updatedAt: 0 }, hall: null }) },
    })) as never;
  const quiet = { warn() {} };

  it('refuses when no rule was ever read, and keeps the last rule read otherwise (deny by default)', async () => {
    const down = createEntryService(
      reposThat(() => new Error('connect ECONNREFUSED')),
      quiet,
    );
    await expect(down.decide(attempt, true)).rejects.toBeInstanceOf(EntryUnavailable);

    let failing = false;
    const flaky = createEntryService(
      reposThat(() => (failing ? new Error('connect ECONNREFUSED') : null)),
      quiet,
    );
    expect(await flaky.decide(attempt, false)).toMatchObject({ ok: false, refusal: 'entry_invite_needed' });
    failing = true;
    flaky.changed();
    // the rules are to be read again but the database is away: the last rule read (invite-only) holds
    expect(await flaky.decide(attempt, false)).toMatchObject({ ok: false, refusal: 'entry_invite_needed' });
  });

  it('treats a database that was never set up (no tables) as an expo without rules', async () => {
    const bare = createEntryService(
      reposThat(() => new Error('no such table: expos')),
      quiet,
    );
    expect(await bare.decide(attempt, true)).toEqual({ ok: true, rule: 'open' });
  });
});
