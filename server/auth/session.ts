/**
 * Sessions: a random token in an httpOnly, SameSite=Lax cookie (or an Authorization: Bearer
 * header for API clients); the database keeps only its hash and an expiry.
 */
import type { Request, Response } from 'express';
import type { Repositories } from '../db/repositories';
import type { UserRow } from '../db/repositories/users';
import { hashToken, newToken } from './tokens';
import { ROLES, type Role } from '../../shared/api/terms';

export const SESSION_COOKIE = 'ludao_session';
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  exhibitorId: string | null;
  displayName: string;
  /** how this request proved who it is */
  via: 'cookie' | 'bearer';
  tokenHash: string;
}

export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function credential(req: Request): { token: string; via: 'cookie' | 'bearer' } | null {
  const auth = req.headers.authorization;
  if (auth && /^Bearer\s+/i.test(auth)) {
    const token = auth.replace(/^Bearer\s+/i, '').trim();
    return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? { token, via: 'bearer' } : null;
  }
  const token = readCookie(req, SESSION_COOKIE);
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? { token, via: 'cookie' } : null;
}

/** The stored role; anything unknown is treated as the least privileged account, a visitor. */
export function roleOf(stored: string): Role {
  return (ROLES as readonly string[]).includes(stored) ? (stored as Role) : 'visitor';
}

export function toAuthUser(u: UserRow, via: 'cookie' | 'bearer', tokenHash: string): AuthUser {
  return {
    id: u.id,
    email: u.email,
    role: roleOf(u.role),
    exhibitorId: u.exhibitor_id,
    displayName: u.display_name,
    via,
    tokenHash,
  };
}

export async function authenticate(req: Request, repos: Repositories): Promise<AuthUser | null> {
  const c = credential(req);
  if (!c) return null;
  const tokenHash = hashToken(c.token);
  const u = await repos.sessions.findUser(tokenHash);
  return u ? toAuthUser(u, c.via, tokenHash) : null;
}

/** Starts a session: stores the token's hash and sets the cookie. Returns the token (for bearer use). */
export async function startSession(req: Request, res: Response, repos: Repositories, userId: string): Promise<string> {
  const token = newToken();
  const expiresAt = Date.now() + SESSION_TTL_MS;
  await repos.sessions.create(hashToken(token), userId, expiresAt);
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: SESSION_TTL_MS,
  });
  return token;
}

export async function endSession(req: Request, res: Response, repos: Repositories): Promise<void> {
  const c = credential(req);
  if (c) await repos.sessions.delete(hashToken(c.token));
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
