/**
 * InterestManager against Colyseus' real serializer and decoders, without sockets: every fake
 * client decodes exactly the bytes Colyseus would send it, and after each patch we compare what
 * it believes with the server's state. Near visitors must match in full; far ones must have no
 * pose (undefined) but a current dot; everyone is on everyone's roster. Uses the room's own
 * serializer (one encoding per shared view, each visitor's pose encoded once per patch, nothing
 * sent for an empty patch), and checks that its bytes are exactly those of Colyseus' stock
 * per-view encoder.
 */
import { describe, expect, it, vi } from 'vitest';
import { ClientState, type Client } from '@colyseus/core';
import { Decoder, Encoder, Schema, defineTypes, view } from '@colyseus/schema';
import { INTEREST_CELL_M } from '../../shared/constants';
import { toCm } from '../../shared/quantize';
import { HallState } from '../../shared/schema/HallState';
import { Visitor } from '../../shared/schema/Visitor';
import { InterestManager } from '../../server/rooms/interest';
import { InterestSerializer } from '../../server/colyseus/interestSerializer';
import { makeRoom } from '../../server/colyseus/viewEncoder';

interface FakeClient {
  sessionId: string;
  state: ClientState;
  view?: unknown;
  decoded: HallState;
  decoder: Decoder;
  bytes: number;
  /** every patch received, for comparing encoders byte for byte */
  log: Buffer[];
  raw(b: Uint8Array): void;
}

