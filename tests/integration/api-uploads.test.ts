/**
 * The upload rejection corpus: files that lie about their type, are too large, carry scripts or
 * external references, or come with hostile names. Each is refused with a 4xx and a message, and
 * a refused upload leaves nothing behind — no file, no database row.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteName } from '../../shared/api/routes';
import { UploadRefusal } from '../../shared/api/uploads';
import { writeGlb, box as glbBox } from '../../server/seed/glb';
import { glb, jpegWithExif, mp4, pdf, png, startHarness, type Harness } from './apiHarness';

let h: Harness;
let uploadDir: string;
let productId: string;

beforeAll(async () => {
  h = await startHarness();
  uploadDir = h.server.app.expo.store.dir;
  productId = (await h.server.app.expo.repos.booths.addProduct(h.a.boothId, { name: { zh: '品', en: 'P' }, description: { zh: '', en: '' } })).productId;
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

function files(): string[] {
  return fs.readdirSync(uploadDir).filter((f) => !f.startsWith('.'));
}
function tmpFiles(): string[] {
  return fs.existsSync(path.join(uploadDir, '.tmp')) ? fs.readdirSync(path.join(uploadDir, '.tmp')) : [];
}
async function mediaRows(): Promise<number> {
  return (await h.server.app.expo.repos.media.allFiles()).size;
}

/** Uploads as exhibitor A, checks the status and the reason code, and that the refusal left no trace. */
async function refused(
  route: RouteName,
  data: Buffer,
  name: string,
  status: number,
  code: UploadRefusal,
  params: Record<string, string> = { boothId: h.a.boothId },
  type?: string,
) {
  const before = { files: files().sort(), rows: await mediaRows() };
  const r = await h.call('exhibitorA', route, { params, file: { data, name, type } });
  expect(r.status, r.text).toBe(status);
  expect(r.json, r.text).toMatchObject({ error: code, message: expect.any(String) });
  expect(files().sort()).toEqual(before.files);
  expect(await mediaRows()).toBe(before.rows);
  expect(tmpFiles()).toEqual([]);
  return r.json as { error: string; message: string };
}

function pdfWith(extra: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog ${extra} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

function glbFromJson(json: object, bin: Buffer = Buffer.alloc(0)): Buffer {
  let j = Buffer.from(JSON.stringify(json));
  if (j.length % 4) j = Buffer.concat([j, Buffer.alloc(4 - (j.length % 4), 0x20)]);
  let b: Buffer = bin;
  if (b.length % 4) b = Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]);
  const chunks: Buffer[] = [Buffer.alloc(8), j];
  chunks[0].writeUInt32LE(j.length, 0);
  chunks[0].writeUInt32LE(0x4e4f534a, 4);
  if (b.length) {
    const bh = Buffer.alloc(8);
    bh.writeUInt32LE(b.length, 0);
    bh.writeUInt32LE(0x004e4942, 4);
    chunks.push(bh, b);
  }
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.writeUInt32LE(0x46546c67, 0);
  head.writeUInt32LE(2, 4);
  head.writeUInt32LE(12 + body.length, 8);
  return Buffer.concat([head, body]);
}

describe('images', () => {
  it('refuse a text file named .png', async () => {
    expect(
      (await refused('uploadLogo', Buffer.from('hello, I am not a picture'), 'logo.png', 415, UploadRefusal.unsupportedType, undefined, 'image/png')).message,
    ).toMatch(/PNG, JPEG or WebP/);
  });
  it('refuse SVG, with or without script', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
    );
    expect((await refused('uploadLogo', svg, 'logo.png', 415, UploadRefusal.unsupportedType, undefined, 'image/png')).message).toMatch(/SVG/);
    await refused('addImage', Buffer.from('<svg onload="alert(1)" xmlns="http://www.w3.org/2000/svg"/>'), 'x.svg', 415, UploadRefusal.unsupportedType);
  });
  it('refuse HTML pretending to be a JPEG', async () => {
    await refused('addImage', Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg', 415, UploadRefusal.unsupportedType, undefined, 'image/jpeg');
  });
  it('refuse GIF', async () => {
    await refused('addImage', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'a.gif', 415, UploadRefusal.unsupportedType);
  });
  it('refuse a damaged PNG', async () => {
    const good = await png(200, 200);
    await refused('uploadLogo', good.subarray(0, 60), 'cut.png', 415, UploadRefusal.damaged);
  });
  it('refuse files over 5 MB', async () => {
    const big = Buffer.concat([await png(), Buffer.alloc(5 * 1024 * 1024 + 1)]);
    await refused('addImage', big, 'big.png', 413, UploadRefusal.tooLarge);
  });
  it('refuse a picture with too many pixels (decompression bomb)', async () => {
    const bomb = await sharp({ create: { width: 10000, height: 5000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    await refused('addImage', bomb, 'bomb.png', 413, UploadRefusal.tooManyPixels);
  });
  it('re-encode accepted images and drop their metadata', async () => {
    const r = await h.call('exhibitorA', 'addImage', { params: { boothId: h.a.boothId }, file: { data: await jpegWithExif(), name: 'exif.jpg' } });
    expect(r.status).toBe(201);
    const url: string = r.json.images.at(-1).url;
    expect(url).toMatch(/^\/media\/[a-z0-9]{24}\.webp$/);
    const stored = fs.readFileSync(path.join(uploadDir, url.replace('/media/', '')));
    expect(stored.toString('latin1', 8, 12)).toBe('WEBP');
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('secret-location-data'))).toBe(false);
  });
});

