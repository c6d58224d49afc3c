/**
 * The hall's message handlers, one per entry of shared/messages.ts' clientMessages, keyed by name.
 * The map's type is built from the registry: a message without a handler does not compile. Each
 * handler gets an already admitted, validated payload (see ../dispatch.ts) and does its work through
 * the context, so tests drive it with a fresh state and a stub client.
 */
import type { ClientMessageName, ClientPayload, ServerMessageName, ServerPayload } from '../../../shared/messages';
import type { HallLayout } from '../../../shared/layout';
import type { Visitor } from '../../../shared/schema/Visitor';
import type { Session } from '../session';
import { handleChat, type ChatLog } from './chat';
import { applyMove } from './move';

/** What handlers may touch of the hall instance. */
export interface HallContext {
  layout: HallLayout;
  chatLog: ChatLog;
  broadcast<N extends ServerMessageName>(name: N, payload: ServerPayload<N>): void;
  /** a visitor's position changed (interest management re-checks its cell) */
  moved(sessionId: string): void;
}

export interface MessageContext {
  hall: HallContext;
  sessionId: string;
  session: Session;
  visitor: Visitor;
  now: number;
}

export type HallHandlers = { readonly [N in ClientMessageName]: (ctx: MessageContext, payload: ClientPayload<N>) => void };

export const hallHandlers: HallHandlers = {
  move(ctx, p) {
    applyMove(ctx.visitor, ctx.session, p, ctx.now, ctx.hall.layout);
    ctx.hall.moved(ctx.sessionId);
  },
  chat(ctx, p) {
    ctx.hall.broadcast('chat', handleChat(ctx.hall.chatLog, { sessionId: ctx.sessionId, name: ctx.visitor.name }, p, ctx.now));
  },
};
