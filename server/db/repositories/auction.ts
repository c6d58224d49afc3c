/**
 * Auction lots and their bid log (issue #12 item 7). A bid is one transaction that first locks the
 * lot's row (a no-op update: PostgreSQL holds the row lock to the end; SQLite has one writer), then
 * judges the bid on the server's clock (shared/auctionRules.ts), appends it to the lot's
 * hash-chained log and moves the lot's price, leader and close. So of any number of bidders on any
 * number of processes, each accepted bid is counted once, in one order, and the highest valid one
 * leads. A retry of the same bid (same key) gets the first answer again and counts nothing. A bid
 * that is too low (or not yet open, or too high) whatever the lock would let in first is answered
 * before the lock, so the bids that can win do not queue behind the many that cannot; and within a
 * process the bids that pass go to the lock one at a time, each first judged against the lot as
 * last committed here (bidLane.ts), so 200 bids in one instant do not all queue at the lock.
 */
import type { AuctionBidTable, AuctionLotTable, Kdb } from '../types';
import { newId } from './ids';
import { inLotLane } from './bidLane';
import { mediaRow, type MediaRow, type NewMedia } from './media';
import { judgeBid, type BidRefusal } from '../../../shared/auctionRules';
import type { LOT_KIND_VALUES } from '../../../shared/api/auction';
import { canonicalBytes, sha256Hex } from '../../souvenirs/certificate';

export type LotKind = (typeof LOT_KIND_VALUES)[number];

/** The first bid's `prev`. */
export const BID_GENESIS = '0'.repeat(64);

export interface LotRecord {
  id: string;
  expoId: string;
  hallId: string;
  sessionId: string | null;
  kind: LotKind;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  imageFile: string | null;
  startPrice: number;
  increment: number;
  opensAt: number;
  closesAt: number;
  softCloseMs: number;
  price: number | null;
  leaderId: string | null;
  leaderName: string | null;
  bidCount: number;
  lastHash: string;
}

export interface BidRecord {
  lotId: string;
  seq: number;
  bidKey: string;
  userId: string | null;
  name: string;
  amount: number;
  at: number;
  closesAt: number;
  prevHash: string;
  hash: string;
}

/** A lot as the organizer puts it up: everything but its id and live state. */
export type NewLot = Omit<LotRecord, 'id' | 'price' | 'leaderId' | 'leaderName' | 'bidCount' | 'lastHash'> & { by: string | null; now?: number };

export type BidResult =
  | { ok: true; lot: LotRecord; bid: BidRecord; previousLeaderId: string | null; repeated: boolean }
  | { ok: false; reason: BidRefusal | 'no_lot' | 'key_taken'; lot: LotRecord | null };

const lotOf = (r: AuctionLotTable): LotRecord => ({
  id: r.id,
  expoId: r.expo_id,
  hallId: r.hall_id,
  sessionId: r.session_id,
  kind: r.kind as LotKind,
  title: { zh: r.title_zh, en: r.title_en },
  description: { zh: r.description_zh, en: r.description_en },
  imageFile: r.image_file,
  startPrice: Number(r.start_price),
  increment: Number(r.increment),
  opensAt: Number(r.opens_at),
  closesAt: Number(r.closes_at),
  softCloseMs: Number(r.soft_close_ms),
  price: r.price === null ? null : Number(r.price),
  leaderId: r.leader_id,
  leaderName: r.leader_name,
  bidCount: Number(r.bid_count),
  lastHash: r.last_hash,
});

