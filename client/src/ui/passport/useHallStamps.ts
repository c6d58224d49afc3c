/**
 * A hall's stamps as a page shows them: its landmarks, and a stamp per booth placed in it as the
 * hall's booth list has them (the server reads the same booths from the database). The hall's
 * passport panel and the 2D catalog's read-only passport both list these.
 */
import { useMemo } from 'react';
import { getLayout, type HallId } from '../../../../shared/halls';
import { boothStamps, hallStamps, type StampDef } from '../../../../shared/passport';
import { useStore } from '../../store';

export function useHallStamps(hallId: HallId): { stamps: StampDef[]; boothList: StampDef[] } {
  const booths = useStore((s) => s.booths);
  const stamps = useMemo(() => hallStamps(getLayout(hallId)), [hallId]);
  const boothList = useMemo(
    () =>
      boothStamps(
        getLayout(hallId),
        Object.values(booths)
          .filter((b) => b.hallId === hallId && b.slotId)
          .map((b) => ({ boothId: b.id, slotId: b.slotId!, name: b.exhibitor.name })),
      ),
    [booths, hallId],
  );
  return { stamps, boothList };
}
