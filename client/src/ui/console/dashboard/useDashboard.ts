/**
 * The dashboard's snapshot, live: one request at once, then every snapshot the server pushes over
 * its event stream (every few seconds); after a drop the stream reconnects by itself and the next
 * push brings everything, so nothing is refetched by hand.
 */
import { useEffect, useState } from 'react';
import { dashboardSnapshotSchema, type DashboardSnapshot } from '../../../../../shared/api/dashboard';
import { api, routeUrl } from '../../../net/api';
import { followStream } from '../../../net/sharedStream';

export function useDashboard(): { snap: DashboardSnapshot | null; up: boolean; problem: string | null } {
  const [snap, setSnap] = useState<DashboardSnapshot | null>(null);
  const [up, setUp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let gone = false;
    api('dashboard').then(
      (s) => !gone && setSnap((cur) => (cur && cur.at > s.at ? cur : s)),
      (e: unknown) => !gone && setProblem(e instanceof Error ? e.message : String(e)),
    );
    const stop = followStream(routeUrl('dashboardEvents'), {
      events: {
        snapshot: (data) => {
          let raw: unknown;
          try {
            raw = JSON.parse(data);
          } catch {
            return;
          }
          const parsed = dashboardSnapshotSchema.safeParse(raw);
          if (parsed.success) {
            setSnap(parsed.data);
            setProblem(null);
          }
        },
      },
      onStatus: (isUp) => setUp(isUp),
    });
    return () => {
      gone = true;
      stop();
    };
  }, []);

  return { snap, up, problem };
}
