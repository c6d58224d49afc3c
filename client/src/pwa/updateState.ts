/** Whether this client is older than the server even after a reload (versionCheck.ts): read by UpdateNotice. */
import { useSyncExternalStore } from 'react';

let outdated = false;
const listeners = new Set<() => void>();

export function setClientOutdated(value: boolean): void {
  outdated = value;
  for (const l of listeners) l();
}

export function useClientOutdated(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => outdated,
  );
}
