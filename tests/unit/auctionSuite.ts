/**
 * The auction repository (issue #12 item 7), once per dialect (SQLite in auction-db.test.ts,
 * PostgreSQL in tests/integration/auction-postgres.test.ts): 200 bidders firing in the last five
 * seconds of a lot, all at once. Every bid gets exactly one answer; the log holds each accepted bid
 * once, in one chain; prices rise by at least the increment; the highest accepted bid leads; and
 * replaying the rules over the log gives exactly the close the lot ended with. A retried bid (same
 * key) is answered again and counted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, type Repositories } from '../../server/db/repositories';
import { checkBidChain } from '../../server/db/repositories/auction';
import { judgeBid, type LotClock } from '../../shared/auctionRules';

export function auctionRepositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`auction on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    let expoId = '';
    const users: string[] = [];

    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
      expoId = (await r.expos.create({ slug: `auction-${Date.now()}`, name: { zh: '拍', en: 'A' }, isDemo: false, active: true, halls: ['shapowei'] })).id;
      for (let i = 0; i < 200; i++)
        users.push(
          (
            await r.users.create({
              email: `bidder-${i}-${Date.now()}@test.example`,
              passwordHash: 'x',
              role: 'visitor',
              exhibitorId: null,
              displayName: `竞拍者${i}`,
            })
          ).id,
        );
    }, 60_000);
    afterAll(async () => {
      if (database) await close(database);
    });

    const newLot = (now: number, o: { closesIn: number; softCloseMs: number }) =>
      r.auction.createLot({
        expoId,
        hallId: 'shapowei',
        sessionId: null,
        kind: 'charity',
        title: { zh: '渔船模型', en: 'Fishing boat model' },
        description: { zh: '手工', en: 'Handmade' },
        imageFile: null,
        startPrice: 100,
        increment: 10,
        opensAt: now - 60_000,
        closesAt: now + o.closesIn,
        softCloseMs: o.softCloseMs,
        by: null,
      });

    it('200 bidders in the last 5 seconds: nothing lost or doubled, the highest accepted leads, the close moved as the rules say', async () => {
      const start = Date.now();
      // the soft close is as long as what is left: every accepted bid moves the close
      const lot = await newLot(start, { closesIn: 5000, softCloseMs: 5000 });
      const initial: LotClock = { ...lot };
      // amounts rising with the bidders, jittered, so some are too low by the time they are judged
      const bids = users.map((userId, i) => ({ userId, name: `竞拍者${i}`, amount: 100 + i * 10 + ((i * 37) % 5) * 10 - 20, bidKey: `key-${i}` }));
      const answers = await Promise.all(bids.map((b) => r.auction.bid({ lotId: lot.id, ...b, now: Date.now })));
      expect(answers).toHaveLength(200);
      const accepted = answers.filter((a) => a.ok);
      const refused = answers.filter((a) => !a.ok);
      expect(accepted.length + refused.length).toBe(200);
      for (const a of refused) expect(a.ok ? '' : a.reason).toMatch(/too_low|closed/);
      expect(accepted.length).toBeGreaterThan(10);

      const log = await r.auction.bids(lot.id);
      expect(log).toHaveLength(accepted.length);
      expect(new Set(log.map((b) => b.bidKey)).size).toBe(log.length);
      expect(checkBidChain(log)).toEqual([]);
      for (let i = 1; i < log.length; i++) expect(log[i].amount).toBeGreaterThanOrEqual(log[i - 1].amount + 10);

      const final = (await r.auction.lot(lot.id))!;
      const top = log[log.length - 1];
      expect(final.price).toBe(Math.max(...log.map((b) => b.amount)));
      expect(final.leaderName).toBe(top.name);
      expect(final.bidCount).toBe(log.length);
      // replaying the rules over the log, in order, gives every close and the final one
      let clock = initial;
      for (const b of log) {
        const v = judgeBid(clock, b.amount, b.at);
        expect(v.ok, `bid ${b.seq}`).toBe(true);
        if (!v.ok) break;
        expect(b.closesAt).toBe(v.closesAt);
        clock = { ...clock, price: b.amount, closesAt: v.closesAt };
      }
      expect(final.closesAt).toBe(clock.closesAt);
      expect(final.closesAt).toBeGreaterThan(initial.closesAt);

      // a retry of an accepted bid is answered as it was, and counts nothing
      const again = await r.auction.bid({ lotId: lot.id, userId: top.userId!, name: top.name, amount: top.amount, bidKey: top.bidKey, now: Date.now });
      expect(again).toMatchObject({ ok: true, repeated: true });
      expect((await r.auction.bids(lot.id)).length).toBe(log.length);
    }, 60_000);

    it('refuses bids on a closed lot, and an outbid leader is named', async () => {
      const now = Date.now();
      const lot = await newLot(now, { closesIn: 60_000, softCloseMs: 10_000 });
      const first = await r.auction.bid({ lotId: lot.id, userId: users[0], name: 'A', amount: 100, bidKey: 'a1', now: () => now });
      expect(first).toMatchObject({ ok: true, previousLeaderId: null });
      const second = await r.auction.bid({ lotId: lot.id, userId: users[1], name: 'B', amount: 120, bidKey: 'b1', now: () => now + 1 });
      expect(second).toMatchObject({ ok: true, previousLeaderId: users[0] });
      const late = await r.auction.bid({ lotId: lot.id, userId: users[0], name: 'A', amount: 500, bidKey: 'a2', now: () => now + 61_000 });
      expect(late).toMatchObject({ ok: false, reason: 'closed' });
      expect((await r.auction.lot(lot.id))!.closesAt).toBe(lot.closesAt);
      expect(await r.auction.bid({ lotId: 'nolotnolotnolot0', userId: users[0], name: 'A', amount: 500, bidKey: 'x', now: Date.now })).toMatchObject({
        ok: false,
        reason: 'no_lot',
      });
    });

    it('a bid sent twice at once (and others beside it) is counted once and both sends are told it was accepted', async () => {
      const now = Date.now();
      const lot = await newLot(now, { closesIn: 60_000, softCloseMs: 10_000 });
      const mine = { lotId: lot.id, userId: users[4], name: 'E', amount: 150, bidKey: 'twice-key', now: Date.now };
      const others = [100, 110, 120, 130].map((amount, i) => ({
        lotId: lot.id,
        userId: users[5 + i],
        name: `O${i}`,
        amount,
        bidKey: `other-${i}`,
        now: Date.now,
      }));
      const answers = await Promise.all([...others, mine, mine].map((b) => r.auction.bid(b)));
      const [a1, a2] = answers.slice(-2);
      expect(a1).toMatchObject({ ok: true });
      expect(a2).toMatchObject({ ok: true });
      expect([a1, a2].filter((a) => a.ok && a.repeated)).toHaveLength(1);
      const log = await r.auction.bids(lot.id);
      expect(log.filter((b) => b.bidKey === 'twice-key')).toHaveLength(1);
      expect((await r.auction.lot(lot.id))!.price).toBe(150);
    });

    it("another account's key is refused and tells nothing of that bid", async () => {
      const now = Date.now();
      const lot = await newLot(now, { closesIn: 60_000, softCloseMs: 10_000 });
      expect(await r.auction.bid({ lotId: lot.id, userId: users[2], name: 'C', amount: 100, bidKey: 'shared-key', now: () => now })).toMatchObject({
        ok: true,
      });
      const other = await r.auction.bid({ lotId: lot.id, userId: users[3], name: 'D', amount: 200, bidKey: 'shared-key', now: () => now + 1 });
      expect(other).toMatchObject({ ok: false, reason: 'key_taken' });
      expect((await r.auction.bids(lot.id)).map((b) => b.userId)).toEqual([users[2]]);
    });
  });
}
