/**
 * The live auction (issue #12 item 7) on the wire: what a hall's visitors see of its lots (the same
 * price, leader and close in every instance), a bid and its answer, the outbid notice, and the
 * organizer's routes (make a lot; results with the hash-chained bid log, as CSV). Only signed-in
 * visitor accounts bid; the server's clock decides. No payment happens in the product: settlement
 * is done off-platform by the organizer, under their own licence.
 */
import { z } from 'zod';
import { AUCTION_MAX_AMOUNT } from '../auctionRules';
import { endpoints } from './endpoints';
import type { RouteDef } from './routes';

export const LOT_KIND_VALUES = ['goods', 'sponsorship', 'charity'] as const;

const bilingual = (max: number) => z.strictObject({ zh: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

/** A bid, over HTTP as the signed-in visitor account (POST /api/me/auction/bids). */
export const bidInputSchema = z.strictObject({
  lotId: z.string().regex(/^[a-z0-9]{16}$/),
  amount: z.number().int().min(1).max(AUCTION_MAX_AMOUNT),
  /** the bidder's own id for this bid: a resend is answered again, never counted twice */
  key: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/),
});

/** `key_taken`: the key is another bidder's (keys are the client's own random ids: only a misbehaving client sees it) */
export const BID_REFUSALS = ['not_open', 'closed', 'too_low', 'too_high', 'no_lot', 'key_taken'] as const;
export type BidRefusalCode = (typeof BID_REFUSALS)[number];

/** The answer: accepted or why not, and the lot as it stands after it (the price to beat). */
export const bidResultSchema = z.object({
  key: z.string(),
  ok: z.boolean(),
  reason: z.enum(BID_REFUSALS).nullable(),
  price: z.number().nullable(),
  leading: z.boolean(),
});

export const lotViewSchema = z.object({
  id: z.string(),
  /** the agenda session (kind auction) the lot belongs to, or null */
  sessionId: z.string().nullable(),
  kind: z.enum(LOT_KIND_VALUES),
  title: z.object({ zh: z.string(), en: z.string() }),
  description: z.object({ zh: z.string(), en: z.string() }),
  startPrice: z.number(),
  increment: z.number(),
  opensAt: z.number(),
  closesAt: z.number(),
  softCloseMs: z.number(),
  /** the lot's picture, served under /media, or null */
  pictureUrl: z.string().nullable(),
  /** the leading bid (null before the first), its bidder's display name, how many bids were accepted */
  price: z.number().nullable(),
  leader: z.string().nullable(),
  bids: z.number(),
});
export type LotView = z.infer<typeof lotViewSchema>;

/** A hall's lots, to everyone in every instance on join and after every accepted bid. */
export const auctionSnapshotSchema = z.object({ lots: z.array(lotViewSchema) });
/** To the visitor who led until someone bid more. */
export const outbidSchema = z.object({ lotId: z.string(), price: z.number() });

export const lotInputSchema = z.strictObject({
  hallId: z.string().regex(/^[a-z0-9-]{1,32}$/),
  sessionId: z
    .string()
    .regex(/^[a-z0-9]{16}$/)
    .nullable()
    .default(null),
  kind: z.enum(LOT_KIND_VALUES),
  title: bilingual(120),
  description: bilingual(2000),
  startPrice: z.number().int().min(1).max(AUCTION_MAX_AMOUNT),
  increment: z.number().int().min(1).max(AUCTION_MAX_AMOUNT),
  opensAt: z.number().int(),
  closesAt: z.number().int(),
  /** the soft close: an accepted bid in the last this-many seconds moves the close to this long after it */
  softCloseS: z.number().int().min(0).max(600).default(30),
  /** a picture uploaded first (uploadAuctionPicture); null or left out: none */
  pictureMediaId: z
    .string()
    .regex(/^[a-z0-9]{16}$/)
    .nullable()
    .default(null),
});
export type LotInput = z.infer<typeof lotInputSchema>;

export const lotParamsSchema = z.strictObject({ lotId: z.string().regex(/^[a-z0-9]{16}$/) });
export const lotSessionParamsSchema = z.strictObject({ sessionId: z.string().regex(/^[a-z0-9]{16}$/) });
/** An uploaded lot picture, for the lot's save to attach (pictureMediaId). */
export const lotPictureSchema = z.object({ mediaId: z.string(), url: z.string(), bytes: z.number().int(), name: z.string() });
/** An agenda session's lots (the agenda page lists them under the session). */
export const sessionLotsSchema = z.object({ lots: z.array(lotViewSchema.extend({ hallId: z.string() })) });
export const lotListSchema = z.object({ lots: z.array(lotViewSchema.extend({ hallId: z.string(), chainOk: z.boolean() })) });

export const auctionRouteDefs = {
  placeBid: {
    ...endpoints.placeBid,
    summary: "Bid on a lot as the signed-in visitor account; the server's clock decides, and a resent bid (same key) counts once",
    tag: 'visitor',
    access: 'visitor',
    refuseBanned: true,
    body: bidInputSchema,
    response: bidResultSchema,
  },
  auctionLots: {
    ...endpoints.auctionLots,
    summary: "The expo's auction lots with their results so far, and whether each bid log's hash chain is whole",
    tag: 'organizer',
    access: 'organizer',
    response: lotListSchema,
  },
  createAuctionLot: {
    ...endpoints.createAuctionLot,
    summary: 'Put a lot up (goods, a sponsorship slot or a charity item; never a souvenir), with start price, increment, times and soft close',
    tag: 'organizer',
    access: 'organizer',
    body: lotInputSchema,
    response: lotViewSchema,
    status: 201,
  },
  uploadAuctionPicture: {
    ...endpoints.uploadAuctionPicture,
    summary: "A lot's picture (PNG/JPEG/WebP ≤ 5 MB, re-encoded), for the lot's save to attach",
    tag: 'organizer',
    access: 'organizer',
    upload: 'image',
    response: lotPictureSchema,
    status: 201,
  },
  deleteAuctionLot: {
    ...endpoints.deleteAuctionLot,
    summary: 'Take a lot down while nobody has bid on it (a lot with bids stays: its log is the result)',
    tag: 'organizer',
    access: 'organizer',
    params: lotParamsSchema,
    response: z.object({ ok: z.literal(true) }),
  },
  sessionAuctionLots: {
    ...endpoints.sessionAuctionLots,
    summary: "An agenda session's auction lots with their price so far (the agenda page lists them)",
    tag: 'expo',
    access: 'public',
    params: lotSessionParamsSchema,
    response: sessionLotsSchema,
  },
  exportAuctionBids: {
    ...endpoints.exportAuctionBids,
    summary: "A lot's accepted bids in order, with their hash chain, as CSV (UTF-8 with BOM); settlement is off-platform",
    tag: 'organizer',
    access: 'organizer',
    params: lotParamsSchema,
    response: z.string(),
    raw: 'file',
  },
} as const satisfies Record<string, RouteDef>;
