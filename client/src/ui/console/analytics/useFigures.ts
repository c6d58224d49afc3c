/**
 * Loads a set of figures for the chosen period and keeps them fresh (every 30 s, and at once when
 * the period changes). Only the latest request's answer is shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../session';
import { startOfTodayCst } from './format';

export type Period = 'all' | 'today' | 'hour';
const REFRESH_MS = 30_000;

/** The query of a period: `from` in ms as the API takes it, or nothing for the whole expo. */
export function periodQuery(p: Period, now = Date.now()): { from?: string } {
  if (p === 'today') return { from: String(startOfTodayCst(now)) };
  if (p === 'hour') return { from: String(now - 3_600_000) };
  return {};
}

export function useFigures<T>(load: (query: { from?: string }) => Promise<T>, period: Period) {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const d = await load(periodQuery(period));
      if (mine !== seq.current) return;
      setData(d);
      setAt(Date.now());
      setProblem(null);
    } catch (err) {
      if (mine === seq.current) setProblem(errorText(err));
    }
  }, [load, period]);

  useEffect(() => {
    void refresh();
    const id = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(id);
  }, [refresh]);

  return { data, problem, at, refresh };
}
