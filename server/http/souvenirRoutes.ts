/**
 * Souvenir certificates over HTTP (issue #12 item 6): the published keys and ledger, the check by
 * id (the /verify page) and of a sent document, and the holder's own certificates. Issuing is not
 * a route: the server issues a certificate when it has seen a visitor complete a stamp set.
 */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { bind, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { keyView, verifyById, verifyDocument } from '../souvenirs/verify';

const LEDGER_PAGE = 1000;

export function souvenirRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  bind(router, routes.souvenirKeys, deps, async ({ res }) => {
    res.setHeader('Cache-Control', 'public, max-age=60');
    return { keys: (await s.repos.souvenirs.keys()).map(keyView) };
  });

  bind(router, routes.souvenirLedger, deps, async ({ query }) => {
    const entries = await s.repos.souvenirs.ledger(query.after, LEDGER_PAGE);
    return { entries, next: entries.length === LEDGER_PAGE ? entries[entries.length - 1].seq : null };
  });

  bind(router, routes.verifySouvenirDocument, deps, async ({ body }) => verifyDocument(s.repos, body));

  bind(router, routes.verifySouvenir, deps, async ({ params }) => verifyById(s.repos, params.souvenirId));

  bind(router, routes.mySouvenirs, deps, async ({ user }) => ({
    souvenirs: (await s.repos.souvenirs.forUser(user.id)).map((r) => ({ certificate: r.certificate, signature: r.signature })),
  }));
}
