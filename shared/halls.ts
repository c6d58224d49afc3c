/** The halls Ludao serves, each a landmark layout from assets/halls. */
import gulangyu from '../assets/halls/gulangyu.json';
import shapowei from '../assets/halls/shapowei.json';
import { hallLayoutSchema, type HallLayout } from './layout';

export const HALL_IDS = ['gulangyu', 'shapowei'] as const;
export type HallId = (typeof HALL_IDS)[number];
export const DEFAULT_HALL: HallId = 'gulangyu';

// Parsed once at load: a broken layout fails loudly at start-up, not at a visitor's feet.
const layouts: Record<HallId, HallLayout> = {
  gulangyu: hallLayoutSchema.parse(gulangyu),
  shapowei: hallLayoutSchema.parse(shapowei),
};

export function isHallId(id: unknown): id is HallId {
  return typeof id === 'string' && (HALL_IDS as readonly string[]).includes(id);
}

export function getLayout(id: HallId): HallLayout {
  return layouts[id];
}
