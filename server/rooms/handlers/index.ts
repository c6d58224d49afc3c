/**
 * The hall's message handlers, one per entry of shared/messages.ts' clientMessages, keyed by name.
 * The map's type is built from the registry: a message without a handler does not compile. Each
 * handler gets an already admitted, validated payload (see ../dispatch.ts) and does its work through
 * the context, so tests drive it with a fresh state and a stub client.
 */
import type { ClientMessageName, ClientPayload, PresentItem, ReactionKind, ServerMessageName, ServerPayload } from '../../../shared/messages';
import { POS_SCALE } from '../../../shared/constants';
import { isNearSlot } from '../../../shared/boothReach';
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
  /** a reaction at a booth slot, to every instance of the hall */
  react(slotId: string, kind: ReactionKind): void;
  /** staff show something at their booth (null: stop), to every instance of the hall */
  present(sessionId: string, slotId: string, item: PresentItem | null, by: string): void;
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
  react(ctx, p) {
    // only from someone standing at that booth (the server's pose, not the client's word)
    const v = ctx.visitor;
    if (v.x === undefined || !isNearSlot(ctx.hall.layout, p.slotId, v.x / POS_SCALE, v.z / POS_SCALE)) return;
    ctx.hall.react(p.slotId, p.kind);
  },
  present(ctx, p) {
    // staff of this booth only: the 'staff' role admits booth staff on duty, this checks which booth
    if (ctx.session.staffSlotId !== p.slotId) return;
    ctx.hall.present(ctx.sessionId, p.slotId, p.item, ctx.visitor.name);
  },
  chat(ctx, p) {
    ctx.hall.broadcast('chat', handleChat(ctx.hall.chatLog, { sessionId: ctx.sessionId, name: ctx.visitor.name }, p, ctx.now));
  },
};
