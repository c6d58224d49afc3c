/**
 * One hall instance's side of the live auction (issue #12 item 7): it sends the hall's lots on
 * join and again after every accepted bid from any instance on any process (one read at a time, a
 * burst folded into one more read), and tells an outbid leader who is in this instance at once.
 * Bids themselves come over HTTP as the signed-in account (server/http/auctionRoutes.ts), so a
 * visitor who signs in while in the hall can bid without rejoining.
 */
import type { ServerMessageName, ServerPayload } from '../../shared/messages';
import type { LotView } from '../../shared/api/auction';
import type { Logger } from '../lib/logger';
import type { AuctionEvent, AuctionService } from './service';
import { serialRefresh } from '../lib/serialRefresh';

export interface RoomAuctionDeps {
  hallId: string;
  broadcast(payload: ServerPayload<'auction'>): void;
  sendTo<N extends ServerMessageName>(sessionId: string, name: N, payload: ServerPayload<N>): void;
  /** the connections of an account in this instance (the outbid notice) */
  sessionsOf(userId: string): string[];
  log: Logger;
}

/** The least time between two snapshots of one instance (a burst of bids folds into the next). */
export const SNAPSHOT_GAP_MS = 100;

export class RoomAuction {
  private lots: LotView[] = [];
  private off: (() => void) | null = null;

  constructor(
    private readonly deps: RoomAuctionDeps,
    private readonly service: AuctionService | null,
  ) {}

  open(): void {
    if (!this.service) return;
    this.off = this.service.onChange(this.deps.hallId, (e) => this.onEvent(e));
    void this.refresh();
  }

  join(sessionId: string): void {
    if (this.service) this.deps.sendTo(sessionId, 'auction', { lots: this.lots });
  }

  private onEvent(e: AuctionEvent): void {
    if (e.outbid && e.price !== null) for (const s of this.deps.sessionsOf(e.outbid)) this.deps.sendTo(s, 'outbid', { lotId: e.lotId, price: e.price });
    void this.refresh();
  }

  /**
   * One read at a time; events during a read, or in the short gap after its broadcast, fold into
   * one more read after it (server/lib/serialRefresh). A lone bid is shown at once; in a contested
   * last minute (dozens of accepted bids a second) the hall gets at most one snapshot per gap
   * instead of one per bid, each to every visitor, which would take the CPU the bids need.
   */
  private readonly refresh = serialRefresh(
    async () => {
      if (!this.service) return;
      try {
        this.lots = await this.service.hallLots(this.deps.hallId);
        this.deps.broadcast({ lots: this.lots });
      } catch (err) {
        this.deps.log.warn({ err }, 'auction lots could not be read');
      }
      await new Promise((r) => setTimeout(r, SNAPSHOT_GAP_MS));
    },
    () => this.off === null,
  );

  close(): void {
    this.off?.();
    this.off = null;
  }
}
