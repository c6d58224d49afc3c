/** JSON API under /api. Every route answers JSON, including its errors. */
import express, { type Router } from 'express';
import type { Presence } from '@colyseus/core';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { HALL_IDS } from '../../shared/halls';
import { buildOpenApi } from '../../shared/api/openapi';
import { authenticate } from '../auth/session';
import { sendError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { expoRoutes } from './expoRoutes';
import { authRoutes } from './authRoutes';
import { consoleRoutes } from './consoleRoutes';
import { leadRoutes } from './leadRoutes';
import { phoneRoutes } from './phoneRoutes';
import { conversationRoutes } from './conversationRoutes';
import { meetingRoutes } from './meetingRoutes';
import { organizerRoutes } from './organizerRoutes';
import { analyticsRoutes } from './analyticsRoutes';
import { bannedRequest, moderationRoutes } from './moderationRoutes';
import { wordListRoutes } from './wordListRoutes';
import { entryRoutes } from './entryRoutes';
import { souvenirRoutes } from './souvenirRoutes';
import { auctionRoutes } from './auctionRoutes';
import { agendaRoutes } from './agendaRoutes';
import { qaRoutes } from '../qa/routes';
import type { Analytics } from '../analytics';
import { dashboardRoutes } from './dashboardRoutes';
import type { Dashboard } from '../dashboard';

export interface ApiDeps {
  /** live numbers for /api/health */
  stats: () => { rooms: number; visitors: number };
  /** expo, booths, accounts and uploads (issue #4) */
  expo?: ExpoServices;
  /** the running server's presence, for announcements and booth events across processes */
  presence?: () => Presence | undefined;
  /** booth and hall analytics (issue #10): counted links and the consoles' figures */
  analytics?: Analytics;
  /** the organizers' live dashboard (issue #11) */
  dashboard?: Dashboard;
}

export function apiRouter(deps: ApiDeps): Router {
  const router = express.Router();
  const startedAt = Date.now();

  router.get('/health', (_req, res) => {
    res.json({ ok: true, protocol: PROTOCOL_VERSION, uptimeS: Math.round((Date.now() - startedAt) / 1000), ...deps.stats() });
  });

  router.get('/halls', (_req, res) => {
    res.json({ halls: HALL_IDS });
  });

  let openapi: string | null = null;
  router.get('/openapi.json', (_req, res) => {
    openapi ??= JSON.stringify(buildOpenApi());
    res.type('application/json').send(openapi);
  });

  const s = deps.expo;
  if (s) {
    const bindDeps: BindDeps = {
      authenticate: (req) => authenticate(req, s.repos),
      async canEditBooth(user, boothId) {
        if (user.role === 'organizer') return true;
        if (!user.exhibitorId) return false;
        const booth = await s.repos.exhibitors.boothOf(user.exhibitorId);
        return booth?.id === boothId;
      },
      log: s.logger,
      checkResponses: process.env.NODE_ENV !== 'production',
      isBanned: (req, user) => bannedRequest(s.repos, req, user.id),
    };
    router.use(express.json({ limit: '100kb', strict: true }));
    expoRoutes(router, s, bindDeps);
    authRoutes(router, s, bindDeps);
    consoleRoutes(router, s, bindDeps);
    leadRoutes(router, s, bindDeps);
    phoneRoutes(router, s, bindDeps);
    conversationRoutes(router, s, bindDeps);
    meetingRoutes(router, s, bindDeps);
    agendaRoutes(router, s, bindDeps);
    organizerRoutes(router, s, bindDeps, deps.presence ?? (() => undefined));
    wordListRoutes(router, s, bindDeps);
    entryRoutes(router, s, bindDeps);
    souvenirRoutes(router, s, bindDeps);
    auctionRoutes(router, s, bindDeps);
    if (deps.analytics) analyticsRoutes(router, s, bindDeps, deps.analytics);
    moderationRoutes(router, s, bindDeps, deps.presence ?? (() => undefined));
    qaRoutes(router, s, bindDeps);
    if (deps.dashboard) dashboardRoutes(router, s, bindDeps, deps.dashboard);
    // Errors from middleware (the JSON parser) answer in the same shape as the routes'.
    router.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => sendError(res, err, s.logger));
  }

  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: 'No such API route' });
  });
  return router;
}
