/**
 * The time, as state: fresh every `periodMs` and whenever `key` changes (new data to compare with
 * it). Render code reads this instead of calling Date.now(), so renders stay pure.
 */
import { useEffect, useState } from 'react';

export function useNow(periodMs: number, key?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const soon = window.setTimeout(() => setNow(Date.now()), 0);
    const id = window.setInterval(() => setNow(Date.now()), periodMs);
    return () => {
      window.clearTimeout(soon);
      window.clearInterval(id);
    };
  }, [periodMs, key]);
  return now;
}
