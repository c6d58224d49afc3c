/**
 * The room side of moderation (issue #11): a visitor's report and a moderator's action both name a
 * chat line id or a session id of this instance; the server resolves whom that is (keys, name) and
 * hands it to the room's port, which stores and publishes (server/moderation/service.ts). A chat
 * line is held to the hall's rules before it goes out.
 */
import type { ClientPayload } from '../../../shared/messages';
import { NoticeCode } from '../../../shared/protocol';
import type { ReportReason, SanctionAction } from '../../../shared/api/moderationTerms';
import { isPrivileged, type HallModeration } from '../../moderation/hallModeration';
import type { MessageContext } from './index';

/** Whom a report or an action is about, resolved in this instance. */
export interface ResolvedTarget {
  sessionId: string;
  keys: string[];
  name: string;
  privileged: boolean;
  lineId: number | null;
  lineText: string | null;
}

/** What the moderation handlers may touch of the hall instance (HallRoom implements it). */
export interface HallModerationPort {
  rules: HallModeration;
  /** a connection of this instance, by session id */
  person(sessionId: string): { keys: string[]; name: string; privileged: boolean } | null;
  report(reporterSessionId: string, target: ResolvedTarget, reason: ReportReason, note: string): void;
  act(actor: { sessionId: string; userId: string | null }, target: ResolvedTarget, action: SanctionAction, minutes: number | null): void;
}

type Target = ClientPayload<'report'>['target'];

export function resolveTarget(port: HallModerationPort, t: Target): ResolvedTarget | null {
  if (t.kind === 'line') {
    const l = port.rules.line(t.lineId);
    return l ? { sessionId: l.sessionId, keys: l.keys, name: l.name, privileged: l.privileged, lineId: t.lineId, lineText: l.text } : null;
  }
  const p = port.person(t.sessionId);
  return p ? { sessionId: t.sessionId, ...p, lineId: null, lineText: null } : null;
}

const notify = (ctx: MessageContext, code: NoticeCode) => ctx.hall.sendTo?.(ctx.sessionId, 'notice', { code });

export function handleReport(ctx: MessageContext, p: ClientPayload<'report'>): void {
  const port = ctx.hall.moderation;
  if (!port) return notify(ctx, NoticeCode.moderationFailed);
  const target = resolveTarget(port, p.target);
  // a line too old to remember, someone who left, or oneself: nothing to report
  if (!target || target.sessionId === ctx.sessionId) return notify(ctx, NoticeCode.reportGone);
  port.report(ctx.sessionId, target, p.reason, p.note ?? '');
}

export function handleModerate(ctx: MessageContext, p: ClientPayload<'moderate'>): void {
  const port = ctx.hall.moderation;
  if (!port) return notify(ctx, NoticeCode.moderationFailed);
  const target = resolveTarget(port, p.target);
  if (!target) return notify(ctx, NoticeCode.reportGone);
  // moderators and organizers are not moderated from the hall, and nobody acts on themselves
  if (target.privileged || target.sessionId === ctx.sessionId) return notify(ctx, NoticeCode.moderationFailed);
  port.act({ sessionId: ctx.sessionId, userId: ctx.session.userId }, target, p.action, p.action === 'kick' ? null : (p.minutes ?? null));
}

/** Holds a chat line to the hall's rules: the refusal's notice code, or null when it may go out. */
export function chatRefusal(ctx: MessageContext): NoticeCode | null {
  return ctx.hall.moderation?.rules.chatRefusal(ctx.session, ctx.now) ?? null;
}

/** Remembers who wrote a line that went out (reports and actions name its id) and when (slow mode). */
export function noteChatLine(ctx: MessageContext, lineId: number, text: string): void {
  ctx.session.lastChatAt = ctx.now;
  ctx.hall.moderation?.rules.noteLine(lineId, {
    sessionId: ctx.sessionId,
    keys: ctx.session.moderationKeys,
    name: ctx.visitor.name,
    text,
    privileged: isPrivileged(ctx.session.roles),
  });
}
