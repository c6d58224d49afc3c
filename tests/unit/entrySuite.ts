/**
 * The entry-rule repository, once per dialect (SQLite in entry-db.test.ts, PostgreSQL in
 * tests/integration/entry-postgres.test.ts): rules per scope with the stored code kept when not
 * replaced, passes counted in one guarded statement (a pass with one use left admits exactly one of
 * ten simultaneous joins), a use limit that counts holders (people), not joins, hall-bound and
 * expo-wide passes, revocation and expiry.
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
      expect(await r.entry.useInvite(expoId, 'gulangyu', hashToken('t-race'), null)).toBe(true);
      expect(await r.entry.useInvite(expoId, 'gulangyu', hashToken('t-race'), null)).toBe(true);
      const results = await Promise.all(Array.from({ length: 10 }, () => r.entry.useInvite(expoId, 'gulangyu', hashToken('t-race'), null)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await r.entry.inviteValid(expoId, 'gulangyu', hashToken('t-race'), null)).toBe(false);
      expect((await r.entry.invites(expoId)).find((i) => i.label === '团')).toMatchObject({ uses: 3, maxUses: 3 });
    });

    it('counts holders, not joins: a holder comes back on a used-up pass, a newcomer does not', async () => {
      const token = hashToken('t-one');
      await r.entry.createInvite({ expoId, hallId: null, label: '一人', tokenHash: token, maxUses: 1, expiresAt: null, by: null });
      // the same holder joining five times at once (a reload storm) uses the pass once
      const again = await Promise.all(Array.from({ length: 5 }, () => r.entry.useInvite(expoId, 'gulangyu', token, 'd:alice')));
      expect(again).toEqual([true, true, true, true, true]);
      expect(await r.entry.useInvite(expoId, 'shapowei', token, 'd:alice')).toBe(true);
      expect(await r.entry.useInvite(expoId, 'gulangyu', token, 'a:bob')).toBe(false);
      expect(await r.entry.useInvite(expoId, 'gulangyu', token, null)).toBe(false);
      expect(await r.entry.inviteValid(expoId, 'gulangyu', token, 'd:alice')).toBe(true);
      expect(await r.entry.inviteValid(expoId, 'gulangyu', token, 'a:bob')).toBe(false);
      expect((await r.entry.invites(expoId)).find((i) => i.label === '一人')).toMatchObject({ uses: 1, maxUses: 1 });
      // ten newcomers racing for the last place of a two-use pass: one gets it, and only its holder row stays
      const two = hashToken('t-two');
      await r.entry.createInvite({ expoId, hallId: null, label: '二人', tokenHash: two, maxUses: 2, expiresAt: null, by: null });
      expect(await r.entry.useInvite(expoId, 'gulangyu', two, 'd:first')).toBe(true);
      const racers = Array.from({ length: 10 }, (_, i) => `d:racer${i}`);
      const won = await Promise.all(racers.map((h) => r.entry.useInvite(expoId, 'gulangyu', two, h)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = racers[won.indexOf(true)];
      for (const h of racers) expect(await r.entry.inviteValid(expoId, 'gulangyu', two, h)).toBe(h === winner);
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
      expect(await r.entry.inviteValid(expoId, 'shapowei', hashToken('t-s'), null)).toBe(true);
      expect(await r.entry.inviteValid(expoId, 'gulangyu', hashToken('t-s'), null)).toBe(false);
      expect(await r.entry.inviteValid('other-expo', 'shapowei', hashToken('t-s'), null)).toBe(false);
      await r.entry.createInvite({
        expoId,
        hallId: null,
        label: 'All',
        tokenHash: hashToken('t-all'),
        maxUses: null,
        expiresAt: Date.now() + 60_000,
        by: null,
      });
      expect(await r.entry.useInvite(expoId, 'gulangyu', hashToken('t-all'), null)).toBe(true);
      expect(await r.entry.useInvite(expoId, 'shapowei', hashToken('t-all'), null)).toBe(true);
      expect(await r.entry.useInvite(expoId, 'shapowei', hashToken('t-all'), null, Date.now() + 120_000)).toBe(false);
      expect(await r.entry.revokeInvite(expoId, hall.id)).toBe(true);
      expect(await r.entry.revokeInvite(expoId, hall.id)).toBe(false);
      expect(await r.entry.useInvite(expoId, 'shapowei', hashToken('t-s'), null)).toBe(false);
    });
  });
}
