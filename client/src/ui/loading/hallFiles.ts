/** The hall's files as the build listed them in index.html; none under the dev server. */
import { HALL_FILES_ID, type HallFile } from './hallFilesContract';

export function listedHallFiles(): HallFile[] {
  const el = document.getElementById(HALL_FILES_ID);
  if (!el?.textContent) return [];
  try {
    const files = JSON.parse(el.textContent) as HallFile[];
    return Array.isArray(files) ? files.filter((f) => typeof f.url === 'string' && Number.isFinite(f.bytes)) : [];
  } catch {
    return [];
  }
}

/**
 * Fetches every file, reporting bytes as they arrive. The responses are cacheable for a year
 * (server/http/static.ts), so the import() that follows reads them from the HTTP cache.
 */
export async function downloadWithProgress(files: HallFile[], onProgress: (loaded: number, total: number) => void): Promise<void> {
  const total = files.reduce((n, f) => n + f.bytes, 0);
  let loaded = 0;
  onProgress(0, total);
  await Promise.all(
    files.map(async (f) => {
      const res = await fetch(f.url, { credentials: 'same-origin' });
      if (!res.ok || !res.body) throw new Error(`${f.url}: ${res.status}`);
      const reader = res.body.getReader();
      let mine = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        mine += value.byteLength;
        loaded += value.byteLength;
        onProgress(Math.min(loaded, total), total);
      }
      // A file that came shorter or longer than listed still counts as whole, not more.
      loaded += f.bytes - mine;
      onProgress(Math.min(loaded, total), total);
    }),
  );
}
