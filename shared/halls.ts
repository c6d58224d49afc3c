/** The halls Ludao serves, each a landmark layout from assets/halls. */
import gulangyu from '../assets/halls/gulangyu.json';
import shapowei from '../assets/halls/shapowei.json';
import type { HallLayout } from './layout';

export const HALL_IDS = ['gulangyu', 'shapowei'] as const;
export type HallId = (typeof HALL_IDS)[number];
export const DEFAULT_HALL: HallId = 'gulangyu';

// The files hold the parsed layout, defaults filled in (assets/halls/hallFiles.ts writes them from the
// plans through the schema; tests/unit/hallFiles.test.ts fails on drift). The server parses them again
// at start-up (server/hallLayouts.ts), so a broken file stops it; the visitor's bundle reads them
// as they are and carries no schema code (JSON imports type tuples and enums loosely, hence the cast).
const layouts: Record<HallId, HallLayout> = {
  gulangyu: gulangyu as unknown as HallLayout,
  shapowei: shapowei as unknown as HallLayout,
};

export function isHallId(id: unknown): id is HallId {
  return typeof id === 'string' && (HALL_IDS as readonly string[]).includes(id);
}

export function getLayout(id: HallId): HallLayout {
  return layouts[id];
}