/** A room in miniature: state, serializer, interest manager and decoding clients. */
function hall(shared = true) {
  const state = new HallState();
  const ser = new InterestSerializer<HallState>(shared ? { shareEncodingOf: [Visitor] } : {});
  ser.reset(state);
  const interest = new InterestManager();
  const clients = new Map<string, FakeClient>();
  let seq = 0;

  function join(x: number, z: number, withClient = true): string {
    const id = `v${seq++}`;
    const v = new Visitor();
    v.name = id;
    v.x = toCm(x);
    v.y = 0;
    v.z = toCm(z);
    v.ry = 0;
    v.anim = 0;
    state.visitors.set(id, v);
    let c: FakeClient | null = null;
    if (withClient) {
      const decoded = new HallState();
      c = {
        sessionId: id,
        state: ClientState.JOINING,
        decoded,
        decoder: new Decoder(decoded),
        bytes: 0,
        log: [],
        raw(b: Uint8Array) {
          this.bytes += b.length;
          this.log.push(Buffer.from(b));
          this.decoder.decode(b as Buffer, { offset: 1 });
        },
      };
      clients.set(id, c);
    }
    interest.add(id, v, c as unknown as Client);
    if (c) {
      // Colyseus sends the full state when the client acknowledges the join.
      c.state = ClientState.JOINED;
      c.raw(ser.getFullState(c as unknown as Client));
    }
    return id;
  }

  function leave(id: string): void {
    state.visitors.delete(id);
    interest.remove(id);
    clients.delete(id);
  }

  function move(id: string, x: number, z: number, ry = 0): void {
    const v = state.visitors.get(id)!;
    v.x = toCm(x);
    v.z = toCm(z);
    v.ry = ry;
    v.anim = 1;
    interest.moved(id);
  }

  function patch(): void {
    interest.beforePatch();
    ser.applyPatches([...clients.values()] as unknown as Client[]);
    interest.afterPatch();
  }

  /** Checks every client's decoded state against the server's; returns the number of checks. */
  function verify(): number {
    let checks = 0;
    const wrong: string[] = [];
    for (const c of clients.values()) {
      const near = new Set(interest.nearOf(c.sessionId));
      if (c.decoded.visitors.size !== state.visitors.size) wrong.push(`${c.sessionId}: roster of ${c.decoded.visitors.size}, not ${state.visitors.size}`);
      for (const [id, v] of state.visitors) {
        checks++;
        const seen = c.decoded.visitors.get(id);
        if (!seen) {
          wrong.push(`${c.sessionId}: ${id} missing from the roster`);
          continue;
        }
        if (seen.name !== v.name || seen.gx !== v.gx || seen.gz !== v.gz) wrong.push(`${c.sessionId}: ${id}'s roster entry or dot is stale`);
        if (near.has(id)) {
          if (seen.x !== v.x || seen.y !== v.y || seen.z !== v.z || seen.ry !== v.ry || seen.anim !== v.anim) {
            wrong.push(`${c.sessionId}: near ${id} at ${seen.x},${seen.z} (${seen.ry}), server says ${v.x},${v.z} (${v.ry})`);
          }
        } else if (seen.x !== undefined || seen.z !== undefined || seen.ry !== undefined) {
          wrong.push(`${c.sessionId}: far ${id} still has a pose`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    return checks;
  }

  const fullState = (c: FakeClient) => ser.getFullState(c as unknown as Client);
  return { state, interest, clients, join, leave, move, patch, verify, fullState };
}

const C = INTEREST_CELL_M;

/**
 * A seeded crowd script (walks, jumps across cells, joins, leaves, a dropped socket now and
 * then), the same on every hall it runs on; `verify` runs after every patch.
 */
function randomCrowd(h: ReturnType<typeof hall>, verify: () => number = () => 0): number {
  let rnd = 12345;
  const rand = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pos = new Map<string, { x: number; z: number }>();
  const add = (withClient = true) => {
    const x = rand() * 8 * C - 4 * C;
    const z = rand() * 8 * C - 4 * C;
    const id = h.join(x, z, withClient);
    pos.set(id, { x, z });
  };
  for (let i = 0; i < 40; i++) add(i % 8 !== 0);
  h.patch();
  let checks = verify();
  for (let tick = 0; tick < 150; tick++) {
    for (const [id, p] of pos) {
      const r = rand();
      if (r < 0.5) continue;
      if (r < 0.98) {
        p.x += (rand() - 0.5) * 1.2;
        p.z += (rand() - 0.5) * 1.2;
      } else {
        // a jump across several cells: nothing in the game does it, the manager must cope anyway
        p.x = rand() * 8 * C - 4 * C;
        p.z = rand() * 8 * C - 4 * C;
      }
      h.move(id, p.x, p.z, Math.floor(rand() * 256));
    }
    if (tick % 10 === 3) add();
    if (tick % 15 === 7) {
      const [id] = [...pos.keys()].slice(Math.floor(rand() * pos.size), 1);
      if (id) {
        h.leave(id);
        pos.delete(id);
      }
    }
    if (tick % 25 === 11) {
      // A socket drops and comes back: the visitor stays, the client re-attaches with a full state.
      const id = [...h.clients.keys()][0];
      const c = h.clients.get(id)!;
      h.interest.detach(id);
      h.clients.delete(id);
      h.patch();
      h.interest.attach(id, c as unknown as Client);
      // colyseus.js starts a fresh state on reconnect, and the server sends it in full.
      c.decoded = new HallState();
      c.decoder = new Decoder(c.decoded);
      c.raw(h.fullState(c));
      h.clients.set(id, c);
    }
    h.patch();
    checks += verify();
  }
  return checks;
}

describe('interest management with shared per-cell StateViews', () => {
  it('near visitors arrive in full, far ones only as roster entry and dot', () => {
    const h = hall();
    const a = h.join(5, 5);
    const b = h.join(C + 5, 5); // adjacent cell: near
    const far = h.join(5 * C, 5 * C); // far away
    h.patch();
    h.verify();
    const seenByA = h.clients.get(a)!.decoded.visitors;
    expect(seenByA.get(b)!.x).toBe(toCm(C + 5));
    expect(seenByA.get(far)!.x).toBeUndefined();
    expect(seenByA.get(far)!.name).toBe(far);
    // The far visitor's dot still says roughly where it is (for the minimap).
    expect(seenByA.get(far)!.gx).toBeGreaterThan(seenByA.get(b)!.gx);
  });

  it("a far visitor's walking costs a near-by client nothing but the dot refreshes", () => {
    const h = hall();
    const a = h.join(5, 5);
    const far = h.join(6 * C, 6 * C);
    h.patch();
    const before = h.clients.get(a)!.bytes;
    const farBefore = h.clients.get(far)!.bytes;
    for (let i = 0; i < 40; i++) {
      h.move(far, 6 * C + (i % 10) * 0.4, 6 * C, i % 256);
      h.patch();
    }
    h.verify();
    const costToA = h.clients.get(a)!.bytes - before;
    const costToFar = h.clients.get(far)!.bytes - farBefore;
    expect(costToFar).toBeGreaterThan(costToA * 3);
  });

  it('walking into range brings the full pose; walking out clears it', () => {
    const h = hall();
    const a = h.join(5, 5);
    const b = h.join(4 * C + 5, 5);
    h.patch();
    h.verify();
    // b walks towards a, one metre per patch, and back out again.
    for (let x = 4 * C + 5; x > 5; x -= 1) {
      h.move(b, x, 5);
      h.patch();
      h.verify();
    }
    expect(h.clients.get(a)!.decoded.visitors.get(b)!.x).toBeDefined();
    for (let x = 5; x < 5 * C; x += 1) {
      h.move(b, x, 5);
      h.patch();
      h.verify();
    }
    expect(h.clients.get(a)!.decoded.visitors.get(b)!.x).toBeUndefined();
  });

  it('stays exact through a random crowd: walks, jumps, joins, leaves, dropped sockets', () => {
    const h = hall();
    const checks = randomCrowd(h, () => h.verify());
    expect(checks).toBeGreaterThan(5000);
    // Views are shared: far fewer views than clients.
    const s = h.interest.stats();
    expect(s.views).toBeLessThanOrEqual(s.cells);
  });

  it('stays exact when the encoder has to grow its buffer mid-patch', () => {
    const size = Encoder.BUFFER_SIZE;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      // Room for the full state (Colyseus' join path needs that) but not for a patch's views back
      // to back: the serializer must make room before each view instead of writing past the end.
      Encoder.BUFFER_SIZE = 4096;
      const ours = hall(true);
      const stock = hall(false);
      randomCrowd(stock, () => stock.verify());
      randomCrowd(ours, () => ours.verify());
      for (const [id, c] of ours.clients) {
        const s = stock.clients.get(id)!;
        expect(c.log.length, id).toBe(s.log.length);
        c.log.forEach((b, i) => expect(b.equals(s.log[i]), `${id}, patch ${i}`).toBe(true));
      }
    } finally {
      Encoder.BUFFER_SIZE = size;
      warn.mockRestore();
    }
  });

  it("sends exactly the bytes of Colyseus' own per-view encoder", () => {
    const ours = hall(true);
    const stock = hall(false);
    randomCrowd(ours);
    randomCrowd(stock);
    let patches = 0;
    for (const [id, c] of ours.clients) {
      const s = stock.clients.get(id)!;
      expect(c.log.length, id).toBe(s.log.length);
      c.log.forEach((b, i) => expect(b.equals(s.log[i]), `${id}, patch ${i}`).toBe(true));
      patches += c.log.length;
    }
    expect(patches).toBeGreaterThan(3000);
  });

  it('someone joining in the very patch a client changes cell still reaches it in full', () => {
    const h = hall();
    const c = h.join(C - 3, 5); // cell (0,0)
    h.join(C + 5, 5); // a client already in cell (1,0): its view exists
    h.patch();
    h.move(c, C + 3, 5); // c crosses into (1,0) ...
    h.join(C - 1, 8); // ... while u appears in (0,0), in range of both cells
    h.patch();
    h.verify();
  });

  it('clients in one cell share one view', () => {
    const h = hall();
    const ids = Array.from({ length: 10 }, (_, i) => h.join(3 + i * 0.5, 3));
    h.patch();
    expect(h.interest.stats().views).toBe(1);
    const views = new Set(ids.map((id) => h.clients.get(id)!.view));
    expect(views.size).toBe(1);
    h.verify();
  });
});

describe('sharing encoded poses between views', () => {
  it('refuses a class with a custom view tag (its bytes would differ per view)', () => {
    class Tagged extends Schema {
      declare secret: number;
    }
    defineTypes(Tagged, { secret: 'uint8' });
    view(7)(Tagged.prototype, 'secret');
    expect(() => new InterestSerializer({ shareEncodingOf: [Tagged] })).toThrow(/custom view tag/);
    expect(() => new InterestSerializer({ shareEncodingOf: [Visitor] })).not.toThrow();
  });

  it("makes room in the encoder's buffer, keeping what is already written", () => {
    const enc = { sharedBuffer: Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]) };
    const before = enc.sharedBuffer;
    makeRoom(enc, 4, 4);
    expect(enc.sharedBuffer).toBe(before); // enough space already: nothing moves
    makeRoom(enc, 6, 100);
    expect(enc.sharedBuffer.length).toBeGreaterThanOrEqual(106);
    expect([...enc.sharedBuffer.subarray(0, 6)]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
