/**
 * The client checks what the server sends with the shared schemas, loaded lazily (client/src/net/
 * serverChecks.ts) so zod stays out of the hall's first download. These pin what that must keep:
 * malformed payloads are dropped, good ones arrive parsed and in arrival order, and the route table
 * the client builds requests from has the same methods and paths as the one the server binds.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Room } from 'colyseus.js';
import { onServerMessage } from '../../client/src/net/messages';
import { serverSchemas } from '../../client/src/net/serverChecks';
import { endpoints } from '../../shared/api/endpoints';
import { routes } from '../../shared/api/routes';
import { checkHallLayouts } from '../../server/hallLayouts';

/** Just enough of a colyseus.js Room to deliver messages by type. */
function fakeRoom() {
  const handlers = new Map<string, (raw: unknown) => void>();
  const room = { onMessage: (type: string, cb: (raw: unknown) => void) => (handlers.set(type, cb), () => handlers.delete(type)) } as unknown as Room;
  return { room, deliver: (type: string, raw: unknown) => handlers.get(type)?.(raw) };
}

describe('server message checks on the client', () => {
  it('deliver parsed payloads in arrival order across message kinds and drop malformed ones', async () => {
    const { room, deliver } = fakeRoom();
    const got: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    onServerMessage(room, 'chat', (m) => got.push(`chat:${m.text}`));
    onServerMessage(room, 'notice', (n) => got.push(`notice:${n.code}`));
    deliver('chat', { id: 1, from: 'a', name: 'A', text: 'one', at: 1 });
    deliver('notice', { code: 'rate_limited' });
    deliver('chat', { id: 2, from: 'a', name: 'A', text: 42, at: 2 });
    deliver('chat', { id: 3, from: 'a', name: 'A', text: 'three', at: 3 });
    await serverSchemas();
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual(['chat:one', 'notice:rate_limited', 'chat:three']);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe('the zod-free route table', () => {
  it('has every route of the server’s table with the same method and path', () => {
    expect(Object.keys(endpoints).sort()).toEqual(Object.keys(routes).sort());
    for (const [name, r] of Object.entries(routes)) expect({ method: r.method, path: r.path }).toEqual(endpoints[name as keyof typeof endpoints]);
  });
});

describe('the server’s start-up layout check', () => {
  it('accepts the committed layouts', () => {
    expect(() => checkHallLayouts()).not.toThrow();
  });
});
