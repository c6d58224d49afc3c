/**
 * framedSend: one pre-built WebSocket frame written to many sockets. The frame must be what a
 * WebSocket client accepts (checked with ws' own client-side Receiver at each length encoding),
 * and anything but an idle, open, uncompressed ws connection must go through client.raw.
 */
import { describe, expect, it } from 'vitest';
import type { EventEmitter } from 'node:events';
import * as ws from 'ws';
import type { Client } from '@colyseus/core';
import { binaryFrame, sendFramed } from '../../server/colyseus/framedSend';

// ws' frame parser; @types/ws does not declare it, ws exports it all the same.
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; binaryType: string }) => EventEmitter & { write(chunk: Buffer): void };
};

function receive(frame: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const r = new Receiver({ isServer: false, binaryType: 'nodebuffer' });
    r.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? resolve(data) : reject(new Error('text frame'))));
    r.on('error', reject);
    r.write(frame);
  });
}

describe('binaryFrame', () => {
  it.each([0, 1, 125, 126, 4000, 65535, 65536, 200_000])('a %i-byte payload arrives intact', async (n) => {
    const payload = Buffer.alloc(n);
    for (let i = 0; i < n; i++) payload[i] = (i * 31) & 0xff;
    const frame = binaryFrame(payload);
    expect(frame.length).toBe(n + (n < 126 ? 2 : n < 65536 ? 4 : 10));
    expect((await receive(frame)).equals(payload)).toBe(true);
  });
});

describe('sendFramed', () => {
  function fakeClient(ws: Record<string, unknown> | undefined) {
    const raw: Buffer[] = [];
    const written: Buffer[] = [];
    const socket = { destroyed: false, writable: true, write: (b: Buffer) => written.push(b) };
    const ref = ws && { readyState: 1, _socket: socket, _sender: { _state: 0, _queue: [] }, _extensions: {}, ...ws };
    const client = { ref, raw: (b: Buffer) => raw.push(b) } as unknown as Client;
    return { client, raw, written };
  }
  const payload = Buffer.from([4, 1, 2, 3]);
  const frame = binaryFrame(payload);

  it('writes the shared frame straight to an idle open socket', () => {
    const c = fakeClient({});
    sendFramed(c.client, payload, frame);
    expect(c.written).toEqual([frame]);
    expect(c.raw).toEqual([]);
  });

  it.each([
    ['no ws connection (tests, other transports)', undefined],
    ['a closing connection', { readyState: 2 }],
    ['a sender busy compressing', { _sender: { _state: 1, _queue: [] } }],
    ['messages queued in the sender', { _sender: { _state: 0, _queue: [['x']] } }],
    ['per-message deflate negotiated', { _extensions: { 'permessage-deflate': {} } }],
    ['no socket', { _socket: undefined }],
  ])('goes through client.raw with %s', (_what, ws) => {
    const c = fakeClient(ws as Record<string, unknown> | undefined);
    sendFramed(c.client, payload, frame);
    expect(c.raw).toEqual([payload]);
    expect(c.written).toEqual([]);
  });
});
