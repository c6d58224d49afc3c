/** Interest-management geometry (shared/interest.ts): cells, hysteresis, neighbours, dots. */
import { describe, expect, it } from 'vitest';
import { DOT_M, INTEREST_CELL_M, INTEREST_HYSTERESIS_M } from '../../shared/constants';
import { cellKey, cellOf, cellX, cellZ, cellsAdjacent, forEachNeighbour, fromDot, nextCell, toDot } from '../../shared/interest';

const C = INTEREST_CELL_M;
const H = INTEREST_HYSTERESIS_M;

describe('cells', () => {
  it('packs and unpacks negative and positive cell coordinates', () => {
    for (const [x, z] of [
      [0, 0],
      [-1, 5],
      [7, -9],
      [-300, 300],
    ]) {
      const k = cellKey(x, z);
      expect([cellX(k), cellZ(k)]).toEqual([x, z]);
    }
  });

  it('puts a point in the cell whose square holds it', () => {
    expect(cellOf(0.1, 0.1)).toBe(cellKey(0, 0));
    expect(cellOf(-0.1, 0.1)).toBe(cellKey(-1, 0));
    expect(cellOf(C * 2.5, -C * 0.5)).toBe(cellKey(2, -1));
  });

  it('adjacency is the same cell or one of the eight around it', () => {
    const k = cellKey(3, 3);
    const around: number[] = [];
    forEachNeighbour(k, (n) => around.push(n));
    expect(around).toHaveLength(9);
    for (const n of around) expect(cellsAdjacent(k, n)).toBe(true);
    expect(cellsAdjacent(k, cellKey(5, 3))).toBe(false);
    expect(cellsAdjacent(k, cellKey(4, 1))).toBe(false);
  });
});

describe('hysteresis', () => {
  it('keeps a visitor in its cell until it is clearly past the edge', () => {
    const home = cellKey(0, 0);
    expect(nextCell(home, C + H * 0.5, 1)).toBe(home);
    expect(nextCell(home, -H * 0.5, 1)).toBe(home);
    expect(nextCell(home, C + H + 0.01, 1)).toBe(cellKey(1, 0));
    expect(nextCell(home, 1, -H - 0.01)).toBe(cellKey(0, -1));
  });

  it('someone pacing along a border does not flap between cells', () => {
    let cell = nextCell(undefined, C - 0.5, 5);
    let changes = 0;
    for (let i = 0; i < 100; i++) {
      const x = C + (i % 2 ? 1 : -1) * (H * 0.9);
      const next = nextCell(cell, x, 5);
      if (next !== cell) changes++;
      cell = next;
    }
    expect(changes).toBeLessThanOrEqual(1);
  });

  it('a jump lands in the right cell directly', () => {
    expect(nextCell(cellKey(0, 0), C * 10.5, -C * 3.5)).toBe(cellKey(10, -4));
  });
});

describe('dots', () => {
  it('round-trips to DOT_M and clamps to one byte', () => {
    for (const m of [0, 13.4, -57.9, 99]) expect(Math.abs(fromDot(toDot(m)) - m)).toBeLessThanOrEqual(DOT_M / 2);
    expect(toDot(10_000)).toBe(255);
    expect(toDot(-10_000)).toBe(0);
  });
});
