/**
 * The hall's auction lots as the server last sent them (issue #12), and what this page knows of its
 * own bids: the lots it led and the last "outbid" the server told it of. Kept in the hall's first
 * bytes (the room binds to it); the panel is a lazy chunk.
 */
import { create } from 'zustand';
import type { LotView } from '../../../../shared/api/auction';

interface AuctionState {
  lots: LotView[];
  /** lots this visitor led after their last accepted bid (id → price) */
  led: Record<string, number>;
  /** the last outbid notice, shown until dismissed or bid again */
  outbid: { lotId: string; price: number } | null;
  setLots(lots: LotView[]): void;
  setLed(lotId: string, price: number): void;
  setOutbid(o: { lotId: string; price: number } | null): void;
  reset(): void;
}

export const useAuction = create<AuctionState>((set, get) => ({
  lots: [],
  led: {},
  outbid: null,
  setLots: (lots) => {
    // a lot this page led, now led at a higher price by someone else: outbid, even if the server's
    // notice could not reach this connection (signed in after joining the hall)
    const led = { ...get().led };
    let outbid = get().outbid;
    for (const l of lots) {
      const mine = led[l.id];
      if (mine !== undefined && l.price !== null && l.price > mine) {
        outbid = { lotId: l.id, price: l.price };
        delete led[l.id];
      }
    }
    set({ lots, led, outbid });
  },
  setLed: (lotId, price) => set((s) => ({ led: { ...s.led, [lotId]: price }, outbid: s.outbid?.lotId === lotId ? null : s.outbid })),
  setOutbid: (outbid) =>
    set((s) => {
      if (!outbid) return { outbid };
      const led = { ...s.led };
      delete led[outbid.lotId];
      return { outbid, led };
    }),
  reset: () => set({ lots: [], led: {}, outbid: null }),
}));