describe('file names', () => {
  it('never become paths', async () => {
    const names = [
      '../../../../etc/passwd.png',
      '..\\..\\windows\\system32\\evil.png',
      '/etc/cron.d/x.png',
      'a\u0000b.png',
      '.htaccess',
      '%2e%2e%2fescape.png',
      '鹭岛/../../标志.png',
    ];
    for (const name of names) {
      const r = await h.call('exhibitorA', 'uploadLogo', { params: { boothId: h.a.boothId }, file: { data: await png(), name } });
      // Accepted under a server-made name, or refused as malformed multipart: never a path, never a 500.
      expect([200, 400], name).toContain(r.status);
      if (r.status === 400) expect(r.json.error, name).toBe(UploadRefusal.badMultipart);
      if (r.status === 200) expect(r.json.exhibitor.logo.url).toMatch(/^\/media\/[a-z0-9]{24}\.webp$/);
    }
    // Everything landed inside the upload directory, under server-made names.
    expect(files().every((f) => /^[a-z0-9]{24}\.(webp|mp4|pdf|glb)$/.test(f))).toBe(true);
    expect(fs.existsSync(path.join(uploadDir, '..', 'escape.png'))).toBe(false);
    // The replaced logos were removed: one logo file per booth.
    expect(files().length).toBe(await mediaRows());
  });
  it('are cleaned up for brochure downloads', async () => {
    const r = await h.call('exhibitorA', 'uploadBrochure', { params: { boothId: h.a.boothId }, file: { data: pdf(), name: '../../"quo\u202etes"<b>.pdf' } });
    expect(r.status).toBe(200);
    const name: string = r.json.brochure.name;
    expect(name).toMatch(/\.pdf$/);
    expect(name).not.toMatch(/["<>/\\\u202e]|\.\./);
    expect(name).toContain('quo');
  });
});

describe('multipart shape', () => {
  it('refuses two files, the wrong field, no file and a non-multipart body', async () => {
    const two = new FormData();
    two.append('file', new Blob([new Uint8Array(await png())]), 'a.png');
    two.append('file', new Blob([new Uint8Array(await png())]), 'b.png');
    const before = files().length;
    const logo = `/api/booths/${h.a.boothId}/logo`;
    const refusal = async (r: Promise<{ status: number; json: { error?: string } | null }>) => {
      const res = await r;
      return [res.status, res.json?.error];
    };
    expect(await refusal(h.raw('PUT', logo, { role: 'exhibitorA', body: two }))).toEqual([400, UploadRefusal.tooManyFiles]);
    const wrong = new FormData();
    wrong.append('image', new Blob([new Uint8Array(await png())]), 'a.png');
    expect(await refusal(h.raw('PUT', logo, { role: 'exhibitorA', body: wrong }))).toEqual([400, UploadRefusal.badField]);
    const none = new FormData();
    none.append('note', 'hello');
    expect(await refusal(h.raw('PUT', logo, { role: 'exhibitorA', body: none }))).toEqual([400, UploadRefusal.noFile]);
    const notMultipart = h.raw('PUT', logo, { role: 'exhibitorA', headers: { 'content-type': 'image/png' }, body: new Uint8Array(await png()) });
    expect(await refusal(notMultipart)).toEqual([400, UploadRefusal.notMultipart]);
    expect(files().length).toBe(before);
  });
  it('refuses an upload to another booth before reading it', async () => {
    const before = files().length;
    const r = await h.call('exhibitorB', 'uploadLogo', { params: { boothId: h.a.boothId }, file: { data: await png(), name: 'x.png' } });
    expect(r.status).toBe(403);
    expect(r.json.error).toBe('forbidden');
    expect(files().length).toBe(before);
  });
});

describe('videos', () => {
  it('refuse a non-MP4 and an MP4 without an index', async () => {
    await refused('uploadVideo', await png(), 'clip.mp4', 415, UploadRefusal.unsupportedType, undefined, 'video/mp4');
    await refused('uploadVideo', mp4({ moov: false }), 'clip.mp4', 415, UploadRefusal.damaged);
  });
  it('refuse a truncated MP4', async () => {
    const v = mp4();
    await refused('uploadVideo', v.subarray(0, v.length - 10), 'clip.mp4', 415, UploadRefusal.damaged);
  });
  it('refuse files over 50 MB', async () => {
    const big = Buffer.concat([mp4(), Buffer.alloc(50 * 1024 * 1024)]);
    await refused('uploadVideo', big, 'big.mp4', 413, UploadRefusal.tooLarge);
  });
});

describe('brochures', () => {
  it('refuse a non-PDF', async () => {
    await refused('uploadBrochure', await png(), 'b.pdf', 415, UploadRefusal.unsupportedType, undefined, 'application/pdf');
  });
  it('refuse PDFs with JavaScript or launch actions, also when disguised', async () => {
    await refused('uploadBrochure', pdfWith('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'js.pdf', 415, UploadRefusal.unsafe);
    await refused('uploadBrochure', pdfWith('/OpenAction << /S /J#61vaScript /J#53 (x) >>'), 'hex.pdf', 415, UploadRefusal.unsafe);
    await refused('uploadBrochure', pdfWith('/AA << /O << /S /Launch /F (cmd.exe) >> >>'), 'launch.pdf', 415, UploadRefusal.unsafe);
    // hidden inside a compressed object stream
    const zlib = await import('node:zlib');
    const hidden = zlib.deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>'));
    const withStream = Buffer.concat([
      Buffer.from('%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /Length ' + hidden.length + ' /Filter /FlateDecode >>\nstream\n', 'latin1'),
      hidden,
      Buffer.from('\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n', 'latin1'),
    ]);
    await refused('uploadBrochure', withStream, 'objstm.pdf', 415, UploadRefusal.unsafe);
  });
  it('refuse files over 20 MB', async () => {
    await refused('uploadBrochure', Buffer.concat([pdf(), Buffer.alloc(20 * 1024 * 1024)]), 'big.pdf', 413, UploadRefusal.tooLarge);
  });
});

describe('3D models', () => {
  const p = () => ({ boothId: h.a.boothId, itemId: productId });
  it('refuse a non-GLB', async () => {
    await refused('uploadProductModel', Buffer.from('{"asset":{"version":"2.0"}}'), 'm.glb', 415, UploadRefusal.unsupportedType, p());
  });
  it('refuse a GLB whose buffer is an external URI', async () => {
    const bad = glbFromJson({ asset: { version: '2.0' }, buffers: [{ byteLength: 12, uri: 'https://evil.example/payload.bin' }] });
    await refused('uploadProductModel', bad, 'm.glb', 415, UploadRefusal.externalUri, p());
  });
  it('refuse a GLB whose image is an external URI', async () => {
    const bad = glbFromJson({ asset: { version: '2.0' }, images: [{ uri: '../../secret.png' }] });
    await refused('uploadProductModel', bad, 'm.glb', 415, UploadRefusal.externalUri, p());
  });
  it('refuse a GLB that needs a decoder we would have to fetch', async () => {
    const bad = glbFromJson({ asset: { version: '2.0' }, extensionsUsed: ['KHR_draco_mesh_compression'], extensionsRequired: ['KHR_draco_mesh_compression'] });
    await refused('uploadProductModel', bad, 'm.glb', 415, UploadRefusal.unsupportedExtension, p());
  });
  it('refuse glTF 1 and a GLB whose length lies', async () => {
    const v1 = glb();
    const old = Buffer.from(v1);
    old.writeUInt32LE(1, 4);
    await refused('uploadProductModel', old, 'm.glb', 415, UploadRefusal.unsupportedType, p());
    const lying = Buffer.from(v1);
    lying.writeUInt32LE(v1.length + 100, 8);
    await refused('uploadProductModel', lying, 'm.glb', 415, UploadRefusal.damaged, p());
  });
  it('refuse a GLB that fails the Khronos validator', async () => {
    // an accessor pointing past its buffer view
    const good = writeGlb([{ name: 'cube', geometry: glbBox(1, 1, 1), color: [1, 0, 0] }]);
    const jsonLen = good.readUInt32LE(12);
    const json = JSON.parse(good.toString('utf8', 20, 20 + jsonLen));
    json.accessors[0].count = 100000;
    const bin = good.subarray(20 + jsonLen + 8);
    const r = await refused('uploadProductModel', glbFromJson(json, bin), 'm.glb', 422, UploadRefusal.invalidGltf, p());
    expect(r.message).toMatch(/validation error/);
  });
  it('refuse files over 15 MB', async () => {
    await refused('uploadProductModel', Buffer.concat([glb(), Buffer.alloc(15 * 1024 * 1024)]), 'm.glb', 413, UploadRefusal.tooLarge, p());
  });
  it('accept a valid, self-contained model', async () => {
    const r = await h.call('exhibitorA', 'uploadProductModel', { params: p(), file: { data: glb(), name: 'speaker.glb' } });
    expect(r.status).toBe(200);
    expect(r.json.model.url).toMatch(/^\/media\/[a-z0-9]{24}\.glb$/);
  });
});

describe('after all that', () => {
  it('the upload directory holds exactly the files the database knows', async () => {
    expect(files().sort()).toEqual([...(await h.server.app.expo.repos.media.allFiles())].sort());
    expect(tmpFiles()).toEqual([]);
  });
});
