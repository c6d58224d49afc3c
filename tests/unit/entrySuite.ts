/**
 * The entry-rule repository, once per dialect (SQLite in entry-db.test.ts, PostgreSQL in
 * tests/integration/entry-postgres.test.ts): rules per scope with the stored code kept when not
 * replaced, passes counted in one guarded statement (a pass with one use left admits exactly one of
 * ten simultaneous joins), hall-bound and expo-wide passes, revocation and expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, type Repositories } from '../../server/db/repositories';
import { EXPO_SCOPE } from '../../server/db/repositories/entryRules';
import { hashToken } from '../../server/auth/tokens';

export function entryRepositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`entry rules on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    let expoId = '';

    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
      expoId = (
        await r.expos.create({ slug: `entry-${Date.now()}`, name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu', 'shapowei'] })
      ).id;
    });
    afterAll(async () => {
      if (database) await close(database);
    });

    it('keeps one rule per scope, and the stored code when a change does not bring a new one', async () => {
      expect(await r.entry.forHall(expoId, 'gulangyu')).toEqual({ expo: null, hall: null });
      await r.entry.set(expoId, EXPO_SCOPE, 'account', null, null, 1000);
      await r.entry.set(expoId, 'gulangyu', 'code', 'scrypt$hash', null, 2000);
      await r.entry.set(expoId, 'gulangyu', 'open', undefined, null, 3000);
      await r.entry.set(expoId, 'gulangyu', 'code', undefined, null, 4000);
      const got = await r.entry.forHall(expoId, 'gulangyu');
      expect(got.expo).toMatchObject({ hallId: '', rule: 'account', codeHash: null });
      expect(got.hall).toEqual({ hallId: 'gulangyu', rule: 'code', codeHash: 'scrypt$hash', updatedAt: 4000 });
      expect((await r.entry.forHall(expoId, 'shapowei')).hall).toBeNull();
      expect(await r.entry.rules(expoId)).toHaveLength(2);
    });

    it('counts a pass’s uses up to its limit, also when ten joins race for the last one', async () => {
      await r.entry.createInvite({ expoId, hallId: 'gulangyu', label: '团', tokenHash: hashToken('t-race'), maxUses: 3, expiresAt: null, by: null });
      expect(await r.entry.useInvite(expoId, 'gulangyu', hashToken('t-race'))).toBe(true);
      expect(await r.entry.useInvite(expoId, 'gulangyu', hashToken('t-race'))).toBe(true);
      const results = await Promise.all(Array.from({ length: 10 }, () => r.entry.useInvite(expoId, 'gulangyu', hashToken('t-race'))));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await r.entry.inviteValid(expoId, 'gulangyu', hashToken('t-race'))).toBe(false);
      expect((await r.entry.invites(expoId)).find((i) => i.label === '团')).toMatchObject({ uses: 3, maxUses: 3 });
    });

    it('binds a pass to its hall or to the whole expo, and refuses it once revoked or expired', async () => {
      const hall = await r.entry.createInvite({
        expoId,
        hallId: 'shapowei',
        label: 'S',
        tokenHash: hashToken('t-s'),
        maxUses: null,
        expiresAt: null,
        by: null,
      });
      expect(await r.entry.inviteValid(expoId, 'shapowei', hashToken('t-s'))).toBe(true);
      expect(await r.entry.inviteValid(expoId, 'gulangyu', hashToken('t-s'))).toBe(false);
      expect(await r.entry.inviteValid('other-expo', 'shapowei', hashToken('t-s'))).toBe(false);
      await r.entry.createInvite({
        expoId,
        hallId: null,
        label: 'All',
        tokenHash: hashToken('t-all'),
        maxUses: null,
        expiresAt: Date.now() + 60_000,
        by: null,
      });
      expect(await r.entry.useInvite(expoId, 'gulangyu', hashToken('t-all'))).toBe(true);
      expect(await r.entry.useInvite(expoId, 'shapowei', hashToken('t-all'))).toBe(true);
      expect(await r.entry.useInvite(expoId, 'shapowei', hashToken('t-all'), Date.now() + 120_000)).toBe(false);
      expect(await r.entry.revokeInvite(expoId, hall.id)).toBe(true);
      expect(await r.entry.revokeInvite(expoId, hall.id)).toBe(false);
      expect(await r.entry.useInvite(expoId, 'shapowei', hashToken('t-s'))).toBe(false);
    });
  });
}
