/**
 * The one "walk up, a card opens" tracker: a few times a second it finds the desk the local
 * player stands at (desks.ts) and tells the store only when that changes. No allocation and no
 * React work per frame. Also registers the hall's landmark hotspots as desks, so their cards open
 * whatever scenery is drawn (`?scene=empty` included).
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { getLayout, type HallId } from '../../../../shared/halls';
import { useStore } from '../../store';
import { localPlayer } from '../../store/transient';
import { allDesks, nearestDesk, registerDesks, type Desk } from './desks';

const CHECK_EVERY_S = 0.2;
/** A landmark card stays open until the visitor is this far past the hotspot's edge. */
const HOTSPOT_LEAVE_M = 4;

const tick = { acc: CHECK_EVERY_S };

export function ProximityTracker({ hallId }: { hallId: HallId }) {
  const hotspots = useMemo<Desk[]>(
    () => getLayout(hallId).hotspots.map((h) => ({ kind: 'hotspot', id: h.id, x: h.x, z: h.z, radius: h.radius, leave: HOTSPOT_LEAVE_M })),
    [hallId],
  );
  useEffect(() => registerDesks('hotspots', hotspots), [hotspots]);
  // A fresh hall: nothing near, no card open.
  useEffect(() => useStore.getState().resetProximity(), [hallId]);

  useFrame((_, dt) => {
    tick.acc += dt;
    if (tick.acc < CHECK_EVERY_S || !localPlayer.ready) return;
    tick.acc = 0;
    const s = useStore.getState();
    const desk = nearestDesk(allDesks, localPlayer.x, localPlayer.z, s.near);
    const near = s.near;
    if (desk ? near && near.kind === desk.kind && near.id === desk.id : !near) return;
    s.walkTo(desk);
  });
  return null;
}
