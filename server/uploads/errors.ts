import type { UploadRefusal } from '../../shared/api/uploads';

/** An upload refused on purpose: the status, a reason code (shared/api/uploads.ts) and a message the exhibitor can act on. */
export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    readonly code: UploadRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}
