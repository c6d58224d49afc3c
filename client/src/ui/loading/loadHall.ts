/**
 * The hall's code (three, the React renderer, the scene, the overlay) is a lazy chunk: the landing
 * page never runs it. It is fetched once, with its bytes counted for the loading screen, either
 * while the visitor types a name (prefetchHall) or when the hall page needs it (loadHall).
 */
import { useStore } from '../../store';
import { downloadWithProgress, listedHallFiles } from './hallFiles';

type InHallModule = typeof import('../InHall');

let pending: Promise<InHallModule> | null = null;

export function loadHall(): Promise<InHallModule> {
  pending ??= (async () => {
    const s = useStore.getState();
    s.setHallCode('loading');
    try {
      await downloadWithProgress(listedHallFiles(), s.setHallBytes);
    } catch {
      // Counting is a courtesy: the import below fetches whatever is missing and reports a real failure.
    }
    try {
      const m = await import('../InHall');
      s.setHallCode('ready');
      return m;
    } catch (e) {
      pending = null;
      s.setHallCode('failed');
      throw e;
    }
  })();
  return pending;
}

/** Starts loading the hall when the browser is idle: called on the visitor's first input. */
export function prefetchHall(): void {
  if (pending) return;
  const start = () => void loadHall().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 1500 });
  else setTimeout(start, 100);
}
