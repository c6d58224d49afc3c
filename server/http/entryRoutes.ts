/**
 * Entry rules over HTTP (issue #11 item 5): the landing page's hall summaries and its code/pass
 * check (public), and the organizer's settings: each scope's rule (the expo, or a hall), entry codes
 * (hashed here, never stored or sent back in the clear), and entry passes for invite-only halls.
 * Every organizer change is audited (ids only) and takes effect on this process at once, on the
 * others within a second (server/entry/service.ts).
 */
import type { Request, Router } from 'express';
import { routes } from '../../shared/api/routes';
import { EntryRefusal, type EntryInviteView, type EntryRuleView, type HallEntrySetting } from '../../shared/api/entry';
import { HALL_IDS, isHallId } from '../../shared/halls';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { EXPO_SCOPE, type EntryInviteRow, type EntryRuleRow } from '../db/repositories/entryRules';
import { effectiveRule, entryFor, EntryUnavailable, isHallSetting } from '../entry/service';
import { hashEntryCode } from '../entry/codes';
import { hallSummaries } from '../entry/summary';
import { deviceOf } from '../entry/admission';
import { identifyHallAccount } from '../rooms/account';
import { newToken, hashToken } from '../auth/tokens';

const REFUSAL_TEXT: Record<EntryRefusal, string> = {
  entry_code_needed: 'This hall needs an entry code / 此展厅需要入场码',
  entry_code_wrong: 'That entry code is not right / 入场码不正确',
  entry_throttled: 'Too many wrong codes: please wait a little / 错误次数过多，请稍后再试',
  entry_invite_needed: 'This hall is by invitation only: open your invitation link / 此展厅仅限受邀访客，请使用邀请链接进入',
  entry_account_needed: 'Please sign in with a visitor account / 请先登录访客账号',
};

const inviteView = (r: EntryInviteRow): EntryInviteView => ({ ...r });

async function activeExpoId(s: ExpoServices): Promise<string> {
  const expo = await s.repos.expos.getActive();
  if (!expo) throw new HttpError(409, 'no_expo', 'There is no active expo / 当前没有进行中的展会');
  return expo.id;
}

function ruleViews(rows: EntryRuleRow[], halls: readonly string[]): EntryRuleView[] {
  const expo = rows.find((r) => r.hallId === EXPO_SCOPE) ?? null;
  const setting = (r: EntryRuleRow | null, fallback: HallEntrySetting): HallEntrySetting => (r && isHallSetting(r.rule) ? r.rule : fallback);
  const out: EntryRuleView[] = [
    { scope: 'expo', setting: setting(expo, 'open'), effective: effectiveRule(expo, null).rule, hasCode: !!expo?.codeHash, updatedAt: expo?.updatedAt ?? null },
  ];
  for (const hallId of halls) {
    const hall = rows.find((r) => r.hallId === hallId) ?? null;
    out.push({
      scope: hallId,
      setting: setting(hall, 'inherit'),
      effective: effectiveRule(expo, hall).rule,
      hasCode: !!hall?.codeHash,
      updatedAt: hall?.updatedAt ?? null,
    });
  }
  return out;
}

