/**
 * The 2D catalog's visitor (issue #13), as pure functions: the join option is validated and turns
 * into a seat at the entrance; the move handler leaves a seated visitor where they are; the stamp
 * watcher gives nothing for sitting by a landmark.
 */
import { describe, expect, it } from 'vitest';
import { getLayout, HALL_IDS } from '../../shared/halls';
import { isWalkable } from '../../shared/layout';
import { JoinError, PROTOCOL_VERSION } from '../../shared/protocol';
import { fromCm, toCm } from '../../shared/quantize';
import { checkJoin, createVisitor, seatAtEntrance } from '../../server/rooms/handlers/join';
import { hallHandlers } from '../../server/rooms/handlers';
import { newChatLog } from '../../server/rooms/handlers/chat';
import { newSession } from '../../server/rooms/session';
import { StampWatcher } from '../../server/passport/stampWatcher';

const opts = (o: Record<string, unknown> = {}) => ({ protocol: PROTOCOL_VERSION, hallId: 'gulangyu', name: 'Alice', color: 2, style: 1, ...o });

describe('the 2D join option', () => {
  it("seats a visitor who says mode '2d', and only them", () => {
    const r = checkJoin(opts({ mode: '2d' }));
    expect(r.ok && r.auth.seated).toBe(true);
    const walk = checkJoin(opts({ mode: '3d' }));
    expect(walk.ok && walk.auth.seated).toBeFalsy();
    expect(checkJoin(opts()).ok && (checkJoin(opts()) as { auth: { seated?: boolean } }).auth.seated).toBeFalsy();
  });

  it('refuses any other mode', () => {
    expect(checkJoin(opts({ mode: 'vr' }))).toEqual({ ok: false, code: JoinError.badOptions });
    expect(checkJoin(opts({ mode: true }))).toEqual({ ok: false, code: JoinError.badOptions });
  });
});

describe('seatAtEntrance', () => {
  for (const hallId of HALL_IDS) {
    it(`${hallId}: sixteen seats on walkable ground within a few metres of the entrance, facing into the hall`, () => {
      const layout = getLayout(hallId);
      const spawn = layout.spawns[0];
      for (let i = 0; i < 16; i++) {
        const s = seatAtEntrance(layout, i);
        expect(isWalkable(layout, s.x, s.z)).toBe(true);
        expect(Math.hypot(s.x - spawn.x, s.z - spawn.z)).toBeLessThan(6);
        expect(s.ry).toBe(spawn.ry);
      }
    });
  }

  it('a seated visitor is created in their seat and flagged; a walking one is not', () => {
    const layout = getLayout('gulangyu');
    const auth = { hallId: 'gulangyu' as const, name: 'A', color: 0, style: 0 };
    const sat = createVisitor({ ...auth, seated: true }, layout, 3);
    const seat = seatAtEntrance(layout, 3);
    expect(sat.seated).toBe(true);
    expect(fromCm(sat.x)).toBeCloseTo(seat.x, 1);
    expect(fromCm(sat.z)).toBeCloseTo(seat.z, 1);
    expect(sat.anim).toBe(0);
    expect(createVisitor(auth, layout, 3).seated).toBe(false);
  });
});

describe('a seated visitor', () => {
  const layout = getLayout('gulangyu');
  const hall = { layout, chatLog: newChatLog(), broadcast: () => {}, moved: () => {}, react: () => {}, present: () => {} };

  it('is not moved by a move message (a walking one is)', () => {
    const auth = { hallId: 'gulangyu' as const, name: 'A', color: 0, style: 0 };
    const sat = createVisitor({ ...auth, seated: true }, layout, 0);
    const walker = createVisitor(auth, layout, 0);
    const x0 = sat.x;
    const z0 = sat.z;
    const w0 = { x: walker.x, z: walker.z };
    const to = { x: fromCm(x0) + 0.3, z: fromCm(z0), ry: 0, moving: true };
    hallHandlers.move({ hall, sessionId: 's', session: newSession(0), visitor: sat, now: 200 }, to);
    expect([sat.x, sat.z, sat.anim]).toEqual([x0, z0, 0]);
    hallHandlers.move({ hall, sessionId: 'w', session: newSession(0), visitor: walker, now: 200 }, { ...to, x: fromCm(w0.x) + 0.3, z: fromCm(w0.z) });
    expect(walker.x).not.toBe(w0.x);
  });

  it('earns no stamp by sitting next to a landmark', () => {
    const stamp = { id: 'x', kind: 'landmark' as const, hallId: 'gulangyu', landmarkId: 'x', x: 0, z: 0, reach: 5, name: { zh: 'x', en: 'x' } };
    const w = new StampWatcher([stamp], 1000);
    const visitors = new Map([
      ['sat', { x: toCm(1), z: 0, connected: true, seated: true }],
      ['stood', { x: toCm(1), z: 0, connected: true }],
    ]);
    w.tick(0, visitors, () => false);
    expect(w.tick(2000, visitors, () => false)).toEqual([{ sessionId: 'stood', stampId: 'x' }]);
  });
});
