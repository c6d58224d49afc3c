/** JSON API under /api. Every route answers JSON, including its errors. */
import express, { type Router } from 'express';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { HALL_IDS } from '../../shared/halls';

export interface ApiDeps {
  /** live numbers for /api/health */
  stats: () => { rooms: number; visitors: number };
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

  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  return router;
}
