/**
 * One lane per lot in this process: the bids for a lot that got past the early check go to the
 * database's lock one after another, not all at once, and each first looks at the lot as this
 * process last saw it committed. When 200 bids land in the same instant they all pass the early
 * check (nothing has been accepted yet), and queued at the lot's row lock each holds it for round
 * trips while the server's one thread is busy with the other 199; in the lane, the few that can
 * still win take the lock, uncontended within this process, and the rest are answered "too low" from
 * the latest committed price without touching it. Correctness stays with the lock (other processes
 * bid too); a price only rises and a close only moves later, so any committed state is a safe early
 * judge.
 */
import type { LotRecord } from './auction';

interface Lane {
  tail: Promise<unknown>;
  /** the newest lot state this process saw committed (by bid count) */
  latest: LotRecord | null;
  queued: number;
}

const lanesByDb = new WeakMap<object, Map<string, Lane>>();

/** Runs `turn` when the lot's earlier bids in this process are done; `turn` gets the latest committed lot seen. */
export function inLotLane<T>(db: object, lotId: string, turn: (latest: LotRecord | null) => Promise<{ result: T; lot: LotRecord | null }>): Promise<T> {
  let lanes = lanesByDb.get(db);
  if (!lanes) lanesByDb.set(db, (lanes = new Map()));
  let lane = lanes.get(lotId);
  if (!lane) lanes.set(lotId, (lane = { tail: Promise.resolve(), latest: null, queued: 0 }));
  const l = lane;
  l.queued++;
  const run = l.tail.then(async () => {
    const { result, lot } = await turn(l.latest);
    if (lot && (!l.latest || lot.bidCount >= l.latest.bidCount)) l.latest = lot;
    return result;
  });
  // the next in the lane waits for this one whatever its outcome; an empty lane is forgotten
  l.tail = run.then(
    () => undefined,
    () => undefined,
  );
  void l.tail.then(() => {
    if (--l.queued === 0 && lanes.get(lotId) === l) lanes.delete(lotId);
  });
  return run;
}
