/**
 * What this process's hall instances hold now, for the dashboard: visitors connected, and how many
 * of them stand at the hall's stage (within STAGE_AUDIENCE_RADIUS_M of the layout's stage spot, by
 * the server's own poses). A walk over each room's visitors every two seconds, outside any patch.
 */
import { STAGE_AUDIENCE_RADIUS_M } from '../../shared/api/dashboard';
import { POS_SCALE } from '../../shared/constants';
import { getLayout, isHallId } from '../../shared/halls';
import type { HallState } from '../../shared/schema/HallState';
import type { RoomReport } from './index';

interface RoomLike {
  state: HallState | undefined;
  clients: { length: number };
}

const R2 = (STAGE_AUDIENCE_RADIUS_M * POS_SCALE) ** 2;

export function roomsNow(rooms: Iterable<RoomLike>): RoomReport[] {
  const out: RoomReport[] = [];
  for (const room of rooms) {
    const state = room.state;
    if (!state || !isHallId(state.hallId)) continue;
    // every hall layout has a stage spot (shared/layoutSchema.ts)
    const { x, z } = getLayout(state.hallId).stage;
    const sx = x * POS_SCALE;
    const sz = z * POS_SCALE;
    let atStage = 0;
    let visitors = 0;
    state.visitors.forEach((v) => {
      if (!v.connected) return;
      visitors++;
      const dx = v.x - sx;
      const dz = v.z - sz;
      if (dx * dx + dz * dz <= R2) atStage++;
    });
    out.push({ hallId: state.hallId, instance: state.instance, visitors, atStage });
  }
  return out;
}
