/**
 * The auction's browser side without a browser (issue #12): which lot the stage screen shows (the
 * session's own first, then the open one closing soonest, then the last result for a minute), the
 * organizer's lot form to request body with its named problems, and the `auctionConsole` i18n
 * namespace (same keys and placeholders in both languages).
 */
import { describe, expect, it } from 'vitest';
import { pickStageLot, STAGE_LOT_AFTER_MS } from '../../client/src/ui/auction/stageLot';
import { emptyLot, lotBody } from '../../client/src/ui/console/auction/lotDraft';
import { toLocalInput } from '../../client/src/ui/console/agenda/draft';
import { zhCN } from '../../client/src/ui/console/auction/locales/zh-CN';
import { en } from '../../client/src/ui/console/auction/locales/en';
import { zhCN as panelZh } from '../../client/src/ui/auction/locales/zh-CN';
import { en as panelEn } from '../../client/src/ui/auction/locales/en';
import { lotInputSchema, type LotView } from '../../shared/api/auction';

const lot = (id: string, opensAt: number, closesAt: number, o: Partial<LotView> = {}): LotView => ({
  id,
  sessionId: null,
  kind: 'goods',
  title: { zh: id, en: id },
  description: { zh: '—', en: '—' },
  startPrice: 100,
  increment: 10,
  opensAt,
  closesAt,
  softCloseMs: 30_000,
  pictureUrl: null,
  price: null,
  leader: null,
  bids: 0,
  ...o,
});

describe('the lot on the stage screen', () => {
  const now = 1_000_000;
  it('shows nothing before a lot opens or a minute after it closed', () => {
    expect(pickStageLot([lot('a', now + 1, now + 100)], now, null)).toBeNull();
    expect(pickStageLot([lot('a', now - 200_000, now - STAGE_LOT_AFTER_MS)], now, null)).toBeNull();
    expect(pickStageLot([lot('a', now - 200_000, now - STAGE_LOT_AFTER_MS + 1)], now, null)?.id).toBe('a');
  });
  it('prefers an open lot, closing soonest, over a recent result', () => {
    const lots = [lot('done', now - 9000, now - 1000), lot('late', now - 1000, now + 90_000), lot('soon', now - 1000, now + 5000)];
    expect(pickStageLot(lots, now, null)?.id).toBe('soon');
    expect(pickStageLot([lots[0], lot('done2', now - 9000, now - 500)], now, null)?.id).toBe('done2');
  });
  it('shows the lot of the auction session on stage first', () => {
    const lots = [lot('soon', now - 1000, now + 5000), lot('mine', now - 1000, now + 90_000, { sessionId: 's1' })];
    expect(pickStageLot(lots, now, 's1')?.id).toBe('mine');
    expect(pickStageLot(lots, now, 's2')?.id).toBe('soon');
  });
});

describe("the organizer's lot form", () => {
  const now = new Date(2026, 11, 3, 10, 0).getTime();
  const filled = () => ({ ...emptyLot('shapowei', now), titleZh: ' 渔船 ', titleEn: 'Boat', descZh: '手作', descEn: 'Handmade' });
  it('turns a filled form into the body the server checks', () => {
    const r = lotBody({ ...filled(), picture: { id: 'abcdefgh12345678', url: '/media/x.webp' } }, now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(lotInputSchema.parse(r.body)).toEqual(r.body);
    expect(r.body).toMatchObject({
      title: { zh: '渔船', en: 'Boat' },
      startPrice: 100,
      increment: 10,
      softCloseS: 30,
      sessionId: null,
      pictureMediaId: 'abcdefgh12345678',
    });
    expect(r.body.closesAt - r.body.opensAt).toBe(30 * 60_000);
  });
  it('names each problem: missing texts, bad numbers, a close before the opening or already past', () => {
    const bad = lotBody({ ...filled(), titleEn: ' ', startPrice: '0', increment: '2.5', softClose: '601' }, now);
    expect(bad).toEqual({ ok: false, problems: ['titleEn', 'startPrice', 'increment', 'softClose'] });
    const order = lotBody({ ...filled(), opens: toLocalInput(now + 3600_000), closes: toLocalInput(now + 60_000) }, now);
    expect(order).toEqual({ ok: false, problems: ['order'] });
    const past = lotBody({ ...filled(), opens: toLocalInput(now - 7200_000), closes: toLocalInput(now - 3600_000) }, now);
    expect(past).toEqual({ ok: false, problems: ['past'] });
    expect(lotBody({ ...filled(), closes: '' }, now)).toEqual({ ok: false, problems: ['closes'] });
  });
});

type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('auction i18n namespaces', () => {
  for (const [name, zhTree, enTree] of [
    ['auctionConsole', zhCN, en],
    ['auction', panelZh, panelEn],
  ] as const) {
    it(`${name}: the same keys, no empty text, the same placeholders in both languages; the off-platform line`, () => {
      const zh = flatten(zhTree as unknown as Tree);
      const e = flatten(enTree as unknown as Tree);
      expect([...e.keys()].sort()).toEqual([...zh.keys()].sort());
      for (const [k, v] of [...zh, ...e]) expect(v.trim(), k).not.toBe('');
      for (const [k, v] of zh) expect(placeholders(e.get(k) ?? ''), k).toEqual(placeholders(v));
      expect(zh.get('offPlatform')).toContain('平台外');
      expect(e.get('offPlatform')).toContain('off-platform');
    });
  }
});
