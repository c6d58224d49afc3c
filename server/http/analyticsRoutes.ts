/**
 * Analytics routes (issue #10): a booth's own figures for its staff (and organizers), every booth
 * and the hall heatmap for organizers, CSV exports, and the two counted links of the booth panel
 * (brochure download, website) that count on the way and redirect.
 *
 * Each read first writes this process's pending counts (a flush is cheap and serialised), so the
 * console never lags this process by a flush window; other processes' counts arrive with their
 * next flush.
 */
import type { Request, Router } from 'express';
import { routes } from '../../shared/api/routes';
import { CELL_M, MINUTE_MS } from '../../shared/api/analytics';
import { isSafeLink } from '../../shared/api/terms';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { MEDIA_PREFIX } from './views';
import type { Analytics } from '../analytics';
import { resolveRange } from '../analytics/range';
import { boothsCsv, seriesCsv } from '../analytics/csv';
import { heatmapRange, visibleCells } from '../analytics/heatmapView';

/** A browser prefetching a link has not clicked it. */
function isPrefetch(req: Request): boolean {
  const p = `${req.get('sec-purpose') ?? ''} ${req.get('purpose') ?? ''} ${req.get('x-moz') ?? ''}`;
  return /prefetch|prerender/i.test(p);
}

export function analyticsRoutes(router: Router, s: ExpoServices, deps: BindDeps, analytics: Analytics): void {
  const repo = () => analytics.repo;

  async function boothFigures(boothId: string, q: Parameters<typeof resolveRange>[0]) {
    await analytics.flush();
    if (!(await repo().boothExists(boothId))) throw new HttpError(404, 'not_found', 'No such booth');
    const ids = [boothId];
    const range = resolveRange(q, await repo().firstMinute(ids), Date.now());
    const [totals, series, dwell] = await Promise.all([repo().totals(ids, range), repo().series(ids, range), repo().dwell(ids, range)]);
    return { range, totals: totals.all, series, dwell };
  }

  async function expoFigures(q: Parameters<typeof resolveRange>[0]) {
    await analytics.flush();
    const expo = await s.repos.expos.getActive();
    const booths = expo ? await repo().expoBooths(expo.id) : [];
    const ids = booths.map((b) => b.boothId);
    const range = resolveRange(q, await repo().firstMinute(ids), Date.now());
    const [totals, series, dwell] = await Promise.all([repo().totals(ids, range), repo().series(ids, range), repo().dwell(ids, range)]);
    return { expoId: expo?.id ?? null, range, totals, series, dwell, booths };
  }

  const stamp = () => new Date().toISOString().slice(0, 10);

  bind(router, routes.boothAnalytics, deps, async ({ params, query }) => {
    const f = await boothFigures(params.boothId, query);
    return { boothId: params.boothId, from: f.range.from, to: f.range.to, bucket: f.range.bucket, totals: f.totals, series: f.series, dwell: f.dwell };
  });

  bind(router, routes.boothAnalyticsExport, deps, async ({ params, query, res }) => {
    const f = await boothFigures(params.boothId, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="analytics-${params.boothId}-${stamp()}.csv"`);
    res.status(200).end(seriesCsv(f.series));
    return undefined;
  });

  bind(router, routes.expoAnalytics, deps, async ({ query }) => {
    const f = await expoFigures(query);
    return {
      expoId: f.expoId,
      from: f.range.from,
      to: f.range.to,
      bucket: f.range.bucket,
      totals: f.totals.all,
      series: f.series,
      dwell: f.dwell,
      booths: f.booths.map((b) => ({ ...b, totals: f.totals.byBooth.get(b.boothId)! })),
    };
  });

  bind(router, routes.expoAnalyticsExport, deps, async ({ query, res }) => {
    const f = await expoFigures(query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="analytics-booths-${stamp()}.csv"`);
    res.status(200).end(
      boothsCsv(
        f.booths.map((b) => ({ ...b, totals: f.totals.byBooth.get(b.boothId)! })),
        f.range.from,
        f.range.to,
      ),
    );
    return undefined;
  });

  bind(router, routes.hallHeatmap, deps, async ({ query }) => {
    await analytics.flush();
    const expo = await s.repos.expos.getActive();
    const now = Date.now();
    const first = expo ? await repo().firstCellMinute(expo.id, query.hall) : null;
    const rawTo = query.to ?? Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    const rawFrom = query.from ?? first ?? rawTo - 3_600_000;
    if (rawFrom >= rawTo) throw new HttpError(400, 'invalid_range', '`from` must be before `to`');
    const { from, to } = heatmapRange(rawFrom, rawTo);
    const { cells, max, total } = visibleCells(expo ? await repo().heatmap(expo.id, query.hall, from, to) : []);
    return { hallId: query.hall, from, to, cellM: CELL_M, cells, max, total };
  });

  bind(router, routes.brochureDownload, deps, async ({ params, req, res }) => {
    const l = await repo().links(params.boothId);
    if (!l?.brochureFile) throw new HttpError(404, 'not_found', 'This booth has no brochure');
    if (!isPrefetch(req)) analytics.count(params.boothId, 'brochure');
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, `${MEDIA_PREFIX}${l.brochureFile}`);
    return undefined;
  });

  bind(router, routes.websiteVisit, deps, async ({ params, req, res }) => {
    const l = await repo().links(params.boothId);
    // only ever the exhibitor's own http(s) site: never an open redirect
    if (!l?.website || !isSafeLink(l.website)) throw new HttpError(404, 'not_found', 'This exhibitor has no website');
    if (!isPrefetch(req)) analytics.count(params.boothId, 'website');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.redirect(302, l.website);
    return undefined;
  });
}
