/**
 * The landing page's check before it sends a visitor into a hall with a rule (issue #11): asks the
 * server (POST /api/entry/halls/{hall}/check) with the code typed or the pass held, so a wrong code
 * is said on the landing page, in the visitor's language. The join checks again on the server.
 */
import { ApiRequestError, api } from '../../net/api';
import { entryPass, rememberEntryCode } from './entryCredentials';

export type EntryProblem =
  'entry_code_needed' | 'entry_code_wrong' | 'entry_throttled' | 'entry_invite_needed' | 'entry_account_needed' | 'entry_unavailable' | 'network';

export type EntryResult = { ok: true } | { ok: false; problem: EntryProblem };

const KNOWN = new Set<string>(['entry_code_needed', 'entry_code_wrong', 'entry_throttled', 'entry_invite_needed', 'entry_account_needed', 'entry_unavailable']);

export async function checkEntry(hallId: string, rule: string, code: string): Promise<EntryResult> {
  if (rule === 'open') return { ok: true };
  const typed = code.trim();
  if (rule === 'code' && !typed) return { ok: false, problem: 'entry_code_needed' };
  const pass = entryPass();
  try {
    await api('entryCheck', { params: { hallId }, body: { ...(rule === 'code' ? { code: typed } : {}), ...(pass ? { pass } : {}) } });
    if (rule === 'code') rememberEntryCode(hallId, typed);
    return { ok: true };
  } catch (err) {
    if (err instanceof ApiRequestError && KNOWN.has(err.code)) {
      return { ok: false, problem: err.code as EntryProblem };
    }
    return { ok: false, problem: 'network' };
  }
}
