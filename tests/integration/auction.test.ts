/**
 * The live auction in the hall (issue #12 item 7), on a real server and database with real clients,
 * one visitor per instance (HALL_CAPACITY=1): an organizer puts a lot up and every instance shows
 * it at once; a visitor account's bid (over HTTP, as the account) moves the price and leader in the
 * other instance; the leader who is outbid is told in the hall within a second; a guest's or
 * staff's bid is refused (401/403), a low bid answered "too low", a bid after the close "closed"
 * (and moves nothing); a resent bid is counted once; the organizer's CSV has the bids in order with
 * their hash chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerPayload } from '../../shared/messages';
import type { LotView } from '../../shared/api/auction';
import { joinHall, leaveAll, type TestVisitor } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';
import { registerVisitor, startHarness, type Harness } from './apiHarness';
import { checkBidChain } from '../../server/db/repositories/auction';

let h: Harness;
const open: TestVisitor[] = [];

interface Watch {
  v: TestVisitor;
  cookie: string | undefined;
  snaps: ServerPayload<'auction'>[];
  outbid: { at: number; m: ServerPayload<'outbid'> }[];
}

async function visitor(name: string, cookie?: string): Promise<Watch> {
  const v = await joinHall(h.server.wsUrl, { hallId: 'shapowei', name }, cookie ? { cookie } : undefined);
  open.push(v);
  const w: Watch = { v, cookie, snaps: [], outbid: [] };
  v.room.onMessage('auction', (m: ServerPayload<'auction'>) => w.snaps.push(m));
  v.room.onMessage('outbid', (m: ServerPayload<'outbid'>) => w.outbid.push({ at: Date.now(), m }));
  return w;
}

const lotIn = (w: Watch, id: string): LotView | null => w.snaps.at(-1)?.lots.find((l) => l.id === id) ?? null;

/** A bid as the visitor's browser sends it: POST with the session cookie. */
async function bid(w: Watch, body: { lotId: string; amount: number; key: string }): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${h.server.httpUrl}/api/me/auction/bids`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(w.cookie ? { cookie: w.cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  h = await startHarness({ HALL_CAPACITY: '1' });
}, 60_000);

afterAll(async () => {
  await leaveAll(...open);
  await h?.stop();
});

describe('the live auction across instances', () => {
  it('a bid shows in every instance, the outbid leader is told, refusals move nothing', async () => {
    const ana = await visitor('阿娜', await registerVisitor(h, 'Ana'));
    const bo = await visitor('阿波', await registerVisitor(h, 'Bo'));
    const guest = await visitor('路人');
    const staff = await visitor('展商', h.cookies.exhibitorA);
    staff.cookie = h.cookies.exhibitorA;
    expect(ana.v.room.state.instance).not.toBe(bo.v.room.state.instance);

    const now = Date.now();
    const made = await h.call('organizer', 'createAuctionLot', {
      body: {
        hallId: 'shapowei',
        kind: 'charity',
        title: { zh: '手绘渔船', en: 'Hand-painted fishing boat' },
        description: { zh: '义卖', en: 'For charity' },
        startPrice: 500,
        increment: 50,
        opensAt: now - 1000,
        closesAt: now + 20_000,
        softCloseS: 10,
      },
    });
    expect(made.status).toBe(201);
    const lotId = made.json.id as string;
    // every instance shows the new lot without asking
    for (const w of [ana, bo, guest]) await waitFor(() => lotIn(w, lotId), 5000, 'the new lot');

    expect((await bid(ana, { lotId, amount: 500, key: 'ana-bid-0001' })).json).toMatchObject({ ok: true, price: 500, leading: true });
    await waitFor(() => (lotIn(bo, lotId)?.price === 500 ? true : null), 5000, 'the price in the other instance');
    expect(lotIn(bo, lotId)).toMatchObject({ leader: 'Ana', bids: 1 });

    // outbid from the other instance: the leader is told within a second
    const sent = Date.now();
    expect((await bid(bo, { lotId, amount: 600, key: 'bo-bid-00001' })).json).toMatchObject({ ok: true, price: 600, leading: true });
    const told = await waitFor(() => ana.outbid[0] ?? null, 5000, 'the outbid notice');
    expect(told.m).toEqual({ lotId, price: 600 });
    expect(told.at - sent).toBeLessThan(1000);

    // refusals, each answered, none moving the price, the leader or the close
    expect((await bid(guest, { lotId, amount: 10_000, key: 'guest-bid-01' })).status).toBe(401);
    expect((await bid(staff, { lotId, amount: 10_000, key: 'staff-bid-01' })).status).toBe(403);
    expect((await bid(ana, { lotId, amount: 620, key: 'ana-bid-0002' })).json).toMatchObject({ ok: false, reason: 'too_low', price: 600, leading: false });
    // the same bid sent twice at once (a double click, a retry) counts once
    const twice = await Promise.all([bid(ana, { lotId, amount: 700, key: 'ana-bid-0003' }), bid(ana, { lotId, amount: 700, key: 'ana-bid-0003' })]);
    for (const t of twice) expect(t.json).toMatchObject({ ok: true, price: 700 });
    const lots = await h.call('organizer', 'auctionLots');
    const lot = (lots.json.lots as (LotView & { chainOk: boolean })[]).find((l) => l.id === lotId)!;
    expect(lot).toMatchObject({ price: 700, bids: 3, leader: 'Ana', chainOk: true });
    // more than the soft close was left at every bid: the close never moved
    expect(lot.closesAt).toBe(now + 20_000);

    // the organizer's results: the bids in order with their hash chain
    const res = await fetch(`${h.server.httpUrl}/api/organizer/auction/lots/${lotId}/bids.csv`, { headers: { cookie: h.cookies.organizer } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    // UTF-8 with BOM, so Excel opens the Chinese names right
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const rows = text.trim().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain('Ana');
    expect(rows[2]).toContain('Bo');
    expect(checkBidChain(await h.server.app.expo.repos.auction.bids(lotId))).toEqual([]);
  });

  it('a bid after the close is refused and changes nothing', async () => {
    const ana = await visitor('阿娜二', await registerVisitor(h, 'Ana2'));
    const now = Date.now();
    const made = await h.call('organizer', 'createAuctionLot', {
      body: {
        hallId: 'shapowei',
        kind: 'goods',
        title: { zh: '已结束', en: 'Closed' },
        description: { zh: '—', en: '—' },
        startPrice: 100,
        increment: 10,
        opensAt: now - 10_000,
        closesAt: now - 1,
      },
    });
    const lotId = made.json.id as string;
    expect((await bid(ana, { lotId, amount: 200, key: 'late-bid-001' })).json).toMatchObject({ ok: false, reason: 'closed' });
    expect((await h.server.app.expo.repos.auction.lot(lotId))!.closesAt).toBe(now - 1);
  });
});