export function entryRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  const entry = entryFor(s);
  const summaries = hallSummaries({ repos: () => s.repos, entry, upcoming: (h, now) => s.agenda.upcoming(h, now), log: s.logger });
  // an agenda edit shows on the landing page at the next refresh, not after the cache's time
  s.agenda.subscribe(() => summaries.changed());
  const changed = () => {
    entry.changed();
    summaries.changed();
  };

  bind(router, routes.entryHalls, deps, async ({ res }) => {
    // a few seconds stale is fine for the landing page, and lets a proxy share it too
    res.setHeader('Cache-Control', 'public, max-age=2');
    return summaries.get();
  });

  bind(router, routes.entryCheck, deps, async ({ req, params, body }) => {
    if (!isHallId(params.hallId)) throw new HttpError(404, 'unknown_hall', 'No such hall / 没有这个展厅');
    const account = await identifyHallAccount(s.repos, req.headers, params.hallId).catch(() => null);
    let verdict;
    try {
      verdict = await entry.decide(
        {
          hallId: params.hallId,
          account,
          code: body.code ?? null,
          pass: body.pass ?? null,
          device: deviceOf(req.headers, null),
          address: s.addresses.of(req as Request),
        },
        false,
      );
    } catch (err) {
      if (err instanceof EntryUnavailable) throw new HttpError(503, 'entry_unavailable', 'Entry cannot be checked right now / 暂时无法核验入场，请稍后再试');
      throw err;
    }
    if (!verdict.ok) {
      const status = verdict.refusal === EntryRefusal.throttled ? 429 : verdict.refusal === EntryRefusal.accountNeeded ? 401 : 403;
      const headers: Record<string, string> = verdict.retryAfterS ? { 'Retry-After': String(verdict.retryAfterS) } : {};
      throw new HttpError(status, verdict.refusal, REFUSAL_TEXT[verdict.refusal], headers);
    }
    return { ok: true as const, rule: verdict.rule };
  });

  bind(router, routes.entrySettings, deps, async () => {
    const expoId = await activeExpoId(s);
    const expo = await s.repos.expos.get(expoId);
    const halls = HALL_IDS.filter((h) => expo?.halls.includes(h));
    const [rows, invites] = await Promise.all([s.repos.entry.rules(expoId), s.repos.entry.invites(expoId)]);
    return { rules: ruleViews(rows, halls), invites: invites.map(inviteView) };
  });

  bind(router, routes.setEntryRule, deps, async ({ params, body, user }) => {
    const expoId = await activeExpoId(s);
    const scope = params.scope === 'expo' ? EXPO_SCOPE : params.scope;
    if (scope !== EXPO_SCOPE && !isHallId(scope)) throw new HttpError(404, 'unknown_hall', 'No such hall / 没有这个展厅');
    if (scope === EXPO_SCOPE && body.rule === 'inherit')
      throw new HttpError(400, 'invalid_rule', 'The expo has nothing to inherit from / 展会级规则不能设为“跟随展会”');
    const rows = await s.repos.entry.rules(expoId);
    const current = rows.find((r) => r.hallId === scope) ?? null;
    let codeHash: string | null | undefined;
    if (body.rule === 'code') {
      if (body.code) codeHash = await hashEntryCode(body.code);
      else if (!current?.codeHash) throw new HttpError(400, 'code_required', 'Set an entry code (4 to 32 characters) / 请设置入场码（4–32 个字符）');
    }
    await s.repos.entry.set(expoId, scope, body.rule, codeHash, user.id);
    changed();
    await s.repos.audit.record({
      actorId: user.id,
      action: 'organizer.entry_rule',
      targetType: 'hall',
      targetId: scope === EXPO_SCOPE ? 'expo' : scope,
      detail: { rule: body.rule, newCode: codeHash !== undefined },
    });
    const expo = await s.repos.expos.get(expoId);
    const views = ruleViews(
      await s.repos.entry.rules(expoId),
      HALL_IDS.filter((h) => expo?.halls.includes(h) || h === scope),
    );
    return views.find((v) => v.scope === (scope === EXPO_SCOPE ? 'expo' : scope))!;
  });

  bind(router, routes.createEntryInvite, deps, async ({ body, user }) => {
    const expoId = await activeExpoId(s);
    if (body.hallId !== null && !isHallId(body.hallId)) throw new HttpError(404, 'unknown_hall', 'No such hall / 没有这个展厅');
    const token = newToken();
    const invite = await s.repos.entry.createInvite({
      expoId,
      hallId: body.hallId,
      label: body.label,
      tokenHash: hashToken(token),
      maxUses: body.maxUses ?? null,
      expiresAt: body.days ? Date.now() + body.days * 86_400_000 : null,
      by: user.id,
    });
    await s.repos.audit.record({ actorId: user.id, action: 'organizer.entry_invite', targetType: 'invite', targetId: invite.id });
    const path = `/${body.hallId ? `?hall=${body.hallId}&` : '?'}pass=${token}`;
    return { invite: inviteView(invite), token, path };
  });

  bind(router, routes.revokeEntryInvite, deps, async ({ params, user }) => {
    const expoId = await activeExpoId(s);
    if (!(await s.repos.entry.revokeInvite(expoId, params.inviteId))) throw new HttpError(404, 'not_found', 'No such entry pass / 没有这个入场邀请');
    await s.repos.audit.record({ actorId: user.id, action: 'organizer.entry_revoke', targetType: 'invite', targetId: params.inviteId });
    return { ok: true as const };
  });
}
