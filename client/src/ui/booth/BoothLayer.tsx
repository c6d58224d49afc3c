/** Everything booth-related on the hall page's DOM layer: the live feed, the panel, the directory (its button is in the toolbar). */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { HallId } from '../../../../shared/halls';
import { useStore } from '../../store';
import { localPlayer } from '../../store/transient';
import { followHallBooths } from './boothFeed';
import { takePendingBooth, walkToSlot } from './goTo';
import './booth.css';

// Not needed for the first frame: fetched when the browser is idle after it, or at once when a
// visitor opens one sooner.
const Directory = lazy(() => import('./Directory').then((m) => ({ default: m.Directory })));
const BoothPanel = lazy(() => import('./BoothPanel').then((m) => ({ default: m.BoothPanel })));

function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 200);
  return () => window.clearTimeout(id);
}

export function BoothLayer({ hallId }: { hallId: HallId }) {
  const drawn = useStore((s) => s.hallDrawn);
  const wanted = useStore((s) => s.directoryOpen || s.card?.kind === 'booth');
  const [idleAfterFrame, setIdleAfterFrame] = useState(false);
  useEffect(() => (drawn ? whenIdle(() => setIdleAfterFrame(true)) : undefined), [drawn]);

  useEffect(() => {
    const stop = followHallBooths(hallId);
    return () => {
      stop();
      useStore.setState({ booths: {}, boothsHall: null, boothsStatus: 'idle', directoryOpen: false });
      const s = useStore.getState();
      if (s.card?.kind === 'booth') s.closeCard();
    };
  }, [hallId]);

  // Arrived from another hall's directory: walk to the booth once we are placed.
  useEffect(() => {
    const pending = takePendingBooth(hallId);
    if (!pending) return;
    const id = window.setInterval(() => {
      if (!localPlayer.ready) return;
      window.clearInterval(id);
      walkToSlot(hallId, pending.slotId);
      useStore.getState().openBoothPanel(pending.boothId, 'directory');
    }, 250);
    return () => window.clearInterval(id);
  }, [hallId]);

  if (!idleAfterFrame && !wanted) return null;
  return (
    <>
      <Suspense fallback={null}>
        <Directory hallId={hallId} />
      </Suspense>
      <Suspense fallback={null}>
        <BoothPanel hallId={hallId} />
      </Suspense>
    </>
  );
}
