/**
 * Phone verification for visitor accounts: a 6-digit code by SMS (server/auth/sms.ts), valid 10
 * minutes, at most 5 tries, a new code at most once a minute. Only the code's hash is stored.
 */
import crypto from 'node:crypto';
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { PHONE_CODE_ATTEMPTS, PHONE_CODE_TTL_MS } from '../../shared/api/leads';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { hashToken } from '../auth/tokens';
import type { PhoneRow } from '../db/repositories/phones';

const RESEND_MS = 60_000;

function state(p: PhoneRow | undefined) {
  if (!p) return { phone: null, verifiedAt: null, codeExpiresAt: null };
  return { phone: p.phone, verifiedAt: p.verified_at, codeExpiresAt: p.code_hash && p.code_sent_at ? p.code_sent_at + PHONE_CODE_TTL_MS : null };
}

export function phoneRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  bind(router, routes.phoneCode, deps, async ({ user, body }) => {
    const sms = s.sms;
    if (!sms) throw new HttpError(503, 'sms_off', 'Phone verification is not available on this server');
    const now = Date.now();
    const prev = await s.repos.phones.get(user.id);
    if (prev?.code_sent_at && now - prev.code_sent_at < RESEND_MS) {
      const wait = Math.ceil((RESEND_MS - (now - prev.code_sent_at)) / 1000);
      throw new HttpError(429, 'too_soon', `A code was just sent; ask again in ${wait} s`, { 'Retry-After': String(wait) });
    }
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await s.repos.phones.setCode(user.id, body.phone, hashToken(code), now);
    await sms.sendCode(body.phone, code);
    return state(await s.repos.phones.get(user.id));
  });

  bind(router, routes.phoneVerify, deps, async ({ user, body }) => {
    const p = await s.repos.phones.get(user.id);
    const now = Date.now();
    if (!p?.code_hash || !p.code_sent_at || now - p.code_sent_at > PHONE_CODE_TTL_MS)
      throw new HttpError(410, 'code_expired', 'No valid code: ask for a new one');
    if (p.attempts >= PHONE_CODE_ATTEMPTS) throw new HttpError(429, 'too_many_attempts', 'Too many wrong codes: ask for a new one');
    const ok = crypto.timingSafeEqual(Buffer.from(hashToken(body.code)), Buffer.from(p.code_hash));
    if (!ok) {
      await s.repos.phones.countAttempt(user.id);
      throw new HttpError(400, 'wrong_code', 'That code is not right');
    }
    await s.repos.phones.markVerified(user.id, now);
    return state(await s.repos.phones.get(user.id));
  });
}
