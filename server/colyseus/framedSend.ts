/**
 * One WebSocket frame, many sockets.
 *
 * A state patch is encoded once per shared interest view, and every client in that view gets the
 * same bytes. Server-to-client frames are never masked, so the whole frame (header + payload) is
 * identical for all of them: we build it once and hand it to each socket in a single write,
 * instead of letting `ws` re-frame the payload per client and issue a two-buffer writev for each.
 * At 300 visitors this halves the JavaScript work around the 300 socket writes of every patch and
 * takes most of the per-send garbage out of the 20 Hz loop (see bench/crowd.ts).
 *
 * It reaches into `ws` internals (pinned exactly in package.json), so it only takes the shortcut
 * when `ws` could not be doing anything else with the socket: connection open, no per-message
 * deflate, nothing queued in its sender. Otherwise it falls back to `client.raw`, which keeps the
 * ordering guarantees of the normal path.
 */
import type { Client } from '@colyseus/core';
import type { Socket } from 'node:net';

const OPEN = 1;
/** ws' Sender state when it is not busy deflating or reading a Blob */
const SENDER_IDLE = 0;

interface WsInternals {
  readyState: number;
  _socket?: Socket;
  _sender?: { _state: number; _queue: unknown[] };
  _extensions?: Record<string, unknown>;
}

/** A payload and the WebSocket frame around it, in one buffer: `payload` is the frame's tail. */
export interface Framed {
  payload: Buffer;
  frame: Buffer;
}

/**
 * An unmasked, final, binary frame (RFC 6455 §5.2) for an `n`-byte payload, with the payload left
 * to be filled in: an encoder writes it in place, and the bytes are copied once instead of twice.
 */
export function framed(n: number): Framed {
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x82; // FIN + binary opcode
  if (n < 126) {
    frame[1] = n;
  } else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(0, 2);
    frame.writeUInt32BE(n, 6);
  }
  return { payload: frame.subarray(head), frame };
}

/** The unmasked, final, binary frame for `payload` (RFC 6455 §5.2). */
export function binaryFrame(payload: Uint8Array): Buffer {
  const f = framed(payload.length);
  f.payload.set(payload);
  return f.frame;
}

/** The socket to write a pre-built frame to, or null when the client must go through `ws`. */
function directSocket(client: Client): Socket | null {
  const ws = (client as unknown as { ref?: WsInternals }).ref;
  if (!ws || ws.readyState !== OPEN) return null;
  const socket = ws._socket;
  const sender = ws._sender;
  if (!socket || !sender || sender._state !== SENDER_IDLE || sender._queue.length > 0) return null;
  // permessage-deflate is the only extension ws implements (a keyed check: no garbage per send)
  if (ws._extensions?.['permessage-deflate'] !== undefined) return null;
  if (socket.destroyed || !socket.writable) return null;
  return socket;
}

/** Sends `payload` to `client`, as the shared pre-built `frame` when the socket allows it. */
export function sendFramed(client: Client, payload: Buffer, frame: Buffer): void {
  const socket = directSocket(client);
  if (socket) socket.write(frame);
  else client.raw(payload);
}
