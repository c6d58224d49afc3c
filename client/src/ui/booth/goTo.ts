/** "Take me there": walk to a booth in this hall, or travel to its hall and walk there on arrival. */
import type { HallId } from '../../../../shared/halls';
import { getLayout, isHallId } from '../../../../shared/halls';
import { frontPoint } from '../../scene/booths/boothDims';
import { travelTo } from '../../scene/hotspots/travel';
import { useStore } from '../../store';
import { localPlayer } from '../../store/transient';
import { walkTo } from '../../controls/walkTo';

const PENDING = 'ludao.goToBooth';

/** Sets the walk target in front of a booth's slot. False when the slot is unknown or we are not placed yet. */
export function walkToSlot(hallId: HallId, slotId: string): boolean {
  const layout = getLayout(hallId);
  const slot = layout.boothSlots.find((s) => s.id === slotId);
  if (!slot || !localPlayer.ready) return false;
  return walkTo(layout, frontPoint(slot.x, slot.z, slot.ry, slot.size));
}

export function goToBooth(currentHall: HallId, target: { hallId: string; slotId: string | null; boothId: string }): void {
  if (!target.slotId || !isHallId(target.hallId)) return;
  const s = useStore.getState();
  s.setDirectoryOpen(false);
  if (target.hallId === currentHall) {
    walkToSlot(currentHall, target.slotId);
    s.openBoothPanel(target.boothId, 'directory');
    return;
  }
  try {
    sessionStorage.setItem(PENDING, JSON.stringify({ hallId: target.hallId, slotId: target.slotId, boothId: target.boothId }));
  } catch {
    /* private mode: travel anyway */
  }
  travelTo(target.hallId);
}

/** The booth a visitor asked for before travelling here, once (and only for this hall). */
export function takePendingBooth(hallId: HallId): { slotId: string; boothId: string } | null {
  try {
    const raw = sessionStorage.getItem(PENDING);
    if (!raw) return null;
    const p = JSON.parse(raw) as { hallId?: string; slotId?: string; boothId?: string };
    if (p.hallId !== hallId || typeof p.slotId !== 'string' || typeof p.boothId !== 'string') return null;
    sessionStorage.removeItem(PENDING);
    return { slotId: p.slotId, boothId: p.boothId };
  } catch {
    return null;
  }
}
