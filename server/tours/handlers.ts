/**
 * The `tour` room message's handler (issue #12, group tours): the dispatcher has admitted the sender
 * (organizers and booth staff only) and checked the payload; the room's tour decides the rest.
 */
import type { ClientPayload, SenderRole } from '../../shared/messages';
import type { MessageContext } from '../rooms/handlers';

/** What the handler may touch of the room's public tour (./roomTour.ts). */
export interface HallTourPort {
  command(sessionId: string, roles: ReadonlySet<SenderRole>, cmd: ClientPayload<'tour'>, now: number): void;
}

export function handleTour(ctx: MessageContext, p: ClientPayload<'tour'>): void {
  ctx.hall.tour?.command(ctx.sessionId, ctx.session.roles, p, ctx.now);
}
