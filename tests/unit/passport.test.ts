/**
 * The stamp passport (issue #12 item 5) on the server: every stamp spot can be reached on foot; a
 * stamp is earned only after the dwell at the server's own position (a visitor passing by, or away,
 * earns nothing); a guest's stamps last for the session while an account's are kept and read back
 * in another room; completing a hall's landmark set issues one signed souvenir that verifies.
 */
import { describe, expect, it } from 'vitest';
import { MapSchema } from '@colyseus/schema';
import { HALL_IDS, getLayout } from '../../shared/halls';
import { isWalkable } from '../../shared/layout';
import { boothStamps, boothStampId, hallStamps, landmarkSetOf, STAMP_RADIUS_M } from '../../shared/passport';
import { isNearSlot } from '../../shared/boothReach';
import { Visitor } from '../../shared/schema/Visitor';
import { openDatabase, migrateToLatest } from '../../server/db/open';
import { createRepositories } from '../../server/db/repositories';
import { StampWatcher } from '../../server/passport/stampWatcher';
import { RoomPassport } from '../../server/passport/roomPassport';
import { passportStore } from '../../server/passport/store';
import { verifyById } from '../../server/souvenirs/verify';
import { createLogger } from '../../server/lib/logger';
import { DRAWN_LANDMARKS } from '../../client/src/ui/passport/drawnLandmarks';

const log = createLogger('silent');

function visitorAt(x: number, z: number): Visitor {
  const v = new Visitor();
  v.x = Math.round(x * 100);
  v.z = Math.round(z * 100);
  v.connected = true;
  return v;
}

describe('stamp spots', () => {
  it.each(HALL_IDS)('%s: every landmark stamp has walkable ground within reach', (hallId) => {
    const layout = getLayout(hallId);
    const stamps = hallStamps(layout);
    expect(stamps.length).toBeGreaterThanOrEqual(4);
    for (const s of stamps) {
      let reachable = false;
      for (let r = 0; r <= STAMP_RADIUS_M - 0.5 && !reachable; r += 0.5)
        for (let a = 0; a < 16 && !reachable; a++) reachable = isWalkable(layout, s.x + r * Math.cos((a * Math.PI) / 8), s.z + r * Math.sin((a * Math.PI) / 8));
      expect(reachable, s.id).toBe(true);
    }
  });
});

describe('stamp pictures', () => {
  it.each(HALL_IDS)('%s: every landmark stamp has its own drawing', (hallId) => {
    for (const s of hallStamps(getLayout(hallId))) expect(DRAWN_LANDMARKS as readonly string[], s.id).toContain(s.landmarkId);
  });
});

describe('StampWatcher', () => {
  const stamps = hallStamps(getLayout('gulangyu'));
  const pier = stamps.find((s) => s.landmarkId === 'pier')!;

  it('earns after the dwell at the same landmark, not when passing by or away', () => {
    const w = new StampWatcher(stamps, 5000);
    const visitors = new Map([['a', visitorAt(pier.x + 2, pier.z)]]);
    const none = () => false;
    expect(w.tick(0, visitors, none)).toEqual([]);
    expect(w.tick(4000, visitors, none)).toEqual([]);
    expect(w.tick(5000, visitors, none)).toEqual([{ sessionId: 'a', stampId: pier.id }]);
    // away (reconnecting): the clock starts again when back
    visitors.get('a')!.connected = false;
    expect(w.tick(6000, visitors, none)).toEqual([]);
    visitors.get('a')!.connected = true;
    expect(w.tick(7000, visitors, none)).toEqual([]);
    expect(w.tick(11_000, visitors, none)).toEqual([]);
    expect(w.tick(12_000, visitors, none)).toHaveLength(1);
    // passing by: out of reach before the dwell
    const b = new Map([['b', visitorAt(pier.x, pier.z)]]);
    const w2 = new StampWatcher(stamps, 5000);
    w2.tick(0, b, none);
    b.get('b')!.x = Math.round((pier.x + STAMP_RADIUS_M + 3) * 100);
    w2.tick(3000, b, none);
    b.get('b')!.x = Math.round(pier.x * 100);
    expect(w2.tick(6000, b, none)).toEqual([]);
  });
});

