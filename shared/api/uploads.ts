/** What each upload slot accepts. The server checks content (magic bytes, decoding); the client checks size early. */
export const UPLOAD_KINDS = {
  /** logo and gallery images: PNG, JPEG or WebP, re-encoded to WebP without metadata */
  image: { maxBytes: 5 * 1024 * 1024, accept: 'image/png,image/jpeg,image/webp', formats: ['png', 'jpeg', 'webp'] },
  video: { maxBytes: 50 * 1024 * 1024, accept: 'video/mp4', formats: ['mp4'] },
  brochure: { maxBytes: 20 * 1024 * 1024, accept: 'application/pdf', formats: ['pdf'] },
  model: { maxBytes: 15 * 1024 * 1024, accept: '.glb,model/gltf-binary', formats: ['glb'] },
  /** WebVTT captions for an agenda session's video or stream (issue #11): UTF-8 text starting with WEBVTT */
  captions: { maxBytes: 512 * 1024, accept: '.vtt,text/vtt', formats: ['vtt'] },
} as const;
export type UploadKind = keyof typeof UPLOAD_KINDS;

/** The multipart field that carries the file. */
export const UPLOAD_FIELD = 'file';

/** Largest side of a re-encoded image, by use. */
export const IMAGE_MAX_SIDE = { logo: 512, gallery: 1600, product: 1024 } as const;

/**
 * Why an upload was refused: the `error` field of the 4xx answer. Stable codes, so the console can
 * say it in the visitor's language and tests can tell one refusal from another.
 */
export const UploadRefusal = {
  notMultipart: 'not_multipart',
  badMultipart: 'bad_multipart',
  badField: 'bad_field',
  noFile: 'no_file',
  tooManyFiles: 'too_many_files',
  empty: 'empty',
  aborted: 'aborted',
  tooLarge: 'too_large',
  tooManyPixels: 'too_many_pixels',
  unsupportedType: 'unsupported_type',
  damaged: 'damaged',
  unsafe: 'unsafe',
  externalUri: 'external_uri',
  unsupportedExtension: 'unsupported_extension',
  invalidGltf: 'invalid_gltf',
} as const;
export type UploadRefusal = (typeof UploadRefusal)[keyof typeof UploadRefusal];
