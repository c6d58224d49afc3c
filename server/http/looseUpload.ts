/**
 * One organizer upload for a form not saved yet (agenda speaker photos, videos and captions; auction
 * lot pictures): receive the file within its size limit, check it (magic bytes, re-encoding), store
 * it, and record it as loose media the form's save will attach; on any failure nothing stays behind.
 * Loose media no saved record holds are swept once a day old. A few uploads at once per route group:
 * checking (decoding, re-encoding) is the costly part.
 */
import type { Request } from 'express';
import { HttpError } from './bind';
import type { ExpoServices } from './services';
import { MEDIA_PREFIX } from './views';
import type { MediaRow, NewMedia } from '../db/repositories/media';
import type { CheckedFile } from '../uploads/checks';
import { receiveFile } from '../uploads/receive';
import { displayName } from '../uploads/filename';

/** Uploads checked at once per route group. */
const MAX_CONCURRENT_UPLOADS = 2;
/** An upload that no saved record holds after this long is swept (a form left unsaved). */
export const LOOSE_UPLOAD_MS = 24 * 3600_000;

export interface LooseUploadKind {
  maxBytes: number;
  check(data: Buffer): Promise<CheckedFile> | CheckedFile;
  /** records the stored file as loose media */
  add(m: Omit<NewMedia, 'kind' | 'exhibitorId'>): Promise<MediaRow>;
  /** removes loose media older than `before` from the database; returns their files */
  sweep(before: number): Promise<string[]>;
}

export interface LooseUploaded {
  mediaId: string;
  url: string;
  bytes: number;
  name: string;
}

/** A route group's uploader: its own budget of uploads at once. */
export function looseUploader(s: Pick<ExpoServices, 'store'>): (req: Request, kind: LooseUploadKind) => Promise<LooseUploaded> {
  let running = 0;
  return async (req, kind) => {
    if (running >= MAX_CONCURRENT_UPLOADS)
      throw new HttpError(503, 'busy', 'The server is busy with other uploads; try again in a moment / 服务器正忙，请稍后再试', { 'Retry-After': '5' });
    running++;
    let stored: string | null = null;
    try {
      const received = await receiveFile(req, kind.maxBytes);
      const checked = await kind.check(received.data);
      stored = await s.store.put(checked.data, checked.ext);
      const name = displayName(received.filename, checked.ext);
      const row = await kind.add({
        file: stored,
        mime: checked.mime,
        bytes: checked.data.length,
        width: checked.width ?? null,
        height: checked.height ?? null,
        displayName: name,
      });
      stored = null; // the database owns it now
      await s.store.remove(await kind.sweep(Date.now() - LOOSE_UPLOAD_MS));
      return { mediaId: row.id, url: `${MEDIA_PREFIX}${row.file}`, bytes: row.bytes, name };
    } finally {
      running--;
      if (stored) await s.store.remove([stored]);
    }
  };
}
