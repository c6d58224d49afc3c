/**
 * "Take me there" from an answer: a booth goes through the directory's own way (booth/goTo: walk to
 * the front of its slot and open its panel, or travel to its hall first); a place or a session's
 * stage plans a way there (controls/walkTo) that the local motion walks through the same
 * walkability rules the server applies, so the server accepts each step. Across halls it travels, then walks on arrival.
 */
import { getLayout, isHallId, type HallId } from '../../../../../shared/halls';
import { walkTo } from '../../../controls/walkTo';
import { travelTo } from '../../../scene/hotspots/travel';
import { goToBooth } from '../../booth/goTo';
import { hallPlaces } from './askData';
import type { AskTarget } from './matcher';
import { savePendingWalk } from './pendingWalk';

function walkOrTravel(currentHall: HallId, hallId: HallId, x: number, z: number): boolean {
  if (hallId !== currentHall) {
    savePendingWalk(hallId, x, z);
    travelTo(hallId);
    return true;
  }
  // planned round buildings (controls/walkTo); false until the server has placed us
  return walkTo(getLayout(currentHall), { x, z });
}

/** Goes to a target; false when it cannot (not placed yet, a booth with no slot, the hall one is in). */
export function takeMeThere(currentHall: HallId, target: AskTarget): boolean {
  if (!isHallId(target.hallId)) return false;
  const hallId = target.hallId;
  if (target.kind === 'booth') {
    if (!target.slotId) return false;
    goToBooth(currentHall, { hallId, slotId: target.slotId, boothId: target.boothId });
    return true;
  }
  if (target.kind === 'place') {
    if (target.placeKind === 'hall') {
      if (hallId === currentHall) return false;
      travelTo(hallId);
      return true;
    }
    return walkOrTravel(currentHall, hallId, target.x, target.z);
  }
  const stage = hallPlaces(hallId).find((p) => p.kind === 'stage');
  return stage ? walkOrTravel(currentHall, hallId, stage.x, stage.z) : false;
}

/** Whether a target has somewhere to go from here. */
export function canGo(currentHall: HallId, target: AskTarget): boolean {
  if (target.kind === 'booth') return target.slotId !== null;
  if (target.kind === 'place' && target.placeKind === 'hall') return target.hallId !== currentHall;
  return true;
}