describe('booth stamps', () => {
  const layout = getLayout('gulangyu');
  const slot = layout.boothSlots[0];
  const booths = boothStamps(layout, [
    { boothId: 'b1', slotId: slot.id, name: { zh: '甲公司', en: 'A Co.' } },
    { boothId: 'b2', slotId: 'no-such-slot', name: { zh: '乙', en: 'B' } },
  ]);

  it('one per booth placed in a real slot, "at" it by the booth panel rule', () => {
    expect(booths.map((b) => b.id)).toEqual([boothStampId('gulangyu', 'b1')]);
    const b = booths[0];
    // the reach is the booth's own: where the booth panel says one is at the booth
    expect(isNearSlot(layout, slot.id, b.x + b.reach - 0.1, b.z)).toBe(true);
    expect(isNearSlot(layout, slot.id, b.x + b.reach + 0.1, b.z)).toBe(false);
    const w = new StampWatcher([...hallStamps(layout), ...booths], 5000);
    expect(w.stampAt(b.x + b.reach - 0.1, b.z)?.id).toBe(b.id);
    expect(w.stampAt(b.x + b.reach + 0.5, b.z)?.id).not.toBe(b.id);
  });

  it('a booth placed while the room is open carries a stamp from then on; one taken away no longer does', () => {
    const w = new StampWatcher(hallStamps(layout), 5000);
    const visitors = new Map([['a', visitorAt(booths[0].x, booths[0].z)]]);
    const none = () => false;
    w.tick(0, visitors, none);
    expect(w.tick(6000, visitors, none).map((e) => e.stampId)).not.toContain(booths[0].id);
    w.setStamps([...hallStamps(layout), ...booths]);
    w.tick(7000, visitors, none);
    expect(w.tick(12_000, visitors, none)).toEqual([{ sessionId: 'a', stampId: booths[0].id }]);
    w.setStamps(hallStamps(layout));
    w.tick(13_000, visitors, none);
    expect(w.tick(20_000, visitors, none)).toEqual([]);
  });
});

