/**
 * The organizers' live dashboard (issue #11): one snapshot as JSON, the same pushed over
 * server-sent events every DASHBOARD_PUSH_MS, and the last two hours per minute as CSV.
 */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { bind, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { openSse } from './sse';
import type { Dashboard } from '../dashboard';
import { csv, cstTime } from '../analytics/csv';

export function dashboardRoutes(router: Router, s: ExpoServices, deps: BindDeps, dashboard: Dashboard): void {
  bind(router, routes.dashboard, deps, async () => dashboard.snapshot());

  bind(router, routes.dashboardEvents, deps, async ({ req, res }) => {
    openSse(s, req, res, (write) => {
      const send = (snap: unknown) => write(`event: snapshot\ndata: ${JSON.stringify(snap)}\n\n`);
      // the first one at once, so an opened dashboard does not wait for the next push
      void dashboard.snapshot().then(send, (err: unknown) => s.logger.warn({ err }, 'dashboard: first snapshot failed'));
      return dashboard.subscribe(send);
    });
  });

  bind(router, routes.dashboardExport, deps, async ({ res }) => {
    const snap = await dashboard.snapshot();
    const rows: (string | number)[][] = [['时间 Time (UTC+8)', '进入 Joins', '聊天 Chat lines', '举报 Reports', '同时在线峰值 Most visitors at once']];
    for (const p of snap.series) rows.push([cstTime(p.minute), p.joins, p.chat, p.reports, p.visitors]);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="dashboard-${cstTime(snap.at).slice(0, 10)}.csv"`);
    res.status(200).end(csv(rows));
    return undefined;
  });
}