export const bidOf = (r: AuctionBidTable): BidRecord => ({
  lotId: r.lot_id,
  seq: Number(r.seq),
  bidKey: r.bid_key,
  userId: r.user_id,
  name: r.name,
  amount: Number(r.amount),
  at: Number(r.at),
  closesAt: Number(r.closes_at),
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** A bid's hash: over the lot, its place, amount, bidder's name, time, the close it set, and the hash before. */
export function bidHashOf(b: Omit<BidRecord, 'hash' | 'userId' | 'bidKey'>): string {
  return sha256Hex(canonicalBytes({ lot: b.lotId, seq: b.seq, amount: b.amount, name: b.name, at: b.at, closes: b.closesAt, prev: b.prevHash }));
}

/** Checks a lot's whole bid log: numbered 1..n, each after the one before, each hash right. Returns the bad seqs. */
export function checkBidChain(bids: readonly BidRecord[]): number[] {
  const bad: number[] = [];
  let prev = BID_GENESIS;
  bids.forEach((b, i) => {
    if (b.seq !== i + 1 || b.prevHash !== prev || bidHashOf(b) !== b.hash) bad.push(b.seq);
    prev = b.hash;
  });
  return bad;
}

export function auctionRepository(db: Kdb) {
  return {
    async createLot(input: NewLot): Promise<LotRecord> {
      const row: AuctionLotTable = {
        id: newId(),
        expo_id: input.expoId,
        hall_id: input.hallId,
        session_id: input.sessionId,
        kind: input.kind,
        title_zh: input.title.zh,
        title_en: input.title.en,
        description_zh: input.description.zh,
        description_en: input.description.en,
        image_file: input.imageFile,
        start_price: input.startPrice,
        increment: input.increment,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        soft_close_ms: input.softCloseMs,
        price: null,
        leader_id: null,
        leader_name: null,
        bid_count: 0,
        last_hash: BID_GENESIS,
        created_by: input.by,
        created_at: input.now ?? Date.now(),
      };
      await db.insertInto('auction_lots').values(row).execute();
      return lotOf(row);
    },

    async lot(id: string): Promise<LotRecord | null> {
      const r = await db.selectFrom('auction_lots').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? lotOf(r) : null;
    },

    /** A hall's lots that have not closed more than `recentMs` ago (the result stays up a while), by opening time. */
    async hallLots(expoId: string, hallId: string, now: number, recentMs = 60_000): Promise<LotRecord[]> {
      const rows = await db
        .selectFrom('auction_lots')
        .selectAll()
        .where('expo_id', '=', expoId)
        .where('hall_id', '=', hallId)
        .where('closes_at', '>', now - recentMs)
        .orderBy('opens_at')
        .execute();
      return rows.map(lotOf);
    },

    /** An agenda session's lots (the agenda page lists them under it), by opening time. */
    async sessionLots(expoId: string, sessionId: string): Promise<LotRecord[]> {
      const rows = await db
        .selectFrom('auction_lots')
        .selectAll()
        .where('expo_id', '=', expoId)
        .where('session_id', '=', sessionId)
        .orderBy('opens_at')
        .execute();
      return rows.map(lotOf);
    },

    /** A lot's picture as uploaded (kind lot_picture), for a lot's save to attach: the lot keeps its file name. */
    async addPicture(m: Omit<NewMedia, 'kind' | 'exhibitorId'>): Promise<MediaRow> {
      const row = mediaRow({ ...m, kind: 'lot_picture', exhibitorId: null });
      await db.insertInto('media').values(row).execute();
      return row;
    },

    async picture(mediaId: string): Promise<MediaRow | null> {
      return (await db.selectFrom('media').selectAll().where('id', '=', mediaId).where('kind', '=', 'lot_picture').executeTakeFirst()) ?? null;
    },

    /** Lot pictures no lot holds, uploaded before `olderThan` (a form never saved): deleted, their files handed back. */
    async sweepPictures(olderThan: number): Promise<string[]> {
      const held = new Set((await db.selectFrom('auction_lots').select('image_file').where('image_file', 'is not', null).execute()).map((r) => r.image_file));
      const loose = (
        await db.selectFrom('media').select(['id', 'file']).where('kind', '=', 'lot_picture').where('created_at', '<', olderThan).execute()
      ).filter((r) => !held.has(r.file));
      if (loose.length === 0) return [];
      await db
        .deleteFrom('media')
        .where(
          'id',
          'in',
          loose.map((r) => r.id),
        )
        .execute();
      return loose.map((r) => r.file);
    },

    /**
     * Takes a lot down while nobody has bid on it (under the lot's lock, so a bid in flight either
     * lands first and the lot stays, or finds no lot). Its picture goes with it: the file is handed back.
     */
    async deleteLot(id: string): Promise<{ ok: true; file: string | null } | { ok: false; reason: 'no_lot' | 'has_bids' }> {
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('auction_lots')
          .set((eb) => ({ bid_count: eb.ref('bid_count') }))
          .where('id', '=', id)
          .execute();
        const row = await trx.selectFrom('auction_lots').select(['bid_count', 'image_file']).where('id', '=', id).executeTakeFirst();
        if (!row) return { ok: false, reason: 'no_lot' } as const;
        if (Number(row.bid_count) > 0) return { ok: false, reason: 'has_bids' } as const;
        await trx.deleteFrom('auction_lots').where('id', '=', id).execute();
        if (row.image_file) await trx.deleteFrom('media').where('file', '=', row.image_file).where('kind', '=', 'lot_picture').execute();
        return { ok: true, file: row.image_file } as const;
      });
    },

    async lots(expoId: string): Promise<LotRecord[]> {
      return (await db.selectFrom('auction_lots').selectAll().where('expo_id', '=', expoId).orderBy('opens_at').execute()).map(lotOf);
    },

    async bids(lotId: string): Promise<BidRecord[]> {
      return (await db.selectFrom('auction_bids').selectAll().where('lot_id', '=', lotId).orderBy('seq').execute()).map(bidOf);
    },

    /** One bid, judged and recorded under the lot's lock (see the file's comment). */
    async bid(input: { lotId: string; userId: string; name: string; amount: number; bidKey: string; now: () => number }): Promise<BidResult> {
      // Before the lock, the answers that cannot change: in a contested last minute most bids come
      // in too low, and each would otherwise wait its turn at the lock (seven round trips a bid on
      // PostgreSQL) ahead of the bids that can win. The lot and the key in one snapshot: a resend whose
      // first has committed into the lot read is surely seen with it. A price only rises and a
      // close only moves later, so a bid too low while the lot was open at `at` is too low at `at`
      // in any order the lock would give; anything else is judged under the lock as before.
      // The lot and an earlier send of this bid in one statement (one snapshot, one round trip and
      // one pool connection fewer a bid: on auction night every bid pays them)
      const seen = await db
        .selectFrom('auction_lots')
        .leftJoin('auction_bids as sent', (j) => j.onRef('sent.lot_id', '=', 'auction_lots.id').on('sent.bid_key', '=', input.bidKey))
        .selectAll('auction_lots')
        .select([
          'sent.seq as sent_seq',
          'sent.bid_key as sent_bid_key',
          'sent.user_id as sent_user_id',
          'sent.name as sent_name',
          'sent.amount as sent_amount',
          'sent.at as sent_at',
          'sent.closes_at as sent_closes_at',
          'sent.prev_hash as sent_prev_hash',
          'sent.hash as sent_hash',
        ])
        .where('auction_lots.id', '=', input.lotId)
        .executeTakeFirst();
      if (!seen) return { ok: false, reason: 'no_lot', lot: null };
      const early = lotOf(seen);
      const first: AuctionBidTable | null =
        seen.sent_seq === null
          ? null
          : {
              lot_id: input.lotId,
              seq: seen.sent_seq,
              bid_key: seen.sent_bid_key!,
              user_id: seen.sent_user_id,
              name: seen.sent_name!,
              amount: seen.sent_amount!,
              at: seen.sent_at!,
              closes_at: seen.sent_closes_at!,
              prev_hash: seen.sent_prev_hash!,
              hash: seen.sent_hash!,
            };
      // a resend is answered again, but only to its own bidder: another account's key tells nothing of that bid
      if (first)
        return first.user_id === input.userId
          ? { ok: true, lot: early, bid: bidOf(first), previousLeaderId: null, repeated: true }
          : { ok: false, reason: 'key_taken', lot: early };
      const at = input.now();
      const pre = judgeBid(early, input.amount, at);
      if (!pre.ok && at < early.closesAt) return { ok: false, reason: pre.reason, lot: early };
      const turn = await inLotLane(
        db,
        input.lotId,
        async (latest): Promise<{ result: BidResult | { beaten: LotRecord; reason: BidRefusal }; lot: LotRecord | null }> => {
          // the lot as this process last saw it committed, if newer than the early read: a bid it
          // already beats leaves the lane at once (the look for an earlier send of it is made outside,
          // so the lane is not held for it)
          if (latest && latest.bidCount > early.bidCount) {
            const now = input.now();
            const v = judgeBid(latest, input.amount, now);
            if (!v.ok && now < latest.closesAt) return { result: { beaten: latest, reason: v.reason }, lot: null };
          }
          const result = await lockedBid(input);
          return { result, lot: result.lot };
        },
      );
      if (!('beaten' in turn)) return turn;
      // beaten by a price this process committed: unless an earlier send of this very bid is what set it
      const lot = turn.beaten;
      const sent = await db.selectFrom('auction_bids').selectAll().where('lot_id', '=', input.lotId).where('bid_key', '=', input.bidKey).executeTakeFirst();
      if (sent && sent.user_id === input.userId) return { ok: true, lot, bid: bidOf(sent), previousLeaderId: null, repeated: true };
      if (sent) return { ok: false, reason: 'key_taken', lot };
      return { ok: false, reason: turn.reason, lot };
    },
  };

  /** The bid under the lot's row lock: judged on the server's clock once the lock is ours, logged, the lot moved. */
  function lockedBid(input: { lotId: string; userId: string; name: string; amount: number; bidKey: string; now: () => number }): Promise<BidResult> {
    return db.transaction().execute(async (trx): Promise<BidResult> => {
      // the lock: every bid on this lot waits here for the one before to commit, and then reads the
      // lot as that one left it (RETURNING: one round trip less while the others wait)
      const row = await trx
        .updateTable('auction_lots')
        .set((eb) => ({ bid_count: eb.ref('bid_count') }))
        .where('id', '=', input.lotId)
        .returningAll()
        .executeTakeFirst();
      if (!row) return { ok: false, reason: 'no_lot', lot: null };
      const lot = lotOf(row);
      const again = await trx.selectFrom('auction_bids').selectAll().where('lot_id', '=', input.lotId).where('bid_key', '=', input.bidKey).executeTakeFirst();
      if (again)
        return again.user_id === input.userId
          ? { ok: true, lot, bid: bidOf(again), previousLeaderId: null, repeated: true }
          : { ok: false, reason: 'key_taken', lot };
      // the server's clock, read once the lock is ours: it decides open, closed and the soft close
      const at = input.now();
      const verdict = judgeBid(lot, input.amount, at);
      if (!verdict.ok) return { ok: false, reason: verdict.reason, lot };
      const seq = lot.bidCount + 1;
      const base = { lotId: lot.id, seq, amount: input.amount, name: input.name, at, closesAt: verdict.closesAt, prevHash: lot.lastHash };
      const hash = bidHashOf(base);
      const bid: BidRecord = { ...base, userId: input.userId, bidKey: input.bidKey, hash };
      await trx
        .insertInto('auction_bids')
        .values({
          lot_id: bid.lotId,
          seq,
          bid_key: bid.bidKey,
          user_id: bid.userId,
          name: bid.name,
          amount: bid.amount,
          at,
          closes_at: bid.closesAt,
          prev_hash: bid.prevHash,
          hash,
        })
        .execute();
      await trx
        .updateTable('auction_lots')
        .set({ price: input.amount, leader_id: input.userId, leader_name: input.name, closes_at: verdict.closesAt, bid_count: seq, last_hash: hash })
        .where('id', '=', lot.id)
        .execute();
      const after: LotRecord = {
        ...lot,
        price: input.amount,
        leaderId: input.userId,
        leaderName: input.name,
        closesAt: verdict.closesAt,
        bidCount: seq,
        lastHash: hash,
      };
      return { ok: true, lot: after, bid, previousLeaderId: lot.leaderId && lot.leaderId !== input.userId ? lot.leaderId : null, repeated: false };
    });
  }
}

export type AuctionRepository = ReturnType<typeof auctionRepository>;
