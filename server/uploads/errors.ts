/** An upload refused on purpose: the status and a message the exhibitor can act on. */
export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}
