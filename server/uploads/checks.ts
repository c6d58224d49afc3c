/**
 * Content checks for each upload kind. Every check looks at the bytes; names and declared types are
 * ignored. Images are decoded and re-encoded (which drops metadata and anything hidden after the
 * pixels); videos, PDFs and models are kept byte for byte once they pass.
 */
import zlib from 'node:zlib';
import sharp from 'sharp';
import * as gltfValidator from 'gltf-validator';
import { UploadError } from './errors';
import { sniff } from './sniff';

export interface CheckedFile {
  data: Buffer;
  ext: 'webp' | 'mp4' | 'pdf' | 'glb' | 'vtt';
  mime: string;
  width?: number;
  height?: number;
}

const MAX_INPUT_PIXELS = 40_000_000;

/** PNG, JPEG or WebP in; WebP out, at most `maxSide` pixels on its longer side, without metadata. */
export async function checkImage(data: Buffer, maxSide: number): Promise<CheckedFile> {
  const kind = sniff(data);
  if (kind !== 'png' && kind !== 'jpeg' && kind !== 'webp') {
    const what = kind === 'svg' ? 'SVG images are not accepted' : kind === 'unknown' ? 'This is not an image' : `This is a ${kind.toUpperCase()} file`;
    throw new UploadError(415, 'unsupported_type', `${what}: use PNG, JPEG or WebP`);
  }
  try {
    const img = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false });
    const meta = await img.metadata();
    if (meta.format !== (kind === 'jpeg' ? 'jpeg' : kind)) throw new Error('format mismatch');
    const { data: out, info } = await img
      .rotate() // apply EXIF orientation before the metadata goes
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 86, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    return { data: out, ext: 'webp', mime: 'image/webp', width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof UploadError) throw err;
    const msg = String((err as Error).message ?? err);
    if (/pixel limit/i.test(msg)) throw new UploadError(413, 'too_many_pixels', 'The image has too many pixels (at most 40 megapixels)');
    throw new UploadError(415, 'damaged', 'The image could not be read; it may be damaged');
  }
}

const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'mmp4', 'M4V ', 'MSNV', 'XAVC', 'f4v ', 'qt  ']);

/** An MP4 whose top-level boxes add up exactly, starting with ftyp and holding a moov. */
export function checkMp4(data: Buffer): CheckedFile {
  if (sniff(data) !== 'mp4') throw new UploadError(415, 'unsupported_type', 'This is not an MP4 video');
  const brand = data.toString('latin1', 8, 12);
  if (!MP4_BRANDS.has(brand)) throw new UploadError(415, 'unsupported_type', `Unsupported MP4 brand "${brand.replace(/[^\x20-\x7e]/g, '?')}"`);
  let off = 0;
  let moov = false;
  let boxes = 0;
  while (off < data.length) {
    if (off + 8 > data.length) throw new UploadError(415, 'damaged', 'The video is truncated');
    let size = data.readUInt32BE(off);
    const type = data.toString('latin1', off + 4, off + 8);
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw new UploadError(415, 'damaged', 'The video is damaged');
    let header = 8;
    if (size === 1) {
      if (off + 16 > data.length) throw new UploadError(415, 'damaged', 'The video is truncated');
      const big = data.readBigUInt64BE(off + 8);
      if (big > BigInt(data.length)) throw new UploadError(415, 'damaged', 'The video is truncated');
      size = Number(big);
      header = 16;
    } else if (size === 0) {
      size = data.length - off;
    }
    if (size < header || off + size > data.length) throw new UploadError(415, 'damaged', 'The video is truncated or damaged');
    if (type === 'moov') moov = true;
    off += size;
    if (++boxes > 10_000) throw new UploadError(415, 'damaged', 'The video is damaged');
  }
  if (!moov) throw new UploadError(415, 'damaged', 'The video has no index (moov box); export it again as a standard MP4');
  return { data, ext: 'mp4', mime: 'video/mp4' };
}

/** PDF names that run code, open other programs or carry other files. */
const PDF_ACTIVE = new Set([
  '/JavaScript',
  '/JS',
  '/Launch',
  '/EmbeddedFile',
  '/EmbeddedFiles',
  '/RichMedia',
  '/XFA',
  '/OpenAction',
  '/AA',
  '/SubmitForm',
  '/ImportData',
]);

