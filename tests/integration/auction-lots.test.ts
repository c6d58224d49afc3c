/**
 * The organizer's side of a lot beyond the bids (issue #12 item 7), on a real server and database:
 * a picture goes through the upload pipeline (checked, re-encoded, served under /media) and a lot
 * saved with it carries its URL to every hall instance's snapshot; a lot can belong to an auction
 * session of its hall on the agenda, and the agenda's public route lists the session's lots; a
 * picture that was never uploaded, or a session of another kind or hall, is refused with a clear
 * message; a lot nobody bid on can be taken down (its picture goes with it), one with bids stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerPayload } from '../../shared/messages';
import { joinHall, leaveAll, type TestVisitor } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';
import { png, registerVisitor, startHarness, type Harness } from './apiHarness';

let h: Harness;
const open: TestVisitor[] = [];

beforeAll(async () => {
  h = await startHarness();
}, 60_000);

afterAll(async () => {
  await leaveAll(...open);
  await h?.stop();
});

async function session(kind: string, hallId: string, startsAt: number): Promise<string> {
  const expo = (await h.server.app.expo.repos.expos.getActive())!;
  const r = await h.server.app.expo.repos.agenda.create(expo.id, {
    hallId,
    kind: kind as 'auction',
    title: { zh: '慈善拍卖会', en: 'Charity auction' },
    description: { zh: '', en: '' },
    speakers: [],
    tags: [],
    startsAt,
    endsAt: startsAt + 30 * 60_000,
    videoMediaId: null,
    captionsMediaId: null,
    liveName: null,
  });
  return r.row.id;
}

const lotBody = (over: Record<string, unknown> = {}) => ({
  hallId: 'shapowei',
  kind: 'charity',
  title: { zh: '手绘渔船', en: 'Painted boat' },
  description: { zh: '渔民手作', en: 'Made by fishers' },
  startPrice: 200,
  increment: 20,
  opensAt: Date.now() - 1000,
  closesAt: Date.now() + 120_000,
  ...over,
});

describe('lot pictures, sessions and taking a lot down', () => {
  it('a lot with a picture and a session: in the hall snapshot, on the agenda, and taken down with its picture', async () => {
    const v = await joinHall(h.server.wsUrl, { hallId: 'shapowei', name: '看客' });
    open.push(v);
    const snaps: ServerPayload<'auction'>[] = [];
    v.room.onMessage('auction', (m: ServerPayload<'auction'>) => snaps.push(m));

    const up = await h.call('organizer', 'uploadAuctionPicture', { file: { data: await png(1600, 1200), name: '渔船.png' } });
    expect(up.status).toBe(201);
    expect(up.json).toMatchObject({
      mediaId: expect.stringMatching(/^[a-z0-9]{16}$/),
      url: expect.stringMatching(/^\/media\/.+\.webp$/),
      name: expect.stringMatching(/^渔船.*\.webp$/),
    });
    const served = await fetch(`${h.server.httpUrl}${up.json.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');

    const sessionId = await session('auction', 'shapowei', Date.now() - 60_000);
    const made = await h.call('organizer', 'createAuctionLot', { body: lotBody({ sessionId, pictureMediaId: up.json.mediaId }) });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ sessionId, pictureUrl: up.json.url });
    const lotId = made.json.id as string;

    await waitFor(() => snaps.at(-1)?.lots.some((l) => l.id === lotId) ?? false, 5000, 'the lot in the hall');
    expect(snaps.at(-1)!.lots.find((l) => l.id === lotId)).toMatchObject({ pictureUrl: up.json.url, sessionId });

    const listed = await h.call('visitor', 'sessionAuctionLots', { params: { sessionId } });
    expect(listed.status).toBe(200);
    expect(listed.json.lots).toEqual([expect.objectContaining({ id: lotId, hallId: 'shapowei', startPrice: 200, price: null, pictureUrl: up.json.url })]);
    const org = await h.call('organizer', 'auctionLots');
    expect(org.json.lots.find((l: { id: string }) => l.id === lotId)).toMatchObject({ pictureUrl: up.json.url, chainOk: true, bids: 0 });

    const gone = await h.call('organizer', 'deleteAuctionLot', { params: { lotId } });
    expect(gone.status).toBe(200);
    await waitFor(() => !(snaps.at(-1)?.lots.some((l) => l.id === lotId) ?? true), 5000, 'the lot gone from the hall');
    expect((await fetch(`${h.server.httpUrl}${up.json.url}`)).status).toBe(404);
    expect((await h.call('organizer', 'deleteAuctionLot', { params: { lotId } })).status).toBe(404);
    expect((await h.call('visitor', 'sessionAuctionLots', { params: { sessionId } })).json.lots).toEqual([]);
  });

  it('refuses a picture never uploaded, a session of another kind or hall, and taking down a lot with bids', async () => {
    const noPicture = await h.call('organizer', 'createAuctionLot', { body: lotBody({ pictureMediaId: 'a'.repeat(16) }) });
    expect(noPicture.status).toBe(400);
    expect(noPicture.json).toMatchObject({ error: 'bad_picture', message: expect.stringContaining('重新上传') });

    const talk = await session('talk', 'shapowei', Date.now() + 40 * 24 * 3600_000);
    const wrongKind = await h.call('organizer', 'createAuctionLot', { body: lotBody({ sessionId: talk }) });
    expect(wrongKind.json).toMatchObject({ error: 'bad_session' });
    const elsewhere = await session('auction', 'gulangyu', Date.now() + 41 * 24 * 3600_000);
    expect((await h.call('organizer', 'createAuctionLot', { body: lotBody({ sessionId: elsewhere }) })).json).toMatchObject({ error: 'bad_session' });

    const bad = await h.call('organizer', 'createAuctionLot', { body: lotBody({ closesAt: Date.now() - 5000, opensAt: Date.now() }) });
    expect(bad.json).toMatchObject({ error: 'bad_times', message: expect.stringContaining('结束时间须晚于开始时间') });

    const lotId = (await h.call('organizer', 'createAuctionLot', { body: lotBody() })).json.id as string;
    const cookie = await registerVisitor(h, 'Bidder');
    const placed = await fetch(`${h.server.httpUrl}/api/me/auction/bids`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ lotId, amount: 200, key: 'lots-test-bid-1' }),
    });
    expect(((await placed.json()) as { ok: boolean }).ok).toBe(true);
    const kept = await h.call('organizer', 'deleteAuctionLot', { params: { lotId } });
    expect(kept.status).toBe(409);
    expect(kept.json).toMatchObject({ error: 'has_bids' });
    expect(await h.server.app.expo.repos.auction.lot(lotId)).not.toBeNull();
  });
});
