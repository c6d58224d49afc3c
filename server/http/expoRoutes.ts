/** Public reads: the running expo, a hall's booths, the directory, one booth, and the hall's event stream. */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { sseFrame } from '../../shared/api/events';
import { isHallId } from '../../shared/halls';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { boothView, directoryEntry } from './views';

/** Most concurrent event streams per process; each is one idle socket. */
const MAX_STREAMS = 5000;
const HEARTBEAT_MS = 25_000;

export function expoRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  const activeExpo = async () => {
    const expo = await s.repos.expos.getActive();
    if (!expo) throw new HttpError(404, 'no_expo', 'No expo is running');
    return expo;
  };

  bind(router, routes.expo, deps, async () => {
    const expo = await activeExpo();
    const counts = await s.repos.expos.boothCounts(expo.id);
    return { id: expo.id, name: expo.name, isDemo: expo.isDemo, halls: expo.halls.map((hallId) => ({ hallId, booths: counts[hallId] ?? 0 })) };
  });

  bind(router, routes.hallBooths, deps, async ({ query }) => {
    if (!isHallId(query.hall)) throw new HttpError(404, 'unknown_hall', 'There is no such hall');
    const expo = await activeExpo();
    const list = await s.repos.booths.listByHall(expo.id, query.hall);
    return { booths: list.map(boothView) };
  });

  bind(router, routes.directory, deps, async ({ query }) => {
    const expo = await activeExpo();
    const rows = await s.repos.booths.directory(expo.id, { q: query.q || undefined, industry: query.industry, park: query.park, hallId: query.hall });
    return { exhibitors: rows.map(directoryEntry) };
  });

  bind(router, routes.booth, deps, async ({ params }) => {
    const r = await s.repos.booths.get(params.boothId);
    if (!r) throw new HttpError(404, 'not_found', 'No such booth');
    return boothView(r);
  });

  bind(router, routes.events, deps, async ({ query, req, res }) => {
    if (!isHallId(query.hall)) throw new HttpError(404, 'unknown_hall', 'There is no such hall');
    if (s.streams.size >= MAX_STREAMS) throw new HttpError(503, 'busy', 'Too many listeners; live updates will retry', { 'Retry-After': '30' });
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    // Reconnect after 3 s if the stream drops; the client refetches the hall when it comes back.
    res.write('retry: 3000\n\n');
    const unsubscribe = s.events.subscribe(query.hall, (e) => {
      res.write(sseFrame(e.type, { boothId: e.boothId, at: e.at }));
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const stream = {
      end: () => {
        clearInterval(heartbeat);
        unsubscribe();
        s.streams.delete(stream);
        res.end();
      },
    };
    s.streams.add(stream);
    req.on('close', stream.end);
  });
}
