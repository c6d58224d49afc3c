/**
 * Moderation routes (issue #11): the device token, the moderators' console (reports queue and its
 * live stream, which also tells the Q&A queue when to read again; mutes and bans with lift, each
 * hall's chat mode, the audit log) and moderator invitations. Every action goes through server/moderation/service.ts, which stores it, writes the
 * audit log and publishes it to every hall instance on every process.
 */
import type { Request, Response, Router } from 'express';
import type { Presence } from '@colyseus/core';
import { routes } from '../../shared/api/routes';
import { DEVICE_COOKIE, DEVICE_PATTERN, moderationSseFrame } from '../../shared/api/moderation';
import { HALL_IDS, isHallId } from '../../shared/halls';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { openSse } from './sse';
import { readCookie, startSession } from '../auth/session';
import { hashPassword } from '../auth/password';
import { hashToken, newToken } from '../auth/tokens';
import type { Repositories } from '../db/repositories';
import { joinKeys } from '../moderation/keys';
import { moderationFor, reportView, sanctionView } from '../moderation/service';
import { userView } from './authRoutes';
import { INVITE_TTL_MS } from './organizerRoutes';

/** A device token lives as long as a browser keeps it: about a year, renewed on each visit. */
const DEVICE_MAX_AGE_MS = 400 * 24 * 3600_000;

function setDeviceCookie(req: Request, res: Response, device: string): void {
  res.cookie(DEVICE_COOKIE, device, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: DEVICE_MAX_AGE_MS });
}

const cookieDevice = (req: Request): string | null => {
  const d = readCookie(req, DEVICE_COOKIE);
  return d && DEVICE_PATTERN.test(d) ? d : null;
};

/** Is the signed-in account, or the device this request comes from, under a live ban? */
export function bannedRequest(repos: Repositories, req: Request, userId: string): Promise<boolean> {
  return repos.moderation.isBanned(joinKeys({ userId, cookieDevice: cookieDevice(req) }));
}

export function moderationRoutes(router: Router, s: ExpoServices, deps: BindDeps, presence: () => Presence | undefined): void {
  const mod = moderationFor(s, presence);

  // The cookie is the server's copy, the page keeps another in localStorage: whichever survives
  // restores the other, and the join checks both.
  bind(router, routes.device, deps, async ({ req, res, body }) => {
    const device = cookieDevice(req) ?? body.device ?? newToken();
    setDeviceCookie(req, res, device);
    return { device };
  });

  bind(router, routes.moderationReports, deps, async ({ query }) => ({ reports: (await s.repos.moderation.reports(query.status)).map(reportView) }));

  bind(router, routes.resolveReport, deps, async ({ params, body, user }) => {
    if (body.action === 'kick' && body.minutes != null) throw new HttpError(400, 'invalid_request', 'A kick has no duration');
    return reportView(await mod.resolveReport(params.reportId, body.action, body.minutes ?? null, user.id));
  });

  // Two buses feed one stream: moderation's own, and the Q&A bus the hall rooms already follow, so a
  // question asked, upvoted or decided on any process refreshes every console's Q&A queue.
  bind(router, routes.moderationEvents, deps, async ({ req, res }) => {
    openSse(s, req, res, (write) => {
      const offConsole = mod.consoles.subscribe('console', (e) => write(moderationSseFrame(e.name, e.data as never)));
      const offQa = s.qa.onAnyChange((e) => write(moderationSseFrame('qa', { hallId: e.hallId, sessionId: e.sessionId, change: e.change, at: e.at })));
      return () => {
        offConsole();
        offQa();
      };
    });
  });

  bind(router, routes.sanctions, deps, async () => ({ sanctions: (await s.repos.moderation.liveSanctions()).map(sanctionView) }));

  bind(router, routes.liftSanction, deps, async ({ params, user }) => {
    await mod.lift(params.sanctionId, user.id);
    return { ok: true as const };
  });

  bind(router, routes.hallModes, deps, async () => {
    const modes = await s.repos.moderation.hallModes();
    return {
      halls: HALL_IDS.map((hallId) => {
        const m = modes.get(hallId);
        return { hallId, mode: m?.mode ?? { slowModeS: 0, chatOff: false, muteAll: false }, updatedAt: m?.updatedAt ?? null };
      }),
    };
  });

  bind(router, routes.setHallMode, deps, async ({ params, body, user }) => {
    if (!isHallId(params.hallId)) throw new HttpError(404, 'unknown_hall', 'There is no such hall');
    await mod.setMode(params.hallId, body, user.id);
    return { hallId: params.hallId, mode: body, updatedAt: Date.now() };
  });

  bind(router, routes.auditLog, deps, async ({ query }) => {
    const [entries, actions] = await Promise.all([s.repos.audit.list(query), s.repos.audit.actions()]);
    return { entries, actions };
  });

  bind(router, routes.createModeratorInvite, deps, async ({ req, body, user }) => {
    const token = newToken();
    const expiresAt = Date.now() + INVITE_TTL_MS;
    const tokenHash = hashToken(token);
    await s.repos.moderation.createModeratorInvite({ tokenHash, email: body.email || null, createdBy: user.id, expiresAt });
    // the invitation's id in the log is a prefix of its hash: enough to tell two apart, useless as a link
    await s.repos.audit.record({ actorId: user.id, action: 'moderation.invite_moderator', targetType: 'invite', targetId: tokenHash.slice(0, 16) });
    return { url: `${req.protocol}://${req.get('host')}/organizer?invite=${token}`, token, expiresAt };
  });

  bind(router, routes.moderatorInviteInfo, deps, async ({ params }) => {
    const inv = await s.repos.moderation.findModeratorInvite(hashToken(params.token));
    if (!inv) throw new HttpError(404, 'invalid_invite', 'This invitation is not valid any more; ask the organizer for a new link');
    return { email: inv.email, expiresAt: Number(inv.expires_at) };
  });

  bind(router, routes.acceptModeratorInvite, deps, async ({ req, res, body }) => {
    const wait = s.throttle.attempt(s.addresses.of(req), body.email);
    if (wait > 0) throw new HttpError(429, 'too_many_attempts', `Too many attempts; try again in ${wait} s`, { 'Retry-After': String(wait) });
    const tokenHash = hashToken(body.token);
    if (!(await s.repos.moderation.findModeratorInvite(tokenHash)))
      throw new HttpError(404, 'invalid_invite', 'This invitation is not valid any more; ask the organizer for a new link');
    const u = await s.repos.moderation.acceptModeratorInvite(tokenHash, {
      email: body.email,
      passwordHash: await hashPassword(body.password),
      displayName: body.displayName,
    });
    await s.repos.audit.record({ actorId: u.id, action: 'moderation.moderator_joined', targetType: 'account', targetId: u.id });
    await startSession(req, res, s.repos, u.id);
    return { user: await userView(s, { id: u.id, email: u.email, role: 'moderator', displayName: u.display_name, exhibitorId: null }) };
  });
}
