/**
 * The live auction over HTTP (issue #12 item 7): a visitor account's bid (judged under the lot's
 * lock on the server's clock; every instance of the hall shows it within moments), and the
 * organizer's side: put a lot up in a hall (audited, and
 * every instance of the hall shows it at once), the lots with their results and whether each bid
 * log's hash chain is whole, and a lot's bids as CSV. No payment happens in the product: the
 * results are for the organizer to settle off-platform, under their own licence.
 */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { isHallId } from '../../shared/halls';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { csv, cstTime } from '../analytics/csv';
import { checkBidChain } from '../db/repositories/auction';
import { lotView } from '../auction/service';
import { IMAGE_MAX_SIDE, UPLOAD_KINDS } from '../../shared/api/uploads';
import { checkImage } from '../uploads/checks';
import { looseUploader } from './looseUpload';

async function activeExpo(s: ExpoServices) {
  const expo = await s.repos.expos.getActive();
  if (!expo) throw new HttpError(409, 'no_expo', 'There is no active expo / 当前没有进行中的展会');
  return expo;
}

export function auctionRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  bind(router, routes.placeBid, deps, async ({ user, body }) => {
    // what the others see as the leader: the display name the visitor gave their account (the
    // session lookup read it already: no second query on the busiest route of auction night)
    const name = user.displayName?.trim() || '鹭岛访客';
    const r = await s.auction.bid({ lotId: body.lotId, userId: user.id, name, amount: body.amount, key: body.key });
    if (!r.ok) return { key: body.key, ok: false, reason: r.reason, price: r.lot?.price ?? null, leading: r.lot?.leaderId === user.id };
    return { key: body.key, ok: true, reason: null, price: r.lot.price, leading: r.lot.leaderId === user.id };
  });

  bind(router, routes.auctionLots, deps, async () => {
    const expo = await activeExpo(s);
    const lots = await s.repos.auction.lots(expo.id);
    const out = [];
    for (const l of lots) out.push({ ...lotView(l), hallId: l.hallId, chainOk: checkBidChain(await s.repos.auction.bids(l.id)).length === 0 });
    return { lots: out };
  });

  bind(router, routes.createAuctionLot, deps, async ({ user, body }) => {
    const expo = await activeExpo(s);
    if (!isHallId(body.hallId) || !expo.halls.includes(body.hallId))
      throw new HttpError(400, 'unknown_hall', 'No such hall in this expo / 本届展会没有这个展厅');
    if (body.closesAt <= body.opensAt) throw new HttpError(400, 'bad_times', 'The lot must close after it opens / 结束时间须晚于开始时间');
    if (body.sessionId) {
      const session = (await s.repos.agenda.get(body.sessionId))?.row;
      if (!session || session.expo_id !== expo.id || session.kind !== 'auction' || session.hall_id !== body.hallId)
        throw new HttpError(400, 'bad_session', 'No auction session of this hall on the agenda / 该展厅议程中没有这场拍卖会');
    }
    let imageFile: string | null = null;
    if (body.pictureMediaId) {
      const picture = await s.repos.auction.picture(body.pictureMediaId);
      if (!picture) throw new HttpError(400, 'bad_picture', 'No such uploaded picture: upload it again / 找不到上传的图片，请重新上传');
      imageFile = picture.file;
    }
    const lot = await s.repos.auction.createLot({
      expoId: expo.id,
      hallId: body.hallId,
      sessionId: body.sessionId,
      kind: body.kind,
      title: body.title,
      description: body.description,
      imageFile,
      startPrice: body.startPrice,
      increment: body.increment,
      opensAt: body.opensAt,
      closesAt: body.closesAt,
      softCloseMs: body.softCloseS * 1000,
      by: user.id,
    });
    await s.repos.audit.record({ actorId: user.id, action: 'organizer.auction_lot', targetType: 'lot', targetId: lot.id });
    s.auction.changed(lot.hallId, lot.id);
    return lotView(lot);
  });

  bind(router, routes.deleteAuctionLot, deps, async ({ user, params }) => {
    const expo = await activeExpo(s);
    const lot = await s.repos.auction.lot(params.lotId);
    if (!lot || lot.expoId !== expo.id) throw new HttpError(404, 'not_found', 'No such lot / 没有这件拍品');
    const r = await s.repos.auction.deleteLot(lot.id);
    if (!r.ok && r.reason === 'has_bids')
      throw new HttpError(409, 'has_bids', 'This lot has bids: it stays, its log is the result / 这件拍品已有出价，不能撤下（出价记录即结果）');
    if (!r.ok) throw new HttpError(404, 'not_found', 'No such lot / 没有这件拍品');
    if (r.file) await s.store.remove([r.file]);
    await s.repos.audit.record({ actorId: user.id, action: 'organizer.auction_lot_delete', targetType: 'lot', targetId: lot.id });
    s.auction.changed(lot.hallId, lot.id);
    return { ok: true as const };
  });

  // a lot's picture, before the lot is saved (./looseUpload.ts)
  const uploader = looseUploader(s);
  bind(router, routes.uploadAuctionPicture, deps, async ({ req }) =>
    uploader(req, {
      maxBytes: UPLOAD_KINDS.image.maxBytes,
      check: (d) => checkImage(d, IMAGE_MAX_SIDE.product),
      add: (m) => s.repos.auction.addPicture(m),
      sweep: (before) => s.repos.auction.sweepPictures(before),
    }),
  );

  // public: the agenda page lists an auction session's lots under it
  bind(router, routes.sessionAuctionLots, deps, async ({ params }) => {
    const expo = await activeExpo(s);
    return { lots: (await s.repos.auction.sessionLots(expo.id, params.sessionId)).map((l) => ({ ...lotView(l), hallId: l.hallId })) };
  });

  bind(router, routes.exportAuctionBids, deps, async ({ params, res }) => {
    const lot = await s.repos.auction.lot(params.lotId);
    const expo = await activeExpo(s);
    if (!lot || lot.expoId !== expo.id) throw new HttpError(404, 'not_found', 'No such lot / 没有这件拍品');
    const bids = await s.repos.auction.bids(lot.id);
    const rows: (string | number)[][] = [
      ['序号 Seq', '时间 Time (UTC+8)', '竞拍者 Bidder', '出价 Amount (CNY)', '结束时间 Closes (UTC+8)', '前一哈希 Prev hash', '哈希 Hash'],
    ];
    for (const b of bids) rows.push([b.seq, cstTime(b.at), b.name, b.amount, cstTime(b.closesAt), b.prevHash, b.hash]);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="auction-${lot.id}.csv"`);
    res.status(200).end(csv(rows));
    return undefined;
  });
}