function activeNames(text: string): string | null {
  for (const m of text.matchAll(/\/[A-Za-z0-9#]+/g)) {
    // PDF names may hide letters as #xx escapes (/J#61vaScript).
    const name = m[0].replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (PDF_ACTIVE.has(name)) return name;
  }
  return null;
}

/** A PDF with no scripts, launch actions or embedded files, also inside compressed object streams. */
export function checkPdf(data: Buffer): CheckedFile {
  if (sniff(data) !== 'pdf') throw new UploadError(415, 'unsupported_type', 'This is not a PDF');
  if (
    !data
      .subarray(Math.max(0, data.length - 2048))
      .toString('latin1')
      .includes('%%EOF')
  ) {
    throw new UploadError(415, 'damaged', 'The PDF is truncated');
  }
  const text = data.toString('latin1');
  let found = activeNames(text);
  if (!found) {
    const re = /stream\r?\n/g;
    let m: RegExpExecArray | null;
    let inflated = 0;
    while (!found && (m = re.exec(text))) {
      const start = m.index + m[0].length;
      const end = text.indexOf('endstream', start);
      if (end < 0) break;
      try {
        const out = zlib.inflateSync(data.subarray(start, end), { maxOutputLength: 32 * 1024 * 1024 });
        inflated += out.length;
        if (inflated > 256 * 1024 * 1024) throw new UploadError(415, 'unsafe', 'The PDF expands to too much data');
        found = activeNames(out.toString('latin1'));
      } catch (err) {
        if (err instanceof UploadError) throw err;
        // Not a Flate stream (an image, say): nothing to scan.
      }
      re.lastIndex = end;
    }
  }
  if (found) throw new UploadError(415, 'unsafe', `PDFs with active content (${found}) are not accepted: export it again as a plain PDF`);
  return { data, ext: 'pdf', mime: 'application/pdf' };
}

/** Extensions that need decoders we would have to fetch from elsewhere. */
const UNSUPPORTED_REQUIRED = new Set(['KHR_draco_mesh_compression', 'EXT_meshopt_compression', 'KHR_texture_basisu', 'EXT_texture_avif']);

/** A self-contained, valid glTF 2.0 binary (Khronos validator, no errors, no URIs at all). */
export async function checkGlb(data: Buffer): Promise<CheckedFile> {
  if (sniff(data) !== 'glb') throw new UploadError(415, 'unsupported_type', 'This is not a GLB (binary glTF) file');
  if (data.length < 20 || data.readUInt32LE(4) !== 2) throw new UploadError(415, 'unsupported_type', 'Only glTF 2.0 models are accepted');
  if (data.readUInt32LE(8) !== data.length) throw new UploadError(415, 'damaged', 'The GLB length does not match the file');
  const jsonLen = data.readUInt32LE(12);
  if (data.readUInt32LE(16) !== 0x4e4f534a || 20 + jsonLen > data.length) throw new UploadError(415, 'damaged', 'The GLB has no JSON chunk');
  let gltf: { buffers?: { uri?: string }[]; images?: { uri?: string }[]; extensionsRequired?: string[] };
  try {
    gltf = JSON.parse(data.toString('utf8', 20, 20 + jsonLen));
  } catch {
    throw new UploadError(415, 'damaged', 'The GLB JSON chunk is not valid JSON');
  }
  const uris = [...(gltf.buffers ?? []), ...(gltf.images ?? [])].map((x) => x?.uri).filter((u): u is string => typeof u === 'string');
  if (uris.length) {
    throw new UploadError(415, 'external_uri', 'The model refers to files by URI; export a self-contained GLB with everything embedded');
  }
  const needs = (gltf.extensionsRequired ?? []).filter((e) => UNSUPPORTED_REQUIRED.has(e));
  if (needs.length) throw new UploadError(415, 'unsupported_extension', `The model needs ${needs.join(', ')}; export it without compression`);

  let report: gltfValidator.ValidationReport;
  try {
    report = await gltfValidator.validateBytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
      format: 'glb',
      maxIssues: 20,
      writeTimestamp: false,
      externalResourceFunction: () => Promise.reject(new Error('external resources are not allowed')),
    });
  } catch {
    throw new UploadError(415, 'damaged', 'The model could not be read as glTF 2.0');
  }
  const external = (report.info?.resources ?? []).some((r) => r.storage === 'external' || r.storage === 'data-uri');
  if (external) throw new UploadError(415, 'external_uri', 'The model refers to external resources; export a self-contained GLB');
  if (report.issues.numErrors > 0) {
    const first = report.issues.messages.filter((m) => m.severity === 0).slice(0, 3);
    const detail = first.map((m) => `${m.code}${m.pointer ? ` at ${m.pointer}` : ''}`).join('; ');
    throw new UploadError(422, 'invalid_gltf', `The model has ${report.issues.numErrors} glTF validation error(s): ${detail}`);
  }
  return { data, ext: 'glb', mime: 'model/gltf-binary' };
}

/**
 * WebVTT captions (issue #11): UTF-8 text whose first line is the WEBVTT signature (a BOM before it is
 * allowed), with no NUL bytes. The browser's <track> parses the cues; nothing else reads it. Kept byte
 * for byte, minus the BOM.
 */
export function checkVtt(data: Buffer): CheckedFile {
  const kind = sniff(data);
  if (kind !== 'unknown') throw new UploadError(415, 'unsupported_type', `This is a ${kind.toUpperCase()} file, not WebVTT captions`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new UploadError(415, 'unsupported_type', 'Captions must be UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // "WEBVTT" alone on its line, or followed by a space or tab and a header text
  if (!/^WEBVTT(?:[ \t][^\r\n]*)?(?:\r\n|\r|\n|$)/.test(text)) {
    throw new UploadError(415, 'unsupported_type', 'Captions must be a WebVTT file (the first line is "WEBVTT")');
  }
  if (text.includes('\0')) throw new UploadError(415, 'damaged', 'The captions contain NUL bytes');
  return { data: Buffer.from(text, 'utf8'), ext: 'vtt', mime: 'text/vtt' };
}
