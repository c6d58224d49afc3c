/**
 * The halls' summaries for the landing page (visitors now, the stage's now/next, the entry rule):
 * one small cached GET every ENTRY_SUMMARY_REFRESH_MS while the page is visible, and at once when it
 * becomes visible again. The server computes the answer once per couple of seconds for everyone.
 *
 * Fetched without api()'s zod check: that check loads the route table's schemas, and the idle
 * landing page carries no zod and nothing of the hall (tests/e2e/loading.spec.ts). The answer is
 * only displayed, so a shape check of the fields shown is enough; a malformed one is ignored.
 */
import { useCallback, useEffect, useState } from 'react';
import { ENTRY_RULES, ENTRY_SUMMARY_REFRESH_MS } from '../../../../shared/api/entryTerms';
import type { RouteResponse } from '../../../../shared/api/routes';
import { routeUrl } from '../../net/api';

export type HallSummaries = RouteResponse<'entryHalls'>;

const isTitle = (t: unknown) => !!t && typeof (t as { zh?: unknown }).zh === 'string' && typeof (t as { en?: unknown }).en === 'string';
const isSession = (s: unknown) => s === null || (!!s && isTitle((s as { title?: unknown }).title) && Number.isFinite((s as { startsAt?: unknown }).startsAt));
// a rule the page has no words for would show as its i18n key
const isRule = (r: unknown) => (ENTRY_RULES as readonly unknown[]).includes(r);

/**
 * The fields the landing page shows, checked by hand; null when the answer is not of that shape.
 * Fields it does not show may be there or not (tests/unit/hallSummaries.test.ts).
 */
export function readSummaries(data: unknown): HallSummaries | null {
  const halls = (data as { halls?: unknown } | null)?.halls;
  if (!Array.isArray(halls)) return null;
  const ok = halls.every((h: unknown) => {
    if (!h || typeof h !== 'object') return false;
    const x = h as Record<string, unknown>;
    return (
      typeof x.hallId === 'string' && isRule(x.rule) && Number.isFinite(x.visitors) && (x.visitors as number) >= 0 && isSession(x.now) && isSession(x.next)
    );
  });
  return ok ? (data as HallSummaries) : null;
}

export function useHallSummaries(): { data: HallSummaries | null; refresh: () => void } {
  const [data, setData] = useState<HallSummaries | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const ctrl = new AbortController();
    fetch(routeUrl('entryHalls'), { signal: ctrl.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : null))
      .then((json: unknown) => {
        const read = readSummaries(json);
        if (read) setData(read);
      })
      .catch(() => {
        /* keep the last summary; the next round tries again */
      });
    return () => ctrl.abort();
  }, [tick]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, ENTRY_SUMMARY_REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { data, refresh };
}