describe('RoomPassport', () => {
  it('keeps a guest’s stamps for the session and an account’s for good; a completed set gives one genuine souvenir', async () => {
    const database = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(database);
    const repos = createRepositories(database.db);
    await repos.expos.create({ slug: 'passport', name: { zh: '鹭岛测试展', en: 'Test' }, isDemo: false, active: true, halls: ['gulangyu'] });
    const user = await repos.users.create({ email: 'stamps@test.example', passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName: '集章人' });
    const layout = getLayout('gulangyu');
    const stamps = hallStamps(layout);
    let now = 0;
    const sent: Record<string, { earned: string[]; souvenirs: { set: string; id: string }[]; guest: boolean }[]> = {};
    const visitors = new MapSchema<Visitor>();
    const room = new RoomPassport(
      { layout, visitors, send: (id, p) => (sent[id] ??= []).push(p), log, now: () => now },
      passportStore(() => repos),
      1000,
    );
    visitors.set('guest', visitorAt(stamps[0].x, stamps[0].z));
    visitors.set('member', visitorAt(stamps[0].x, stamps[0].z));
    await room.join('guest', null);
    await room.join('member', user.id);
    expect(sent.guest.at(-1)).toEqual({ earned: [], souvenirs: [], guest: true });
    // walk the member (and the guest) to every landmark, staying past the dwell at each
    for (const s of stamps) {
      for (const id of ['guest', 'member']) {
        visitors.get(id)!.x = Math.round(s.x * 100);
        visitors.get(id)!.z = Math.round(s.z * 100);
      }
      for (let i = 0; i < 3; i++) {
        room.tick();
        now += 1000;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
    const last = sent.member.at(-1)!;
    expect(new Set(last.earned)).toEqual(new Set(stamps.map((s) => s.id)));
    expect(last.souvenirs).toHaveLength(1);
    expect(last.souvenirs[0].set).toBe(landmarkSetOf('gulangyu'));
    const v = await verifyById(repos, last.souvenirs[0].id);
    expect(v.status).toBe('genuine');
    expect(v.certificate).toMatchObject({ name: '集章人', expo: '鹭岛测试展', set: 'gulangyu-landmarks', serial: 1 });
    // the guest has every stamp too, but no souvenir (it needs an account) and nothing stored
    expect(sent.guest.at(-1)!.earned).toHaveLength(stamps.length);
    expect(sent.guest.at(-1)!.souvenirs).toEqual([]);
    expect((await repos.souvenirs.ledger()).length).toBe(1);
    // the account's stamps come back in another room, and no second souvenir is issued
    const again: typeof sent = {};
    const other = new RoomPassport(
      { layout, visitors, send: (id, p) => (again[id] ??= []).push(p), log, now: () => now },
      passportStore(() => repos),
      1000,
    );
    await other.join('member', user.id);
    expect(again.member[0].earned).toHaveLength(stamps.length);
    expect(again.member[0].souvenirs).toEqual(last.souvenirs);
    await database.close();
  });

  it('reads the booths placed in the hall from the database: standing at one earns its stamp, kept by the account, in no set', async () => {
    const database = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(database);
    const repos = createRepositories(database.db);
    const expo = await repos.expos.create({ slug: 'booth-stamps', name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu'] });
    const layout = getLayout('gulangyu');
    const slot = layout.boothSlots[3];
    const { boothId } = await repos.exhibitors.create({
      expoId: expo.id,
      name: { zh: '鹭岛茶业', en: 'Egret Tea' },
      industry: 'food',
      park: 'none',
      hallId: 'gulangyu',
      slotId: slot.id,
      template: 'kiosk',
    });
    const user = await repos.users.create({ email: 'booths@test.example', passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName: '逛展人' });
    let now = 0;
    const sent: { earned: string[]; souvenirs: unknown[] }[] = [];
    const visitors = new MapSchema<Visitor>();
    const room = new RoomPassport(
      { layout, visitors, send: (_id, p) => sent.push(p), log, now: () => now },
      passportStore(() => repos),
      1000,
    );
    await room.open();
    visitors.set('v', visitorAt(slot.x, slot.z));
    await room.join('v', user.id);
    for (let i = 0; i < 3; i++) {
      room.tick();
      now += 1000;
    }
    await new Promise((r) => setTimeout(r, 100));
    const id = boothStampId('gulangyu', boothId);
    expect(sent.at(-1)!.earned).toEqual([id]);
    expect(sent.at(-1)!.souvenirs).toEqual([]);
    expect((await repos.passport.stamps(user.id)).map((s) => s.stampId)).toEqual([id]);
    room.close();
    await database.close();
  });

  it('with booth events, reads the booths on each event instead of every 15 s, and stops listening when closed', async () => {
    const layout = getLayout('gulangyu');
    const slot = layout.boothSlots[2];
    let placed: { boothId: string; slotId: string; name: { zh: string; en: string } }[] = [];
    let reads = 0;
    const store = {
      stamps: async () => [],
      add: async () => {},
      souvenirs: async () => [],
      issue: async () => ({ set: '', id: '' }),
      booths: async () => {
        reads++;
        return placed;
      },
    };
    const listeners = new Set<() => void>();
    const onBoothChange = (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    };
    let now = 0;
    const sent: { earned: string[] }[] = [];
    const visitors = new MapSchema<Visitor>();
    const room = new RoomPassport({ layout, visitors, send: (_id, p) => sent.push(p), log, now: () => now, onBoothChange }, store, 1000);
    await room.open();
    expect(reads).toBe(1);
    visitors.set('v', visitorAt(slot.x, slot.z));
    await room.join('v', null);
    for (let i = 0; i < 20; i++) room.tick();
    expect(reads).toBe(1); // no polling
    placed = [{ boothId: 'new-booth', slotId: slot.id, name: { zh: '新展位', en: 'New booth' } }];
    for (const l of listeners) l();
    await new Promise((r) => setTimeout(r, 10));
    expect(reads).toBe(2);
    for (let i = 0; i < 3; i++) {
      room.tick();
      now += 1000;
    }
    expect(sent.at(-1)!.earned).toEqual([boothStampId('gulangyu', 'new-booth')]);
    room.close();
    expect(listeners.size).toBe(0);
  });
});
