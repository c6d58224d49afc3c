/** The console's `analytics` i18n namespace: zh-CN and en offer the same keys, non-empty, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../client/src/ui/console/analytics/locales/zh-CN';
import { en } from '../../client/src/ui/console/analytics/locales/en';
import { DWELL_BUCKETS_S } from '../../shared/api/analytics';

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
const zh = flatten(zhCN as unknown as Tree);
const enFlat = flatten(en as unknown as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('analytics i18n namespace', () => {
  it('has the same keys, no empty text and the same placeholders in both languages', () => {
    expect([...enFlat.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [k, v] of [...zh, ...enFlat]) expect(v.trim(), k).not.toBe('');
    for (const [k, v] of zh) expect(placeholders(enFlat.get(k) ?? ''), k).toEqual(placeholders(v));
  });

  it('names every dwell bucket the server counts', () => {
    for (let i = 0; i < DWELL_BUCKETS_S.length; i++) expect(zh.has(`dwellBins.b${i}`), `b${i}`).toBe(true);
    expect(zh.has(`dwellBins.b${DWELL_BUCKETS_S.length}`)).toBe(false);
  });
});
