/**
 * Where uploaded media live: one flat directory of server-named files (`<24 chars>.<ext>`), plus a
 * .tmp directory for uploads in flight. A file name never comes from a client.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../db/repositories/ids';

export const MEDIA_FILE = /^[a-z0-9]{24}\.(webp|mp4|pdf|glb|vtt)$/;

export const MEDIA_TYPES: Record<string, string> = {
  webp: 'image/webp',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
  glb: 'model/gltf-binary',
  vtt: 'text/vtt; charset=utf-8',
};

export class MediaStore {
  readonly tmpDir: string;

  constructor(readonly dir: string) {
    this.tmpDir = path.join(dir, '.tmp');
  }

  init(): void {
    fs.mkdirSync(this.tmpDir, { recursive: true });
  }

  /** A fresh temp path for an upload in flight. */
  tmpPath(): string {
    this.init();
    return path.join(this.tmpDir, `${crypto.randomBytes(12).toString('hex')}.part`);
  }

  /** Writes bytes under a new server-made name and returns the name. */
  async put(data: Buffer, ext: string): Promise<string> {
    this.init();
    const file = `${newId(24)}.${ext}`;
    const tmp = this.tmpPath();
    await fs.promises.writeFile(tmp, data, { flag: 'wx' });
    await fs.promises.rename(tmp, path.join(this.dir, file));
    return file;
  }

  /** Absolute path of a stored file, or null for any name we would not have made. */
  resolve(file: string): string | null {
    return MEDIA_FILE.test(file) ? path.join(this.dir, file) : null;
  }

  async remove(files: string[]): Promise<void> {
    await Promise.all(
      files.map(async (f) => {
        const p = this.resolve(f);
        if (p) await fs.promises.rm(p, { force: true });
      }),
    );
  }

  /** Removes temp files left by a crash and stored files the database does not know. */
  async sweep(known: Set<string>, olderThanMs = 60 * 60 * 1000): Promise<number> {
    this.init();
    let removed = 0;
    const now = Date.now();
    for (const name of await fs.promises.readdir(this.tmpDir)) {
      const p = path.join(this.tmpDir, name);
      const st = await fs.promises.stat(p).catch(() => null);
      if (st && now - st.mtimeMs > olderThanMs) {
        await fs.promises.rm(p, { force: true });
        removed++;
      }
    }
    for (const name of await fs.promises.readdir(this.dir)) {
      if (!MEDIA_FILE.test(name) || known.has(name)) continue;
      const p = path.join(this.dir, name);
      const st = await fs.promises.stat(p).catch(() => null);
      if (st && now - st.mtimeMs > olderThanMs) {
        await fs.promises.rm(p, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
