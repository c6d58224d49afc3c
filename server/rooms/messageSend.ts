/** Server-to-client sends typed from the message registry: a name from serverMessages, its payload type. */
import type { ServerMessageName, ServerPayload } from '../../shared/messages';

export interface MessageTarget {
  send(type: string, message?: unknown): void;
}

export interface BroadcastTarget {
  broadcast(type: string, message?: unknown): void;
}

export function sendTo<N extends ServerMessageName>(client: MessageTarget, name: N, payload: ServerPayload<N>): void {
  client.send(name, payload);
}

export function broadcastMsg<N extends ServerMessageName>(room: BroadcastTarget, name: N, payload: ServerPayload<N>): void {
  room.broadcast(name, payload);
}
