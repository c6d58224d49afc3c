/**
 * The client's side of the message registry (shared/messages.ts): sends take a name from
 * clientMessages and its payload type; listeners get a name from serverMessages and a payload that
 * has passed its schema (a message that does not is dropped with a warning, not half-applied).
 */
import type { Room } from 'colyseus.js';
import { serverMessages, type ClientMessageName, type ClientPayloadInput, type ServerMessageName, type ServerPayload } from '../../../shared/messages';

export function sendMessage<N extends ClientMessageName>(room: Room, name: N, payload: ClientPayloadInput<N>): void {
  room.send(name, payload);
}

/** Returns the unsubscribe function. */
export function onServerMessage<N extends ServerMessageName>(room: Room, name: N, listener: (payload: ServerPayload<N>) => void): () => void {
  const schema = serverMessages[name].schema;
  return room.onMessage(name, (raw: unknown) => {
    const r = schema.safeParse(raw);
    if (r.success) listener(r.data as ServerPayload<N>);
    else console.warn(`dropped a malformed '${name}' message from the server`, r.error.issues);
  });
}
