/** The entry rules' i18n namespaces (landing `entry`, console `entryConsole`) and the hall's entry errors: same keys, no empty text, same placeholders. */
import { describe, expect, it } from 'vitest';
import { zhCN as landingZh } from '../../client/src/ui/landing/locales/zh-CN';
import { en as landingEn } from '../../client/src/ui/landing/locales/en';
import { zhCN as consoleZh } from '../../client/src/ui/console/entry/locales/zh-CN';
import { en as consoleEn } from '../../client/src/ui/console/entry/locales/en';
import { zhCN as mainZh } from '../../client/src/i18n/zh-CN';
import { en as mainEn } from '../../client/src/i18n/en';
import { ENTRY_RULES, EntryRefusal, HALL_ENTRY_SETTINGS } from '../../shared/api/entryTerms';

type Tree = { [k: string]: string | Tree };
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
function flat(t: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) Object.assign(out, typeof v === 'string' ? { [prefix + k]: v } : flat(v, `${prefix}${k}.`));
  return out;
}

describe.each([
  ['entry', landingZh, landingEn],
  ['entryConsole', consoleZh, consoleEn],
])('%s i18n namespace', (_ns, zh, en) => {
  it('has the same keys, no empty text and the same placeholders in both languages', () => {
    const z = flat(zh as unknown as Tree);
    const e = flat(en as unknown as Tree);
    expect(Object.keys(e).sort()).toEqual(Object.keys(z).sort());
    for (const [k, v] of Object.entries(z)) {
      expect(v.trim(), k).not.toBe('');
      expect(e[k].trim(), k).not.toBe('');
      expect(placeholders(e[k]), k).toEqual(placeholders(v));
    }
  });
});

describe('entry texts', () => {
  it('name every rule and every refusal, on the landing page and in the console', () => {
    for (const r of ENTRY_RULES) expect(landingZh.rule[r]).toBeTruthy();
    for (const s of HALL_ENTRY_SETTINGS) expect(consoleZh.setting[s]).toBeTruthy();
    for (const code of Object.values(EntryRefusal)) expect(landingZh.problem[code]).toBeTruthy();
  });

  it('the hall explains an entry refusal in both languages', () => {
    expect(mainZh.errors.entryCodeWrong).toMatch(/入场码/);
    expect(mainEn.errors.entryCodeWrong).toMatch(/entry code/i);
    expect(mainZh.errors.entryInvite).toMatch(/邀请/);
    expect(mainEn.errors.entryAccount).toMatch(/sign in/i);
  });
});
