/**
 * Keeps the store's booths of a hall fresh: loads them, then follows the hall's server-sent event
 * stream and refetches a booth whenever it changes, so visitors see an exhibitor's edits without
 * reloading. After a dropped stream it reloads the whole hall (it may have missed events).
 */
import { api, routeUrl } from '../../net/api';
import { onHallEvent } from '../../net/hallEvents';
import { useStore } from '../../store';

export function followHallBooths(hallId: string): () => void {
  let stopped = false;
  let source: EventSource | null = null;
  let lostAt = 0;
  const inflight = new Map<string, AbortController>();
  const store = useStore.getState;

  async function loadAll(): Promise<void> {
    store().setBoothsStatus('loading');
    try {
      const { booths } = await api('hallBooths', { query: { hall: hallId } });
      if (!stopped) store().setBooths(hallId, booths);
    } catch {
      if (!stopped) store().setBoothsStatus('error');
    }
  }

  async function refetch(boothId: string): Promise<void> {
    inflight.get(boothId)?.abort();
    const ctl = new AbortController();
    inflight.set(boothId, ctl);
    try {
      const b = await api('booth', { params: { boothId }, signal: ctl.signal });
      if (!stopped) store().upsertBooth(b);
    } catch (err) {
      if ((err as { status?: number }).status === 404 && !stopped) store().removeBooth(boothId);
    } finally {
      if (inflight.get(boothId) === ctl) inflight.delete(boothId);
    }
  }

  void loadAll();
  if (typeof EventSource !== 'undefined') {
    source = new EventSource(routeUrl('events', { query: { hall: hallId } }));
    onHallEvent(source, 'booth', (d) => void refetch(d.boothId));
    onHallEvent(source, 'removed', (d) => store().removeBooth(d.boothId));
    source.onerror = () => {
      lostAt ||= Date.now();
    };
    source.onopen = () => {
      // Back after a drop: whatever changed meanwhile was not announced to us.
      if (lostAt) void loadAll();
      lostAt = 0;
    };
  }

  return () => {
    stopped = true;
    source?.close();
    for (const c of inflight.values()) c.abort();
    inflight.clear();
  };
}
