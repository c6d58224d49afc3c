/** Public reads: the running expo, a hall's booths, the directory, one booth, and the hall's event stream. */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { sseFrame } from '../../shared/api/events';
import { isHallId } from '../../shared/halls';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { boothView, directoryEntry } from './views';
import { openSse } from './sse';

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
    openSse(s, req, res, (write) => s.events.subscribe(query.hall, (e) => write(sseFrame(e.type, { boothId: e.boothId, at: e.at }))));
  });
}
