/**
 * One EventSource per URL, shared by every part of the page that follows it. A browser keeps at
 * most six HTTP/1.1 connections per origin, so the visitor's stream (conversations and meetings)
 * and a booth's stream must not be opened once per feature. Each follower names the events it
 * wants; the source closes when the last one leaves. After a drop, followers hear
 * `onStatus(true, true)` on reconnection and refetch what they show.
 */
export interface StreamFollower {
  /** event name → handler of its raw `data` */
  events: Record<string, (data: string) => void>;
  onStatus?: (up: boolean, reconnected: boolean) => void;
}

interface Shared {
  source: EventSource;
  followers: Set<StreamFollower>;
  bound: Set<string>;
  lost: boolean;
}

const streams = new Map<string, Shared>();

export function followStream(url: string, follower: StreamFollower): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let s = streams.get(url);
  if (!s) {
    const shared: Shared = { source: new EventSource(url), followers: new Set(), bound: new Set(), lost: false };
    shared.source.onopen = () => {
      for (const f of shared.followers) f.onStatus?.(true, shared.lost);
      shared.lost = false;
    };
    shared.source.onerror = () => {
      shared.lost = true;
      for (const f of shared.followers) f.onStatus?.(false, false);
    };
    streams.set(url, (s = shared));
  }
  const shared = s;
  shared.followers.add(follower);
  for (const name of Object.keys(follower.events)) {
    if (shared.bound.has(name)) continue;
    shared.bound.add(name);
    shared.source.addEventListener(name, (e) => {
      const data = String((e as MessageEvent).data);
      for (const f of shared.followers) f.events[name]?.(data);
    });
  }
  // a late follower of an open stream is up already
  if (shared.source.readyState === EventSource.OPEN) follower.onStatus?.(true, false);
  return () => {
    shared.followers.delete(follower);
    if (shared.followers.size === 0) {
      shared.source.close();
      streams.delete(url);
    }
  };
}
