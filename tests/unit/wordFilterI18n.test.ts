/** The console's `wordList` i18n namespace: zh-CN and en offer the same keys, non-empty, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../client/src/ui/console/wordList/locales/zh-CN';
import { en } from '../../client/src/ui/console/wordList/locales/en';
import { zhCN as mainZh } from '../../client/src/i18n/zh-CN';
import { en as mainEn } from '../../client/src/i18n/en';

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('wordList i18n namespace', () => {
  it('has the same keys, no empty text and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [k, v] of Object.entries(zhCN)) {
      const e = en[k as keyof typeof en];
      expect(v.trim(), k).not.toBe('');
      expect(e.trim(), k).not.toBe('');
      expect(placeholders(e), k).toEqual(placeholders(v));
    }
  });

  it('the hall explains a refused name in both languages', () => {
    expect(mainZh.errors.name.refused).toMatch(/名字/);
    expect(mainEn.errors.name.refused).toMatch(/name/i);
  });
});
