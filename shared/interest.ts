/**
 * Interest-management geometry shared by the server (who sees whom at full rate) and the client
 * (where to draw a far visitor's dot). Pure functions, no allocation on the hot paths.
 */
import { DOT_M, INTEREST_CELL_M, INTEREST_HYSTERESIS_M } from './constants';

/** Cells are packed into one integer key: 16 bits per axis, offset so negative cells work. */
const AXIS = 1 << 16;
const OFFSET = 1 << 15;

export function cellCoord(metres: number): number {
  return Math.floor(metres / INTEREST_CELL_M);
}

export function cellKey(cx: number, cz: number): number {
  return (cx + OFFSET) * AXIS + (cz + OFFSET);
}

export function cellX(key: number): number {
  return Math.floor(key / AXIS) - OFFSET;
}

export function cellZ(key: number): number {
  return (key % AXIS) - OFFSET;
}

export function cellOf(x: number, z: number): number {
  return cellKey(cellCoord(x), cellCoord(z));
}

/**
 * The cell a visitor at (x, z) belongs to, given the cell it was in: it stays there until it is
 * INTEREST_HYSTERESIS_M past the edge, so someone pacing along a border does not flap between cells.
 */
export function nextCell(current: number | undefined, x: number, z: number): number {
  if (current === undefined) return cellOf(x, z);
  const cx = cellX(current);
  const cz = cellZ(current);
  const h = INTEREST_HYSTERESIS_M;
  const minX = cx * INTEREST_CELL_M - h;
  const minZ = cz * INTEREST_CELL_M - h;
  const max = INTEREST_CELL_M + 2 * h;
  if (x >= minX && x < minX + max && z >= minZ && z < minZ + max) return current;
  return cellOf(x, z);
}

/** True when two cells are the same or touch (including diagonally): their visitors are "near". */
export function cellsAdjacent(a: number, b: number): boolean {
  return Math.abs(cellX(a) - cellX(b)) <= 1 && Math.abs(cellZ(a) - cellZ(b)) <= 1;
}

/** Calls `fn` for the cell and its eight neighbours. */
export function forEachNeighbour(key: number, fn: (k: number) => void): void {
  const cx = cellX(key);
  const cz = cellZ(key);
  for (let dx = -1; dx <= 1; dx++) for (let dz = -1; dz <= 1; dz++) fn(cellKey(cx + dx, cz + dz));
}

/** metres -> one byte (DOT_M steps around 128); the far-visitor summary on the wire. */
export function toDot(metres: number): number {
  const d = Math.round(metres / DOT_M) + 128;
  return d < 0 ? 0 : d > 255 ? 255 : d;
}

export function fromDot(d: number): number {
  return (d - 128) * DOT_M;
}
