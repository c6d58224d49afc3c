/**
 * Binds handlers to the shared route table. Each request goes through the same steps: who is
 * calling (session), may they (the route's access), are params/query/body valid (the route's
 * schemas), then the handler. Every refusal is a JSON 4xx with a message; a bug is a logged 500.
 */
import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import type { RouteDef } from '../../shared/api/routes';
import type { ApiError } from '../../shared/api/common';
import { RepoError } from '../db/repositories';
import { UploadError } from '../uploads/errors';
import type { AuthUser } from '../auth/session';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface Ctx<R extends RouteDef> {
  req: Request;
  res: Response;
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  body: R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
  /** null only on public routes */
  user: R['access'] extends 'public' ? AuthUser | null : AuthUser;
}

export interface BindDeps {
  authenticate(req: Request): Promise<AuthUser | null>;
  /** may this user edit this booth? (organizers may edit every booth) */
  canEditBooth(user: AuthUser, boothId: string): Promise<boolean>;
  log: { error(obj: object, msg?: string): void };
  /** check answers against the response schema (tests, development) */
  checkResponses: boolean;
  /** is this account or the request's device under a live ban? (routes with `refuseBanned`, issue #11) */
  isBanned?(req: Request, user: AuthUser): Promise<boolean>;
}

function issues(err: z.ZodError, where: string): NonNullable<ApiError['issues']> {
  return err.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
}

function invalid(err: z.ZodError, where: string): HttpError & { issues: ApiError['issues'] } {
  const list = issues(err, where);
  const e = new HttpError(400, 'invalid_request', `Invalid ${where}: ${list.map((i) => `${i.path}: ${i.message}`).join('; ')}`) as HttpError & {
    issues: ApiError['issues'];
  };
  e.issues = list;
  return e;
}

export function sendError(res: Response, err: unknown, log: BindDeps['log']): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  let status = 500;
  let body: ApiError = { error: 'internal', message: 'Something went wrong on our side' };
  if (err instanceof HttpError) {
    status = err.status;
    body = { error: err.code, message: err.message };
    const withIssues = err as HttpError & { issues?: ApiError['issues'] };
    if (withIssues.issues) body.issues = withIssues.issues;
    for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  } else if (err instanceof UploadError) {
    status = err.status;
    body = { error: err.code, message: err.message };
  } else if (err instanceof RepoError) {
    status = err.code === 'not_found' ? 404 : 409;
    body = { error: err.code, message: err.message };
  } else {
    const e = err as { type?: string; status?: number };
    // body-parser's refusals (bad JSON, too large) carry their status.
    if (e?.type === 'entity.parse.failed') {
      status = 400;
      body = { error: 'invalid_json', message: 'The body is not valid JSON' };
    } else if (e?.type === 'entity.too.large') {
      status = 413;
      body = { error: 'too_large', message: 'The body is too large' };
    } else if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      status = e.status;
      body = { error: 'bad_request', message: 'The request could not be read' };
    } else {
      log.error({ err }, 'request failed');
    }
  }
  res.status(status).json(body);
}

/** Same-site check for cookie-authenticated writes (defence in depth on top of SameSite=Lax). */
function crossSite(req: Request): boolean {
  if (req.get('sec-fetch-site') === 'cross-site') return true;
  const origin = req.get('origin');
  if (!origin) return false;
  const host = req.get('host');
  return origin !== `http://${host}` && origin !== `https://${host}`;
}

export function bind<R extends RouteDef>(router: Router, def: R, deps: BindDeps, handler: (ctx: Ctx<R>) => Promise<unknown>): void {
  const expressPath = def.path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, ':$1');
  // Express 4 ignores a handler's promise: this one catches everything itself and answers with sendError.
  router[def.method](expressPath, (req: Request, res: Response, _next: NextFunction) => void handle(req, res));
  async function handle(req: Request, res: Response): Promise<void> {
    try {
      const user = await deps.authenticate(req);
      if (def.access !== 'public') {
        if (!user) throw new HttpError(401, 'unauthenticated', 'Please sign in');
        if (def.access === 'organizer' && user.role !== 'organizer') throw new HttpError(403, 'forbidden', 'Organizers only');
        if (def.access === 'visitor' && user.role !== 'visitor') throw new HttpError(403, 'forbidden', 'This needs a visitor account');
        if (def.access === 'moderator' && user.role !== 'moderator' && user.role !== 'organizer')
          throw new HttpError(403, 'forbidden', 'Moderators and organizers only');
        if (def.refuseBanned && deps.isBanned && (await deps.isBanned(req, user))) throw new HttpError(403, 'banned', 'This account is banned from the expo');
      }
      if (user?.via === 'cookie' && def.method !== 'get' && crossSite(req)) throw new HttpError(403, 'cross_site', 'Cross-site requests are not allowed');

      let params: unknown = undefined;
      if (def.params) {
        const r = def.params.safeParse(req.params);
        if (!r.success) throw invalid(r.error, 'path');
        params = r.data;
      }
      if (def.access === 'booth' || def.access === 'staff') {
        const boothId = (params as { boothId?: string }).boothId;
        // 'staff': the booth's own staff only, so an organizer never reads an exhibitor's leads
        const allowed = boothId && (def.access === 'booth' || user!.role === 'exhibitor') && (await deps.canEditBooth(user!, boothId));
        if (!allowed)
          throw new HttpError(403, 'forbidden', def.access === 'staff' ? "Only the booth's own staff can see this" : 'You can only edit your own booth');
      }
      let query: unknown = undefined;
      if (def.query) {
        const r = def.query.safeParse(req.query);
        if (!r.success) throw invalid(r.error, 'query');
        query = r.data;
      }
      let body: unknown = undefined;
      if (def.body) {
        if (!req.is('application/json')) throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json');
        const r = def.body.safeParse(req.body);
        if (!r.success) throw invalid(r.error, 'body');
        body = r.data;
      }
      const out = await handler({ req, res, params, query, body, user } as Ctx<R>);
      if (res.headersSent) return;
      if (deps.checkResponses) {
        const r = def.response.safeParse(out);
        if (!r.success) throw new Error(`response of ${def.method.toUpperCase()} ${def.path} does not match its schema: ${z.prettifyError(r.error)}`);
      }
      res.status(def.status ?? 200).json(out);
    } catch (err) {
      sendError(res, err, deps.log);
    }
  }
}
