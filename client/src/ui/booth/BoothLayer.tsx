/** Everything booth-related on the hall page's DOM layer: the live feed, the panel, the directory (its button is in the toolbar). */
import { useEffect } from 'react';
import type { HallId } from '../../../../shared/halls';
import { useStore } from '../../store';
import { localPlayer } from '../../store/transient';
import { BoothPanel } from './BoothPanel';
import { Directory } from './Directory';
import { followHallBooths } from './boothFeed';
import { takePendingBooth, walkToSlot } from './goTo';

export function BoothLayer({ hallId }: { hallId: HallId }) {
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

  return (
    <>
      <Directory hallId={hallId} />
      <BoothPanel hallId={hallId} />
    </>
  );
}
