/**
 * The process's analytics (server/analytics/index.ts) on a real SQLite database: a hall's booths
 * follow booth events, a flush that fails keeps its counts for the next one, stop() ends open visits
 * and writes them, and with sampling off no hall is sampled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BOOTH_REACH_PAD_M } from '../../shared/api/analytics';
import { getLayout } from '../../shared/halls';
import { SLOT_RADIUS } from '../../shared/layout';
import { migrateToLatest, openDatabase, type Database } from '../../server/db/open';
import { createRepositories } from '../../server/db/repositories';
import { createBoothEvents } from '../../server/events';
import { createAnalytics, type Analytics } from '../../server/analytics';
import { silentLogger } from '../fixtures/logger';
import { waitFor } from '../fixtures/wait';

const layout = getLayout('gulangyu');
const [slot1, slot2] = layout.boothSlots;
const cm = (m: number) => Math.round(m * 100);
const near = (s: typeof slot1) => ({ x: cm(s.x), z: cm(s.z + SLOT_RADIUS[s.size] + BOOTH_REACH_PAD_M - 0.5), connected: true });

let open: { database: Database; analytics: Analytics } | null = null;
afterEach(async () => {
  await open?.analytics.stop();
  await open?.database.close();
  open = null;
});

async function setup(opts: { sampling?: boolean; migrate?: boolean } = {}) {
  const database = openDatabase({ sqliteFile: ':memory:' });
  if (opts.migrate !== false) await migrateToLatest(database);
  const events = createBoothEvents(() => undefined, 'test:');
  let t = Date.UTC(2025, 5, 10, 2);
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  const analytics = createAnalytics({ db: () => database.db, events, log: silentLogger, flushMs: 3_600_000, sampling: opts.sampling ?? true, now: clock.now });
  open = { database, analytics };
  return { database, events, analytics, clock };
}

async function expoWithBooth(database: Database, slotId: string | null) {
  const r = createRepositories(database.db);
  const expo = await r.expos.create({ slug: 'hub', name: { zh: '展', en: 'Expo' }, isDemo: false, active: true, halls: ['gulangyu'] });
  const e = await r.exhibitors.create({
    expoId: expo.id,
    name: { zh: '甲', en: 'A' },
    industry: 'ai',
    park: 'torch',
    hallId: 'gulangyu',
    slotId,
    template: 'kiosk',
  });
  return { r, expoId: expo.id, boothId: e.boothId };
}

const visitsOf = async (database: Database, boothId: string) =>
  Number(
    (
      await database.db
        .selectFrom('analytics_booth_minutes')
        .select((eb) => eb.fn.sum<number>('visits').as('v'))
        .where('booth_id', '=', boothId)
        .executeTakeFirst()
    )?.v ?? 0,
  );

describe('process analytics', () => {
  it('follows a booth moved to another slot through the booth event', async () => {
    const { database, events, analytics, clock } = await setup();
    const { r, boothId } = await expoWithBooth(database, slot1.id);
    const visitors = new Map([['s1', near(slot2)]]);
    const hall = analytics.openHall('gulangyu', visitors)!;
    await analytics.reloadPlacements();
    analytics.sampleNow();
    await analytics.flush();
    expect(await visitsOf(database, boothId)).toBe(0);
    // the organizer moves the booth to where the visitor stands
    await r.booths.place(boothId, 'gulangyu', slot2.id);
    events.boothChanged('gulangyu', boothId);
    await waitFor(
      async () => {
        clock.advance(1000);
        analytics.sampleNow();
        await analytics.flush();
        return (await visitsOf(database, boothId)) === 1 || null;
      },
      3000,
      'the visit at the moved booth',
    );
    hall.close();
  });

  it('keeps the counts of a failed flush for the next one', async () => {
    const { database, analytics } = await setup({ migrate: false });
    // the tables are not there yet: this flush fails
    analytics.count('boothx', 'website');
    await analytics.flush();
    expect(analytics.stats()).toMatchObject({ failures: 1, pendingRows: 1 });
    await migrateToLatest(database);
    const { boothId } = await expoWithBooth(database, null);
    analytics.count(boothId, 'website');
    analytics.count(boothId, 'brochure');
    await analytics.flush();
    expect(analytics.stats()).toMatchObject({ flushes: 1, pendingRows: 0 });
    const row = await database.db.selectFrom('analytics_booth_minutes').selectAll().where('booth_id', '=', boothId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ website: 1, brochure: 1 });
  });

  it('ends open visits and writes them on stop', async () => {
    const { database, analytics, clock } = await setup();
    const { boothId } = await expoWithBooth(database, slot1.id);
    analytics.openHall('gulangyu', new Map([['s1', near(slot1)]]));
    await analytics.reloadPlacements();
    analytics.sampleNow();
    clock.advance(42_000);
    await analytics.stop();
    const row = await database.db.selectFrom('analytics_booth_minutes').select(['visits', 'uniques']).where('booth_id', '=', boothId).execute();
    expect(row.reduce((n, x) => n + x.visits, 0)).toBe(1);
    const dwell = await database.db.selectFrom('analytics_booth_minutes').select(['dwell_s', 'dwell_n']).where('booth_id', '=', boothId).execute();
    expect(dwell.reduce((n, x) => n + x.dwell_s, 0)).toBe(42);
    // after stop nothing more is opened
    expect(analytics.openHall('gulangyu', new Map())).toBeNull();
  });

  it('samples no hall with sampling off', async () => {
    const { analytics } = await setup({ sampling: false });
    expect(analytics.sampling).toBe(false);
    expect(analytics.openHall('gulangyu', new Map([['s1', near(slot1)]]))).toBeNull();
  });
});
