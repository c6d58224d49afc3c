/**
 * The Q&A client parts (issue #11): the hall store (a new session drops the last one's standing; a
 * partial answer keeps the standing; the stage card's top questions), and the `qa` and `qaConsole`
 * i18n namespaces (same keys and placeholders in both languages, every refusal code translated).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { topApproved, useQa } from '../../client/src/ui/qa/qaStore';
import { zhCN } from '../../client/src/ui/qa/locales/zh-CN';
import { en } from '../../client/src/ui/qa/locales/en';
import { zhCN as consoleZh } from '../../client/src/ui/console/qa/locales/zh-CN';
import { en as consoleEn } from '../../client/src/ui/console/qa/locales/en';
import { QA_REFUSALS, QA_STATUSES, type QaQuestion } from '../../shared/api/qa';

const q = (id: string, votes: number, status: QaQuestion['status'] = 'approved'): QaQuestion => ({ id, text: `text ${id}`, name: 'A', votes, status, at: 1 });

describe('the hall Q&A store', () => {
  beforeEach(() => useQa.getState().reset());

  it("keeps a visitor's standing within a session and drops it with the next", () => {
    const s = useQa.getState();
    s.setSnapshot({ sessionId: 's1', approved: [], pending: [q('a', 0, 'pending')] });
    s.setMine({ sessionId: 's1', asked: 1, limit: 3, voted: [], mine: [{ id: 'a', status: 'pending' }], result: { action: 'ask', ok: true } });
    expect(useQa.getState().result).toMatchObject({ action: 'ask', ok: true });
    s.setSnapshot({ sessionId: 's1', approved: [q('a', 2)], pending: [] });
    expect(useQa.getState().mine?.asked).toBe(1);
    s.setSnapshot({ sessionId: 's2', approved: [], pending: [] });
    expect(useQa.getState().mine).toBeNull();
    expect(useQa.getState().result).toBeNull();
  });

  it('keeps the standing it has when an answer could not read it, but shows the answer', () => {
    const s = useQa.getState();
    s.setSnapshot({ sessionId: 's1', approved: [], pending: [] });
    s.setMine({ sessionId: 's1', asked: 2, limit: 3, voted: ['x'], mine: [] });
    s.setMine({ sessionId: 's1', asked: 0, limit: 3, voted: [], mine: [], result: { action: 'vote', ok: false, code: 'failed' }, partial: true });
    expect(useQa.getState().mine).toMatchObject({ asked: 2, voted: ['x'] });
    const first = useQa.getState().result!;
    expect(first).toMatchObject({ action: 'vote', ok: false, code: 'failed' });
    // the same answer again is a new answer (the panel shows it again)
    s.setMine({ sessionId: 's1', asked: 0, limit: 3, voted: [], mine: [], result: { action: 'vote', ok: false, code: 'failed' }, partial: true });
    expect(useQa.getState().result!.seq).toBeGreaterThan(first.seq);
  });

  it('puts the first approved questions (the server sends them by votes) on the stage card', () => {
    expect(topApproved({ sessionId: 's', approved: [q('a', 5), q('b', 3), q('c', 1), q('d', 0)], pending: [q('e', 9, 'pending')] }, 3)).toEqual([
      'text a',
      'text b',
      'text c',
    ]);
    expect(topApproved({ sessionId: '', approved: [], pending: [] }, 3)).toEqual([]);
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
const placeholders = (x: string) => [...x.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each([
  ['qa', zhCN, en],
  ['qaConsole', consoleZh, consoleEn],
])('the %s i18n namespace', (_name, zhTree, enTree) => {
  const zh = flatten(zhTree as unknown as Tree);
  const enFlat = flatten(enTree as unknown as Tree);
  it('has the same keys, no empty text and the same placeholders in both languages', () => {
    expect([...enFlat.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [k, v] of [...zh, ...enFlat]) expect(v.trim(), k).not.toBe('');
    for (const [k, v] of zh) expect(placeholders(enFlat.get(k) ?? ''), k).toEqual(placeholders(v));
  });
});

describe('Q&A words', () => {
  it('translate every refusal the server sends and every status the console shows', () => {
    const hall = flatten(zhCN as unknown as Tree);
    for (const code of QA_REFUSALS) expect(hall.has(`refusal.${code}`), code).toBe(true);
    const console = flatten(consoleZh as unknown as Tree);
    for (const s of QA_STATUSES) {
      expect(console.has(`console.status.${s}`), s).toBe(true);
      expect(console.has(`console.empty.${s}`), s).toBe(true);
    }
  });
});
