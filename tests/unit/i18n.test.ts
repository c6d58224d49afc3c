/** zh-CN and en must offer the same keys, non-empty texts and the same placeholders. */
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../client/src/i18n/zh-CN';
import { en } from '../../client/src/i18n/en';
import { NoticeCode, JoinError } from '../../shared/protocol';
import { AVATAR_STYLES } from '../../shared/constants';
import { HALL_IDS } from '../../shared/halls';

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

describe('i18n parity', () => {
  it('both languages have exactly the same keys', () => {
    expect([...enFlat.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('no text is empty', () => {
    for (const [k, v] of [...zh, ...enFlat]) expect(v.trim(), k).not.toBe('');
  });

  it('placeholders match between languages', () => {
    for (const [k, v] of zh) expect(placeholders(enFlat.get(k) ?? ''), k).toEqual(placeholders(v));
  });

  it('every code the server can send has a translation', () => {
    for (const code of Object.values(NoticeCode)) expect(zh.has(`notices.${code}`), code).toBe(true);
    for (const problem of ['empty', 'too_long', 'control_chars', 'not_text']) expect(zh.has(`errors.name.${problem}`), problem).toBe(true);
    for (const id of HALL_IDS) expect(zh.has(`halls.${id}`), id).toBe(true);
    for (const s of AVATAR_STYLES) expect(zh.has(`styles.${s}`), s).toBe(true);
    expect(Object.values(JoinError)).toContain('outdated_client');
    expect(zh.has('errors.outdated')).toBe(true);
  });
});
