/**
 * The auction service (issue #12 item 7): bids go through the repository (one row lock per lot, the
 * server's clock), and every accepted bid or new lot is published on one bus through the Colyseus
 * presence (LocalPresence in one process, Redis across many), so every instance of the hall on
 * every process reads the lot again and shows the same price, leader and close, and the instance
 * holding the outbid leader tells them.
 */
import type { Presence } from '@colyseus/core';
import type { LotView } from '../../shared/api/auction';
import type { Repositories } from '../db/repositories';
import type { BidResult, LotRecord } from '../db/repositories/auction';
import { createTopicBus } from '../pubsub';
import { MEDIA_PREFIX } from '../http/views';

export interface AuctionEvent {
  hallId: string;
  lotId: string;
  /** the leader who was outbid, if any (an account id: the rooms find its connections) */
  outbid: string | null;
  price: number | null;
  at: number;
}

export interface AuctionService {
  /** The active expo's lots of a hall that are open, coming, or closed in the last minute. */
  hallLots(hallId: string, now?: number): Promise<LotView[]>;
  bid(input: { lotId: string; userId: string; name: string; amount: number; key: string }): Promise<BidResult>;
  /** Tells every instance of the hall that its lots changed (a new lot). */
  changed(hallId: string, lotId: string): void;
  onChange(hallId: string, listener: (e: AuctionEvent) => void): () => void;
  close(): void;
}

export const lotView = (l: LotRecord): LotView => ({
  id: l.id,
  sessionId: l.sessionId,
  kind: l.kind,
  title: l.title,
  description: l.description,
  startPrice: l.startPrice,
  increment: l.increment,
  opensAt: l.opensAt,
  closesAt: l.closesAt,
  softCloseMs: l.softCloseMs,
  pictureUrl: l.imageFile ? `${MEDIA_PREFIX}${l.imageFile}` : null,
  price: l.price,
  leader: l.leaderName,
  bids: l.bidCount,
});

export function createAuctionService(
  repos: () => Repositories,
  presence: () => Presence | undefined,
  prefix: string,
  onError: (err: unknown) => void = () => {},
): AuctionService {
  const bus = createTopicBus<AuctionEvent>(
    presence,
    `${prefix}auction`,
    (raw) => {
      const e = raw as AuctionEvent;
      return e && typeof e.hallId === 'string' && typeof e.lotId === 'string' ? e.hallId : null;
    },
    onError,
  );
  return {
    async hallLots(hallId, now = Date.now()) {
      const r = repos();
      const expo = await r.expos.getActive();
      return expo ? (await r.auction.hallLots(expo.id, hallId, now)).map(lotView) : [];
    },
    async bid(input) {
      const result = await repos().auction.bid({
        lotId: input.lotId,
        userId: input.userId,
        name: input.name,
        amount: input.amount,
        bidKey: input.key,
        now: Date.now,
      });
      if (result.ok && !result.repeated)
        bus.publish({ hallId: result.lot.hallId, lotId: result.lot.id, outbid: result.previousLeaderId, price: result.lot.price, at: Date.now() });
      return result;
    },
    changed: (hallId, lotId) => bus.publish({ hallId, lotId, outbid: null, price: null, at: Date.now() }),
    onChange: (hallId, listener) => bus.subscribe(hallId, listener),
    close: () => bus.close(),
  };
}
