/**
 * The room side of Q&A (issue #11): the two visitor messages, already admitted by the registry's
 * sender rule and budgets and validated by their schemas (../rooms/dispatch.ts). The hall's port
 * (RoomQa) stores and publishes; a muted visitor may not ask, since a question is shown to the hall
 * like a chat line (voting stays open: it shows nothing of the voter).
 */
import type { ClientPayload } from '../../shared/messages';
import type { QaRefusal } from '../../shared/api/qa';
import { isPrivileged } from '../moderation/hallModeration';
import type { MessageContext } from '../rooms/handlers';
import type { QaVisitor } from './roomQa';

/** What the Q&A handlers may touch of the hall instance (RoomQa implements it). */
export interface HallQaPort {
  ask(v: QaVisitor, text: string): Promise<void>;
  vote(v: QaVisitor, questionId: string): Promise<void>;
  refuse(v: Pick<QaVisitor, 'sessionId'>, action: 'ask' | 'vote', code: QaRefusal): void;
}

const visitorOf = (ctx: MessageContext): QaVisitor => ({ sessionId: ctx.sessionId, keys: ctx.session.moderationKeys, name: ctx.visitor.name });

export function handleQaAsk(ctx: MessageContext, p: ClientPayload<'qaAsk'>): void {
  const port = ctx.hall.qa;
  if (!port) return;
  if (!isPrivileged(ctx.session.roles) && ctx.hall.moderation?.rules.muteOf(ctx.session.moderationKeys, ctx.now)) return port.refuse(ctx, 'ask', 'muted');
  void port.ask(visitorOf(ctx), p.text);
}

export function handleQaVote(ctx: MessageContext, p: ClientPayload<'qaVote'>): void {
  const port = ctx.hall.qa;
  if (!port) return;
  void port.vote(visitorOf(ctx), p.questionId);
}
