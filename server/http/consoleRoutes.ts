/**
 * The exhibitor console's writes: booth texts and looks, media uploads, products, duty. Access is
 * checked by bind() before any body is read; every change is announced to the booth's hall.
 */
import type { Request, Router } from 'express';
import { routes } from '../../shared/api/routes';
import { IMAGE_MAX_SIDE, UPLOAD_KINDS, type UploadKind } from '../../shared/api/uploads';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { boothView, productView } from './views';
import type { BoothRecord } from '../db/repositories/booths';
import type { MediaKind, NewMedia } from '../db/repositories/media';
import { receiveFile } from '../uploads/receive';
import { checkGlb, checkImage, checkMp4, checkPdf, type CheckedFile } from '../uploads/checks';
import { displayName } from '../uploads/filename';
import { textFields } from '../moderation/wordFilter';
import { refuseListedWords } from './wordListRoutes';

/** Uploads being checked at once; more wait for a slot (decoding images and models is CPU-bound). */
const MAX_CONCURRENT_UPLOADS = 3;
/** Staff stay "on duty" this long after their console last said so. */
export const DUTY_TTL_MS = 5 * 60 * 1000;

export function consoleRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  let running = 0;

  const changed = (r: BoothRecord) => {
    if (r.booth.slot_id) s.events.boothChanged(r.booth.hall_id, r.booth.id, Math.max(r.booth.updated_at, r.exhibitor.updated_at));
    return r;
  };

  /** Receives, checks and stores one file; the DB write is `save`. Nothing stays behind on failure. */
  async function upload<T>(
    ctx: { req: Request; params: { boothId: string } },
    kind: UploadKind,
    mediaKind: MediaKind,
    check: (data: Buffer) => Promise<CheckedFile>,
    save: (m: NewMedia) => Promise<{ record: BoothRecord; orphans: string[] } & T>,
  ): Promise<{ record: BoothRecord } & T> {
    if (running >= MAX_CONCURRENT_UPLOADS)
      throw new HttpError(503, 'busy', 'The server is busy with other uploads; try again in a moment', { 'Retry-After': '5' });
    running++;
    let stored: string | null = null;
    try {
      const booth = await s.repos.booths.get(ctx.params.boothId);
      if (!booth) throw new HttpError(404, 'not_found', 'No such booth');
      const received = await receiveFile(ctx.req, UPLOAD_KINDS[kind].maxBytes);
      const checked = await check(received.data);
      stored = await s.store.put(checked.data, checked.ext);
      const result = await save({
        exhibitorId: booth.exhibitor.id,
        kind: mediaKind,
        file: stored,
        mime: checked.mime,
        bytes: checked.data.length,
        width: checked.width ?? null,
        height: checked.height ?? null,
        displayName: displayName(received.filename, checked.ext),
      });
      stored = null; // the database owns it now
      await s.store.remove(result.orphans);
      changed(result.record);
      return result;
    } finally {
      running--;
      if (stored) await s.store.remove([stored]);
    }
  }

  // booth texts with a listed word are refused (400 text_refused naming the field), never stored
  const refuseWords = (body: Record<string, unknown>, keys: readonly string[]) => refuseListedWords(s.words, textFields(body, keys));

  bind(router, routes.updateBooth, deps, async ({ params, body }) => {
    refuseWords(body, ['name', 'title', 'description']);
    return boothView(changed(await s.repos.booths.update(params.boothId, body)));
  });

  bind(router, routes.uploadLogo, deps, async (ctx) => {
    const { record } = await upload(
      ctx,
      'image',
      'logo',
      (d) => checkImage(d, IMAGE_MAX_SIDE.logo),
      (m) => s.repos.booths.setMedia(ctx.params.boothId, 'logo', m),
    );
    return boothView(record);
  });

  const removeMedia = async (boothId: string, slot: 'logo' | 'video' | 'brochure') => {
    const { record, orphans } = await s.repos.booths.setMedia(boothId, slot, null);
    await s.store.remove(orphans);
    return boothView(changed(record));
  };
  bind(router, routes.deleteLogo, deps, async ({ params }) => removeMedia(params.boothId, 'logo'));

  bind(router, routes.addImage, deps, async (ctx) => {
    const { record } = await upload(
      ctx,
      'image',
      'image',
      (d) => checkImage(d, IMAGE_MAX_SIDE.gallery),
      async (m) => ({ record: await s.repos.booths.addImage(ctx.params.boothId, m), orphans: [] }),
    );
    return boothView(record);
  });

  bind(router, routes.deleteImage, deps, async ({ params }) => {
    const { record, orphans } = await s.repos.booths.deleteImage(params.boothId, params.itemId);
    await s.store.remove(orphans);
    return boothView(changed(record));
  });

  bind(router, routes.uploadVideo, deps, async (ctx) => {
    const { record } = await upload(
      ctx,
      'video',
      'video',
      async (d) => checkMp4(d),
      (m) => s.repos.booths.setMedia(ctx.params.boothId, 'video', m),
    );
    return boothView(record);
  });
  bind(router, routes.deleteVideo, deps, async ({ params }) => removeMedia(params.boothId, 'video'));

  bind(router, routes.uploadBrochure, deps, async (ctx) => {
    const { record } = await upload(
      ctx,
      'brochure',
      'brochure',
      async (d) => checkPdf(d),
      (m) => s.repos.booths.setMedia(ctx.params.boothId, 'brochure', m),
    );
    return boothView(record);
  });
  bind(router, routes.deleteBrochure, deps, async ({ params }) => removeMedia(params.boothId, 'brochure'));

  const productOf = (r: BoothRecord, id: string) => {
    const p = r.products.find((x) => x.row.id === id);
    if (!p) throw new HttpError(404, 'not_found', 'No such product');
    return productView(p);
  };

  bind(router, routes.addProduct, deps, async ({ params, body }) => {
    refuseWords(body, ['name', 'description']);
    const { record, productId } = await s.repos.booths.addProduct(params.boothId, body);
    return productOf(changed(record), productId);
  });

  bind(router, routes.updateProduct, deps, async ({ params, body }) => {
    refuseWords(body, ['name', 'description']);
    return productOf(changed(await s.repos.booths.updateProduct(params.boothId, params.itemId, body)), params.itemId);
  });

  bind(router, routes.deleteProduct, deps, async ({ params }) => {
    const { record, orphans } = await s.repos.booths.deleteProduct(params.boothId, params.itemId);
    await s.store.remove(orphans);
    return boothView(changed(record));
  });

  bind(router, routes.uploadProductImage, deps, async (ctx) => {
    const { record } = await upload(
      ctx,
      'image',
      'product_image',
      (d) => checkImage(d, IMAGE_MAX_SIDE.product),
      (m) => s.repos.booths.setProductMedia(ctx.params.boothId, ctx.params.itemId, 'image', m),
    );
    return productOf(record, ctx.params.itemId);
  });

  bind(router, routes.uploadProductModel, deps, async (ctx) => {
    const { record } = await upload(ctx, 'model', 'model', checkGlb, (m) => s.repos.booths.setProductMedia(ctx.params.boothId, ctx.params.itemId, 'model', m));
    return productOf(record, ctx.params.itemId);
  });

  bind(router, routes.deleteProductModel, deps, async ({ params }) => {
    const { record, orphans } = await s.repos.booths.setProductMedia(params.boothId, params.itemId, 'model', null);
    await s.store.remove(orphans);
    return productOf(changed(record), params.itemId);
  });

  bind(router, routes.setDuty, deps, async ({ params, body, user }) => {
    if (user.role !== 'exhibitor') throw new HttpError(403, 'forbidden', "Only the booth's staff go on duty");
    const until = body.onDuty ? Date.now() + DUTY_TTL_MS : null;
    await s.repos.booths.setDuty(user.id, until);
    const r = await s.repos.booths.get(params.boothId);
    if (!r) throw new HttpError(404, 'not_found', 'No such booth');
    if (r.booth.slot_id) {
      s.events.boothChanged(r.booth.hall_id, r.booth.id);
      s.duty.renewed(user.id, r.booth.hall_id, r.booth.id, until);
    }
    return boothView(r);
  });
}
