/**
 * The unread-lead count in the tab's title, "(2) 展商控制台", summed over the inboxes on the page
 * (one per booth), so an exhibitor working in another tab sees new cards arrive. The page's own
 * title comes back when the last inbox unmounts.
 */
import { useEffect } from 'react';

const counts = new Map<string, number>();
let mounted = 0;
let original: string | null = null;
let base = '';

function render(): void {
  let n = 0;
  for (const c of counts.values()) n += c;
  document.title = n > 0 ? `(${n}) ${base}` : base;
}

export function useUnreadTitle(key: string, unread: number, title: string): void {
  useEffect(() => {
    if (mounted++ === 0) original = document.title;
    return () => {
      counts.delete(key);
      if (--mounted === 0 && original !== null) document.title = original;
      else render();
    };
  }, [key]);
  useEffect(() => {
    base = title;
    counts.set(key, unread);
    render();
  }, [key, unread, title]);
}
