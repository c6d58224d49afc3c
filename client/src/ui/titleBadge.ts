/**
 * One count in the tab's title, "(3) 展商控制台", summed over everything on the page that has
 * something unread (the leads inbox and the conversation inbox of each booth in the console; the
 * visitor's replies in the hall), so someone working in another tab sees new things arrive. Each
 * caller owns a key; the title is written in one place, so callers never overwrite each other's
 * count. The page's own title comes back when the last caller unmounts.
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

/** `title` is the page's title without the count (the last caller's wins; pages pass one title). */
export function useTitleBadge(key: string, unread: number, title: string): void {
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
