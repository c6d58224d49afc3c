/** Sign in and out, who am I, and staff accounts from invitations. */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import type { UserView } from '../../shared/api/schemas';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import { endSession, roleOf, startSession, type AuthUser } from '../auth/session';
import { hashToken } from '../auth/tokens';

export async function userView(s: ExpoServices, u: Pick<AuthUser, 'id' | 'email' | 'role' | 'displayName' | 'exhibitorId'>): Promise<UserView> {
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    displayName: u.displayName,
    exhibitorId: u.exhibitorId,
    boothIds: await s.repos.users.boothIds({ exhibitor_id: u.exhibitorId }),
  };
}

export function authRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  bind(router, routes.login, deps, async ({ req, res, body }) => {
    const wait = s.throttle.attempt(s.addresses.of(req), body.email);
    if (wait > 0) throw new HttpError(429, 'too_many_attempts', `Too many sign-in attempts; try again in ${wait} s`, { 'Retry-After': String(wait) });
    const u = await s.repos.users.findByEmail(body.email);
    // Unknown email: still spend the time of a hash check, so timing does not tell which emails exist.
    const ok = await verifyPassword(body.password, u?.password_hash ?? (await dummyHash()));
    if (!u || !ok) {
      s.throttle.failed(body.email);
      throw new HttpError(401, 'invalid_credentials', 'Wrong email or password');
    }
    s.throttle.succeeded(body.email);
    await startSession(req, res, s.repos, u.id);
    await s.repos.users.touchLogin(u.id);
    return {
      user: await userView(s, {
        id: u.id,
        email: u.email,
        role: roleOf(u.role),
        displayName: u.display_name,
        exhibitorId: u.exhibitor_id,
      }),
    };
  });

  bind(router, routes.logout, deps, async ({ req, res }) => {
    await endSession(req, res, s.repos);
    return { ok: true as const };
  });

  bind(router, routes.me, deps, async ({ user }) => ({ user: await userView(s, user) }));

  bind(router, routes.inviteInfo, deps, async ({ params }) => {
    const inv = await s.repos.invites.findValid(hashToken(params.token));
    if (!inv) throw new HttpError(404, 'invalid_invite', 'This invitation is not valid any more; ask the organizer for a new link');
    return { exhibitorName: { zh: inv.name_zh, en: inv.name_en }, email: inv.email, expiresAt: inv.expires_at };
  });

  bind(router, routes.acceptInvite, deps, async ({ req, res, body }) => {
    const wait = s.throttle.attempt(s.addresses.of(req), body.email);
    if (wait > 0) throw new HttpError(429, 'too_many_attempts', `Too many attempts; try again in ${wait} s`, { 'Retry-After': String(wait) });
    const tokenHash = hashToken(body.token);
    if (!(await s.repos.invites.findValid(tokenHash)))
      throw new HttpError(404, 'invalid_invite', 'This invitation is not valid any more; ask the organizer for a new link');
    const u = await s.repos.invites.accept(tokenHash, { email: body.email, passwordHash: await hashPassword(body.password), displayName: body.displayName });
    await startSession(req, res, s.repos, u.id);
    return { user: await userView(s, { id: u.id, email: u.email, role: 'exhibitor', displayName: u.display_name, exhibitorId: u.exhibitor_id }) };
  });
}
