/**
 * The halls' summaries for the landing page (visitors now, the stage's now/next, the entry rule):
 * one small cached GET every ENTRY_SUMMARY_REFRESH_MS while the page is visible, and at once when it
 * becomes visible again. The server computes the answer once per couple of seconds for everyone.
 */
import { useCallback, useEffect, useState } from 'react';
import { ENTRY_SUMMARY_REFRESH_MS } from '../../../../shared/api/entryTerms';
import type { RouteResponse } from '../../../../shared/api/routes';
import { api } from '../../net/api';

export type HallSummaries = RouteResponse<'entryHalls'>;

export function useHallSummaries(): { data: HallSummaries | null; refresh: () => void } {
  const [data, setData] = useState<HallSummaries | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const ctrl = new AbortController();
    api('entryHalls', { signal: ctrl.signal })
      .then(setData)
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
