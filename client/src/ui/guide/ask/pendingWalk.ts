/**
 * A walk asked for in one hall and finished in another: "take me there" to a place across the water
 * travels first, and the new hall's page walks the rest once the visitor is placed (once, and only
 * in that hall). The booths' equivalent is booth/goTo.ts.
 */
import { isHallId, type HallId } from '../../../../../shared/halls';

const KEY = 'ludao.askGuide.walk';

export function savePendingWalk(hallId: HallId, x: number, z: number): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ hallId, x, z }));
  } catch {
    /* private mode: travel anyway, the visitor walks the rest */
  }
}

export function takePendingWalk(hallId: HallId): { x: number; z: number } | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as { hallId?: unknown; x?: unknown; z?: unknown };
    if (!isHallId(p.hallId) || p.hallId !== hallId || typeof p.x !== 'number' || typeof p.z !== 'number' || !Number.isFinite(p.x + p.z)) return null;
    sessionStorage.removeItem(KEY);
    return { x: p.x, z: p.z };
  } catch {
    return null;
  }
}
