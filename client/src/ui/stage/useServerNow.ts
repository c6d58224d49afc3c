/** The server's time as state (net/clock.ts' estimate), fresh every `periodMs`: renders stay pure. */
import { useEffect, useState } from 'react';
import { serverClock } from '../../net/clock';

export function useServerNow(periodMs: number): number {
  const [now, setNow] = useState(() => serverClock.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(serverClock.now()), periodMs);
    return () => window.clearInterval(id);
  }, [periodMs]);
  return now;
}
