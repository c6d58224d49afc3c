/**
 * Reads one multipart file from a request into memory, refusing early anything larger than the
 * limit (from Content-Length, then while streaming). The client's file name is kept only as a
 * cleaned-up display name.
 */
import type { Request } from 'express';
import busboy from 'busboy';
import { UPLOAD_FIELD } from '../../shared/api/uploads';
import { UploadError } from './errors';

export interface Received {
  data: Buffer;
  filename: string | undefined;
}

/** Multipart overhead allowed on top of the file itself. */
const ENVELOPE = 64 * 1024;

export function receiveFile(req: Request, maxBytes: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    const type = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data/i.test(type)) {
      reject(new UploadError(400, 'not_multipart', `Send the file as multipart/form-data in the field "${UPLOAD_FIELD}"`));
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE) {
      reject(new UploadError(413, 'too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
      return;
    }
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 5, fieldSize: 1024, parts: 8 } });
    } catch {
      reject(new UploadError(400, 'bad_multipart', 'The upload is not valid multipart/form-data'));
      return;
    }
    let settled = false;
    let got: Received | null = null;
    let pending = false;
    const fail = (e: UploadError) => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      req.resume(); // drain what is left so the answer can be sent
      reject(e);
    };

    bb.on('file', (field, stream, info) => {
      if (field !== UPLOAD_FIELD || got || pending) {
        stream.resume();
        fail(new UploadError(400, 'bad_field', `Send exactly one file, in the field "${UPLOAD_FIELD}"`));
        return;
      }
      pending = true;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        chunks.push(c);
      });
      stream.on('limit', () => {
        chunks.length = 0;
        fail(new UploadError(413, 'too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
      });
      stream.on('end', () => {
        pending = false;
        if (settled) return;
        if (size === 0) {
          fail(new UploadError(400, 'empty', 'The file is empty'));
          return;
        }
        got = { data: Buffer.concat(chunks, size), filename: info.filename };
      });
    });
    bb.on('filesLimit', () => fail(new UploadError(400, 'too_many_files', 'Send one file at a time')));
    bb.on('partsLimit', () => fail(new UploadError(400, 'bad_multipart', 'Too many parts in the upload')));
    bb.on('error', () => fail(new UploadError(400, 'bad_multipart', 'The upload is not valid multipart/form-data')));
    bb.on('close', () => {
      if (settled) return;
      if (!got) {
        fail(new UploadError(400, 'no_file', `No file in the field "${UPLOAD_FIELD}"`));
        return;
      }
      settled = true;
      resolve(got);
    });
    req.on('aborted', () => fail(new UploadError(400, 'aborted', 'The upload was interrupted')));
    req.pipe(bb);
  });
}
