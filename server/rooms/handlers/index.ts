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
import { clockReply } from './clock';
import { starterWordFilter, type WordFilter } from '../../moderation/wordFilter';
import { chatRefusal, handleModerate, handleReport, noteChatLine, type HallModerationPort } from './moderation';
import { handleQaAsk, handleQaVote, type HallQaPort } from '../../qa/handlers';
import { handleTour, type HallTourPort } from '../../tours/handlers';
import { handleVoice, type HallVoicePort } from '../../voice/handlers';

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
  /** a message to one visitor of this instance (the clock's answer); optional so handler tests that do not reply need not stub it */
  sendTo?<N extends ServerMessageName>(sessionId: string, name: N, payload: ServerPayload<N>): void;
  /** chat rules, reports and moderators' actions (issue #11); absent: no rules (handler tests of other messages) */
  moderation?: HallModerationPort;
  /** the sensitive-word filter chat lines are masked with (issue #11); absent (stub halls in tests): the starter lists */
  words?: Pick<WordFilter, 'mask'>;
  /** Q&A for the session on stage (server/qa, issue #11); absent: no Q&A (handler tests of other messages) */
  qa?: HallQaPort;
  /** the instance's public tour (server/tours, issue #12); absent: tour commands do nothing (handler tests of other messages) */
  tour?: HallTourPort;
  /** proximity voice's ICE servers and relay targets (server/voice, issue #13); absent: voice on gets no ICE servers and signals go nowhere */
  voice?: HallVoicePort;
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
    // a 2D catalog visitor sits at the entrance (issue #13): the server never moves them
    if (ctx.visitor.seated) return;
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
  clock(ctx, p) {
    // the server's time as late as possible, so the sample's round trip holds only the network
    ctx.hall.sendTo?.(ctx.sessionId, 'clock', clockReply(p, Date.now()));
  },
  chat(ctx, p) {
    // the hall's chat rules first (muted, chat off, mute all, slow mode: issue #11)
    const refused = chatRefusal(ctx);
    if (refused) return void ctx.hall.sendTo?.(ctx.sessionId, 'notice', { code: refused });
    // masked before it is shown or stored: the sensitive-word filter (issue #11)
    const text = (ctx.hall.words ?? starterWordFilter()).mask(p.text);
    const line = handleChat(ctx.hall.chatLog, { sessionId: ctx.sessionId, name: ctx.visitor.name }, { ...p, text }, ctx.now);
    ctx.hall.broadcast('chat', line);
    noteChatLine(ctx, line.id, line.text);
  },
  // moderation (issue #11)
  report: handleReport,
  moderate: handleModerate,
  // Q&A (issue #11)
  qaAsk: handleQaAsk,
  qaVote: handleQaVote,
  // group tours (issue #12)
  tour: handleTour,
  // proximity voice (issue #13)
  voice: handleVoice,
};
