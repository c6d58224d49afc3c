import { useMemo } from 'react';
import { useStore } from '../../store';

/**
 * Slots of `hallId` that hold a dressed booth, as a Set that only changes when the occupancy does.
 * The landmark scenery skips its empty-stand marker at these slots.
 */
export function useOccupiedSlots(hallId: string): ReadonlySet<string> {
  const key = useStore((s) =>
    s.boothsHall === hallId
      ? Object.values(s.booths)
          .map((b) => b.slotId)
          .filter((x): x is string => !!x)
          .sort()
          .join('\n')
      : '',
  );
  return useMemo(() => new Set(key ? key.split('\n') : []), [key]);
}
