/**
 * The client's side of the message registry (shared/messages.ts): sends take a name from
 * clientMessages and its payload type; listeners get a name from serverMessages and a payload that
 * has passed its schema (a message that does not is dropped with a warning, not half-applied). The
 * schemas load with the first message (serverChecks.ts) and messages are delivered in arrival order.
 */
import type { Room } from 'colyseus.js';
import type { ClientMessageName, ClientPayloadInput, ServerMessageName, ServerPayload } from '../../../shared/messages';
import { serverSchemas } from './serverChecks';

export function sendMessage<N extends ClientMessageName>(room: Room, name: N, payload: ClientPayloadInput<N>): void {
  room.send(name, payload);
}

/** Returns the unsubscribe function; a message that arrived before it is still delivered. */
export function onServerMessage<N extends ServerMessageName>(room: Room, name: N, listener: (payload: ServerPayload<N>) => void): () => void {
  return room.onMessage(name, (raw: unknown) => {
    serverSchemas().then(
      ({ serverMessages }) => {
        const r = serverMessages[name].schema.safeParse(raw);
        if (r.success) listener(r.data as ServerPayload<N>);
        else console.warn(`dropped a malformed '${name}' message from the server`, r.error.issues);
      },
      () => console.warn(`dropped a '${name}' message: its schema could not be loaded`),
    );
  });
}
